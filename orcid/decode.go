package orcid

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/scholarld/scholarld/source"
)

// Sentinel errors wrapped by the errors of [Decode] and [Read], along with
// source.ErrSyntax (malformed XML or JSON) and source.ErrType (a value of
// the wrong kind, such as a put-code that is not a number).
var (
	// ErrNotORCID is wrapped when data is not an ORCID document: not XML
	// whose root is in ORCID's namespaces, nor JSON with ORCID's keys.
	ErrNotORCID = errors.New("not an ORCID v3.0 document")
	// errWhichSection is wrapped when JSON has the keys of an item of
	// several sections and nothing says which.
	errWhichSection = fmt.Errorf("cannot tell which section: %w", ErrNotORCID)
	// ErrUnsupported is wrapped when data is an ORCID document of which
	// the model holds nothing, such as a funding, a peer review or the
	// record's history.
	ErrUnsupported = errors.New("not a part of an ORCID record that scholarld holds")
	// ErrLeftOut is wrapped by the warnings of [Read] about what it left
	// out of the dataset.
	ErrLeftOut = errors.New("left out")
)

// bom is the UTF-8 byte-order mark, which Decode ignores.
var bom = []byte("\uFEFF")

// Sniff reports whether data looks like an ORCID document that [Decode]
// reads: XML whose root element is in one of ORCID's namespaces
// (http://www.orcid.org/ns/…), or a JSON object with a key only ORCID's
// JSON has, such as "orcid-identifier", "activities-summary", "bulk",
// "affiliation-group" or "external-id-type". It does not check the whole
// document.
func Sniff(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
	if len(data) == 0 {
		return false
	}
	switch data[0] {
	case '<':
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			tok, err := dec.Token()
			if err != nil {
				return false
			}
			if se, ok := tok.(xml.StartElement); ok {
				return strings.HasPrefix(se.Name.Space, "http://www.orcid.org/ns/")
			}
		}
	case '{':
		var top map[string]json.RawMessage
		if json.Unmarshal(data, &top) != nil {
			return false
		}
		for _, key := range []string{"people", "organizations", "publications"} {
			if _, ok := top[key]; ok {
				return false // a scholarld dataset, whatever else it holds
			}
		}
		// The records of the other scholarly graphs: OpenAlex's (an id
		// of openalex.org, or a list of results), Crossref's (a message,
		// or a DOI in capitals) and DataCite's (data).
		for _, key := range []string{"results", "message", "message-type", "DOI", "data", "doi"} {
			if _, ok := top[key]; ok {
				return false
			}
		}
		if id, ok := top["id"]; ok && bytes.Contains(id, []byte("openalex.org/")) {
			return false
		}
		_, err := jsonKind(top, "")
		return err == nil || errors.Is(err, ErrUnsupported) || errors.Is(err, errWhichSection)
	}
	return false
}

// Decode decodes one ORCID API v3.0 document called name into a Record. The
// document is XML or JSON, recognised by its content, as ORCID's public API
// and public data file serve it: a whole record, its person or activities,
// one section (employments, keywords, …) or one item of a section, a work,
// or a bulk of works. Whatever the document holds is placed where it
// belongs in the record: a work or a bulk in Works, an employment in
// Activities.Employments. Elements the model has no use for (created
// dates, sources, history, preferences, fundings, peer reviews, research
// resources) are skipped. When the document has no orcid-identifier but
// its API paths name an iD ("/0000-0002-1825-0097/works"), ORCID is set
// from them.
//
// JSON has no root element: a section or an item of one is recognised by
// its keys, and by its API path or, failing that, the file name
// ("employment.json"), where its keys fit several sections.
//
// Errors are a [source.ErrorList] whose errors have the line, the column
// and the path (such as "record.person.name") of the problem, and wrap
// source.ErrSyntax, source.ErrType, [ErrNotORCID] or [ErrUnsupported].
// A document larger than 256 MiB is refused with source.ErrTooLarge
// before more is read.
func Decode(name string, r io.Reader) (*Record, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxDocument+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(data) > maxDocument {
		err := &source.Error{Pos: source.Pos{File: name}, Err: fmt.Errorf("more than %d bytes: %w", maxDocument, source.ErrTooLarge)}
		return nil, source.ErrorList{err}
	}
	return decode(name, data)
}

// maxDocument is the largest document Decode reads, in bytes: the default
// file size limit of package dataset's Loader.
const maxDocument = 256 << 20

// decode decodes the document data called name.
func decode(name string, data []byte) (*Record, error) {
	data = bytes.TrimPrefix(data, bom)
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	start := int64(len(data) - len(trimmed))
	if len(trimmed) > 0 && trimmed[0] == '<' {
		return decodeXML(name, data)
	}
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return decodeJSON(name, data)
	}
	ix := &index{file: name, data: data}
	return nil, ix.errorAt(start, "", fmt.Errorf("want ORCID XML or JSON: %w", ErrNotORCID))
}

// Kinds of document, named after their XML root element.
const (
	kRecord              = "record"
	kPerson              = "person"
	kPersonalDetails     = "personal-details"
	kActivities          = "activities-summary"
	kWorks               = "works"
	kWork                = "work"
	kBulk                = "bulk"
	kName                = "name"
	kCreditName          = "credit-name"
	kBiography           = "biography"
	kOtherNames          = "other-names"
	kOtherName           = "other-name"
	kResearcherURLs      = "researcher-urls"
	kResearcherURL       = "researcher-url"
	kEmails              = "emails"
	kEmail               = "email"
	kAddresses           = "addresses"
	kAddress             = "address"
	kKeywords            = "keywords"
	kKeyword             = "keyword"
	kExternalIdentifiers = "external-identifiers"
	kExternalIdentifier  = "external-identifier"
)

// affiliationKinds are the affiliation sections and their items' kinds,
// in the order of orcidSection.
var affiliationKinds = [...]struct{ section, item string }{
	{"distinctions", "distinction"},
	{"educations", "education"},
	{"employments", "employment"},
	{"invited-positions", "invited-position"},
	{"memberships", "membership"},
	{"qualifications", "qualification"},
	{"services", "service"},
}

// unsupportedKinds are the ORCID documents the model holds nothing of.
var unsupportedKinds = []string{
	"funding", "fundings", "peer-review", "peer-reviews", "research-resource", "research-resources",
	"history", "preferences", "error", "search", "expanded-search", "work-summary",
}

// known reports whether k is a kind of document Decode reads.
func known(k string) bool {
	switch k {
	case kRecord, kPerson, kPersonalDetails, kActivities, kWorks, kWork, kBulk, kName, kCreditName, kBiography,
		kOtherNames, kOtherName, kResearcherURLs, kResearcherURL, kEmails, kEmail, kAddresses, kAddress,
		kKeywords, kKeyword, kExternalIdentifiers, kExternalIdentifier:
		return true
	}
	for _, a := range affiliationKinds {
		if k == a.section || k == a.item {
			return true
		}
	}
	return false
}

func decodeXML(name string, data []byte) (*Record, error) {
	ix, err := indexXML(name, data)
	if err != nil {
		return nil, err
	}
	root := ix.root
	if !strings.HasPrefix(root.Space, "http://www.orcid.org/ns/") {
		return nil, ix.errorAt(ix.spans[0].start, root.Local,
			fmt.Errorf("root element <%s> in namespace %q: %w", root.Local, root.Space, ErrNotORCID))
	}
	if !known(root.Local) {
		return nil, ix.errorAt(ix.spans[0].start, root.Local, fmt.Errorf("<%s>: %w", root.Local, ErrUnsupported))
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var start xml.StartElement
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, ix.xmlError(dec, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			start = se
			break
		}
	}
	r := new(Record)
	if err := r.decodeKind(root.Local, func(v any) error { return dec.DecodeElement(v, &start) }); err != nil {
		return nil, ix.xmlError(dec, err)
	}
	r.finish(ix)
	return r, nil
}

func decodeJSON(name string, data []byte) (*Record, error) {
	ix, err := indexJSON(name, data)
	if err != nil {
		return nil, err
	}
	k, err := jsonKind(ix.top, name)
	if err != nil {
		return nil, ix.errorAt(ix.spans[0].start, "", err)
	}
	r := new(Record)
	if err := r.decodeKind(k, func(v any) error { return json.Unmarshal(data, v) }); err != nil {
		return nil, ix.jsonError(err)
	}
	r.finish(ix)
	return r, nil
}

// personalDetails is the personal-details element, whose name and
// biography are in the personal-details namespace, not the person one. In
// JSON it has the keys of a person.
type personalDetails struct {
	Path       string      `xml:"path,attr,omitempty" json:"path,omitempty"`
	Name       *Name       `xml:"http://www.orcid.org/ns/personal-details name,omitempty" json:"name,omitempty"`
	OtherNames *OtherNames `xml:"http://www.orcid.org/ns/other-name other-names,omitempty" json:"other-names,omitempty"`
	Biography  *Biography  `xml:"http://www.orcid.org/ns/personal-details biography,omitempty" json:"biography,omitempty"`
}

// decodeKind decodes a document of kind k with decode and places it in r.
func (r *Record) decodeKind(k string, decode func(v any) error) error {
	switch k {
	case kRecord:
		return decode(r)
	case kActivities:
		r.Activities = new(ActivitiesSummary)
		return decode(r.Activities)
	case kWorks:
		r.activities().Works = new(Works)
		return decode(r.Activities.Works)
	case kWork:
		var w Work
		if err := decode(&w); err != nil {
			return err
		}
		r.Works = append(r.Works, w)
		return nil
	case kBulk:
		var b bulk
		if err := decode(&b); err != nil {
			return err
		}
		r.Works = append(r.Works, b.Works...)
		return nil
	}
	for s, a := range affiliationKinds {
		switch k {
		case a.section:
			sec := new(Affiliations)
			if err := decode(sec); err != nil {
				return err
			}
			*r.activities().section(orcidSection(s)) = sec
			return nil
		case a.item:
			var af Affiliation
			if err := decode(&af); err != nil {
				return err
			}
			r.activities().add(orcidSection(s), af)
			return nil
		}
	}
	if r.Person == nil {
		r.Person = new(Person)
	}
	p := r.Person
	switch k {
	case kPerson:
		return decode(p)
	case kPersonalDetails:
		var d personalDetails
		if err := decode(&d); err != nil {
			return err
		}
		p.Path, p.Name, p.OtherNames, p.Biography = d.Path, d.Name, d.OtherNames, d.Biography
		return nil
	case kName:
		p.Name = new(Name)
		return decode(p.Name)
	case kCreditName:
		p.Name = new(Name)
		return decode(&p.Name.CreditName)
	case kBiography:
		p.Biography = new(Biography)
		return decode(p.Biography)
	case kOtherNames:
		p.OtherNames = new(OtherNames)
		return decode(p.OtherNames)
	case kOtherName:
		p.OtherNames = &OtherNames{OtherName: make([]OtherName, 1)}
		return decode(&p.OtherNames.OtherName[0])
	case kResearcherURLs:
		p.ResearcherURLs = new(ResearcherURLs)
		return decode(p.ResearcherURLs)
	case kResearcherURL:
		p.ResearcherURLs = &ResearcherURLs{ResearcherURL: make([]ResearcherURL, 1)}
		return decode(&p.ResearcherURLs.ResearcherURL[0])
	case kEmails:
		return decode(&p.Emails)
	case kEmail:
		p.Emails.Email = make([]Email, 1)
		return decode(&p.Emails.Email[0])
	case kAddresses:
		p.Addresses = new(Addresses)
		return decode(p.Addresses)
	case kAddress:
		p.Addresses = &Addresses{Address: make([]Address, 1)}
		return decode(&p.Addresses.Address[0])
	case kKeywords:
		p.Keywords = new(Keywords)
		return decode(p.Keywords)
	case kKeyword:
		p.Keywords = &Keywords{Keyword: make([]Keyword, 1)}
		return decode(&p.Keywords.Keyword[0])
	case kExternalIdentifiers:
		p.ExternalIdentifiers = new(ExternalIdentifiers)
		return decode(p.ExternalIdentifiers)
	case kExternalIdentifier:
		p.ExternalIdentifiers = &ExternalIdentifiers{ExternalIdentifier: make([]ExternalIdentifier, 1)}
		return decode(&p.ExternalIdentifiers.ExternalIdentifier[0])
	}
	return fmt.Errorf("%s: %w", k, ErrUnsupported)
}

// activities returns r.Activities, creating it if needed.
func (r *Record) activities() *ActivitiesSummary {
	if r.Activities == nil {
		r.Activities = new(ActivitiesSummary)
	}
	return r.Activities
}

// section returns the field of a that holds section s.
func (a *ActivitiesSummary) section(s orcidSection) **Affiliations {
	return [...]**Affiliations{&a.Distinctions, &a.Educations, &a.Employments, &a.InvitedPositions, &a.Memberships, &a.Qualifications, &a.Services}[s]
}

// add appends af to section s in a group of its own, as ORCID groups
// affiliations that share no external ids.
func (a *ActivitiesSummary) add(s orcidSection, af Affiliation) {
	sec := a.section(s)
	if *sec == nil {
		*sec = new(Affiliations)
	}
	var g AffiliationGroup
	*g.lists()[s] = []Affiliation{af}
	(*sec).Group = append((*sec).Group, g)
}

// finish completes r after decoding: the iD from the API paths, and the
// sections the index saw but the model does not hold.
func (r *Record) finish(ix *index) {
	if r.ORCID == nil && ix.id != "" {
		r.ORCID = &Identifier{URI: "https://orcid.org/" + ix.id, Path: ix.id, Host: "orcid.org"}
	}
	r.skipped, r.skippedAt = ix.skipped, ix.skippedAt
	r.file, r.at = ix.file, ix.pos(ix.spans[0].start)
	for i := range r.Works {
		r.Works[i].from = ix.file
	}
	for _, sp := range ix.spans {
		if sp.name == "person" && sp.depth <= 1 {
			r.at = ix.pos(sp.start)
			break
		}
	}
}

// jsonKind returns the kind of the JSON document whose top-level object is
// top, from its keys, its API path and the file name; see [Decode].
func jsonKind(top map[string]json.RawMessage, name string) (string, error) {
	has := func(keys ...string) bool {
		for _, k := range keys {
			if _, ok := top[k]; ok {
				return true
			}
		}
		return false
	}
	isArray := func(key string) bool {
		v := bytes.TrimSpace(top[key])
		return len(v) > 0 && v[0] == '['
	}
	isObject := func(key string) bool {
		v := bytes.TrimSpace(top[key])
		return len(v) > 0 && v[0] == '{'
	}
	var apiPath string
	_ = json.Unmarshal(top["path"], &apiPath)
	stem := stemOf(apiPath, name)
	pick := func(what string, allowed ...string) (string, error) {
		for _, a := range allowed {
			if stem == a || stem == a+"s" {
				return a, nil
			}
		}
		if stem != "" && !known(stem) && !known(stem+"s") {
			return "", fmt.Errorf("%s: %w", stem, ErrUnsupported)
		}
		return "", fmt.Errorf("%s: its API path or the file name must say, as in employment.json: %w", what, errWhichSection)
	}
	affiliationItems := make([]string, len(affiliationKinds))
	for i, a := range affiliationKinds {
		affiliationItems[i] = a.item
	}
	switch {
	case has("orcid-identifier", "activities-summary", "history", "preferences") || isObject("person"):
		return kRecord, nil
	case has("bulk"):
		return kBulk, nil
	case has("affiliation-group"):
		item, err := pick("an affiliation section", affiliationItems...)
		return item + "s", err
	case has("group"):
		if stem == "work" || bytes.Contains(top["group"], []byte(`"work-summary"`)) {
			return kWorks, nil
		}
		return "", fmt.Errorf("groups of fundings, peer reviews or research resources: %w", ErrUnsupported)
	case has("distinctions", "educations", "employments", "invited-positions", "memberships", "qualifications", "services", "works", "fundings", "peer-reviews", "research-resources"):
		return kActivities, nil
	case has("name", "other-names", "biography", "researcher-urls", "emails", "addresses", "keywords", "external-identifiers"):
		return kPerson, nil
	case isArray("other-name"):
		return kOtherNames, nil
	case isArray("researcher-url"):
		return kResearcherURLs, nil
	case isArray("email"):
		return kEmails, nil
	case isArray("address"):
		return kAddresses, nil
	case isArray("keyword"):
		return kKeywords, nil
	case isArray("external-identifier"):
		return kExternalIdentifiers, nil
	case isObject("title") && has("type"):
		return kWork, nil
	case has("external-id-type"):
		return kExternalIdentifier, nil
	case has("organization", "role-title", "department-name", "start-date", "end-date"):
		return pick("an affiliation", affiliationItems...)
	case has("url-name", "url"):
		return kResearcherURL, nil
	case has("email"):
		return kEmail, nil
	case has("country"):
		return kAddress, nil
	case has("given-names", "family-name", "credit-name"):
		return kName, nil
	case has("content"):
		return pick("a keyword, other name or biography", kKeyword, kOtherName, kBiography)
	}
	if stem != "" && !known(stem) {
		return "", fmt.Errorf("%s: %w", stem, ErrUnsupported)
	}
	return "", fmt.Errorf("no key of an ORCID record, section or work: %w", ErrNotORCID)
}

// stemOf returns the section an API path ("/0000-…/employment/4288") or,
// failing that, a file name ("employment-3.0.json") names: the longest
// kind of document, or unsupported kind, that a path segment is or the
// file's base name starts with. It returns "" if neither names one.
func stemOf(apiPath, name string) string {
	kinds := append([]string{
		kWork, kWorks, kName, kBiography, kOtherName, kOtherNames, kResearcherURL, kResearcherURLs,
		kEmail, kEmails, kAddress, kAddresses, kKeyword, kKeywords, kExternalIdentifier, kExternalIdentifiers,
	}, unsupportedKinds...)
	for _, a := range affiliationKinds {
		kinds = append(kinds, a.item, a.section)
	}
	for seg := range strings.SplitSeq(apiPath, "/") {
		for _, k := range kinds {
			if seg == k {
				return k
			}
		}
	}
	base := strings.ToLower(path.Base(strings.ReplaceAll(name, "\\", "/")))
	best := ""
	for _, k := range kinds {
		if strings.HasPrefix(base, k) && len(k) > len(best) {
			best = k
		}
	}
	return best
}
