package datacite

import (
	"fmt"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/internal/jsonimport"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/validate"
)

// fields are the attributes of a record that the model holds, gathered
// in one pass over the attributes.
type fields struct {
	doi, url, types, titles, creators, contributors      jsonimport.Value
	publisher, container, year, dates, descriptions      jsonimport.Value
	subjects, related, identifiers, alternateIdentifiers jsonimport.Value
}

// field returns where the attribute called key goes, or nil.
func (f *fields) field(key string) *jsonimport.Value {
	switch key {
	case "doi":
		return &f.doi
	case "url":
		return &f.url
	case "types":
		return &f.types
	case "titles":
		return &f.titles
	case "creators":
		return &f.creators
	case "contributors":
		return &f.contributors
	case "publisher":
		return &f.publisher
	case "container":
		return &f.container
	case "publicationYear":
		return &f.year
	case "dates":
		return &f.dates
	case "descriptions":
		return &f.descriptions
	case "subjects":
		return &f.subjects
	case "relatedIdentifiers":
		return &f.related
	case "identifiers":
		return &f.identifiers
	case "alternateIdentifiers":
		return &f.alternateIdentifiers
	}
	return nil
}

// bookkeeping are the attributes that are DataCite's own records (its
// prefix and suffix of the DOI, the XML it was registered as, its state,
// counts of views, downloads and citations, when it was registered and
// updated) or that repeat others (published repeats publicationYear):
// they are left out without a warning.
var bookkeeping = map[string]bool{
	"prefix": true, "suffix": true, "xml": true, "contentUrl": true, "metadataVersion": true,
	"schemaVersion": true, "source": true, "isActive": true, "state": true, "reason": true,
	"viewCount": true, "viewsOverTime": true, "downloadCount": true, "downloadsOverTime": true,
	"referenceCount": true, "citationCount": true, "citationsOverTime": true, "partCount": true,
	"partOfCount": true, "versionCount": true, "versionOfCount": true, "created": true,
	"registered": true, "published": true, "updated": true, "event": true, "landingPage": true,
	"agency": true, "clientId": true, "providerId": true,
}

// repositoryKinds are the kinds whose publisher is the repository that
// holds them, such as Zenodo or Dryad, and so their venue.
var repositoryKinds = map[publication.Kind]bool{
	publication.KindDataset: true, publication.KindSoftware: true, publication.KindPreprint: true,
}

// attributes reads the attributes v of a record at path into a
// publication, with the version links it states (From to be set). id is
// the record's JSON:API id, at idPath: the DOI when the attributes have
// none.
func (r *reader) attributes(path string, v, id jsonimport.Value, idPath string) (p publication.Publication, links []jsonimport.Link) {
	var f fields
	for key, m := range v.Members() {
		if dst := f.field(key); dst != nil {
			*dst = m
			continue
		}
		if bookkeeping[key] || m.IsEmpty() {
			continue
		}
		r.notHeld(jsonimport.At(path, "%s", key), key, m)
	}
	p.Kind = r.kind(path, f.types)
	doiVal, doiPath := f.doi, jsonimport.At(path, "doi")
	if doiVal.IsEmpty() {
		doiVal, doiPath = id, idPath
	}
	if s, ok := r.Text(doiVal, doiPath, false); ok && strings.TrimSpace(s) != "" {
		if doi, err := jsonimport.ParseDOI(strings.TrimSpace(s)); err != nil {
			r.Errorf(doiVal, doiPath, "%w", err)
		} else {
			p.Identifiers.DOI = doi
			p.Identifiers.ArXiv = arXivOf(doi)
		}
	}
	r.titles(jsonimport.At(path, "titles"), f.titles, &p)
	p.Authors, p.EtAl = r.creators(jsonimport.At(path, "creators"), f.creators)
	r.contributors(jsonimport.At(path, "contributors"), f.contributors)
	p.Date = r.date(path, &f)
	r.venue(path, &f, &p)
	r.descriptions(jsonimport.At(path, "descriptions"), f.descriptions, &p)
	for i, s := range r.Objects(f.subjects, jsonimport.At(path, "subjects")) {
		text, _ := r.Text(s.Get("subject"), jsonimport.At(path, "subjects[%d].subject", i), false)
		if k := jsonimport.Line(text); k != "" && !slices.Contains(p.Keywords, k) {
			p.Keywords = append(p.Keywords, k)
		}
	}
	if s, ok := r.Text(f.url, jsonimport.At(path, "url"), false); ok {
		s = strings.TrimSpace(s)
		if doi, err := jsonimport.ParseDOI(s); err == nil && doi.Key() == p.Identifiers.DOI.Key() {
			// The DOI's own address: the DOI says it.
		} else if err := validate.HTTPURL(s); err != nil {
			r.Warnf(f.url, jsonimport.At(path, "url"), "%w: %w", err, ErrLeftOut)
		} else {
			p.URL = s
		}
	}
	r.identifiers(jsonimport.At(path, "identifiers"), f.identifiers, "identifier", &p)
	r.identifiers(jsonimport.At(path, "alternateIdentifiers"), f.alternateIdentifiers, "alternateIdentifier", &p)
	return p, r.related(jsonimport.At(path, "relatedIdentifiers"), f.related)
}

// arXivOf returns the arXiv id of a DOI that arXiv registered with
// DataCite, such as 10.48550/arXiv.2402.05271, or "".
func arXivOf(doi publication.DOI) publication.ArXiv {
	prefix, suffix, _ := strings.Cut(string(doi), "/")
	if prefix != "10.48550" || len(suffix) < 6 || !strings.EqualFold(suffix[:6], "arxiv.") {
		return ""
	}
	id, err := jsonimport.ParseArXiv(suffix[6:])
	if err != nil {
		return ""
	}
	return id
}

// kind returns the kind that a record's types say.
func (r *reader) kind(path string, types jsonimport.Value) publication.Kind {
	switch types.Kind() {
	case jsonimport.Absent, jsonimport.Null:
		return publication.KindOther
	case jsonimport.Object:
	default:
		r.TypeError(types, jsonimport.At(path, "types"), "an object")
		return publication.KindOther
	}
	general := types.Get("resourceTypeGeneral")
	at := jsonimport.At(path, "types.resourceTypeGeneral")
	s, ok := r.Text(general, at, false)
	if !ok {
		return publication.KindOther
	}
	k, known := kinds[strings.TrimSpace(s)]
	if !known {
		r.Warnf(general, at, "%s: not a resourceTypeGeneral of DataCite's, held as other: %w", jsonimport.Quote(s, 40), ErrLeftOut)
		return publication.KindOther
	}
	return k
}

// titles sets the title of p, with its subtitle, and its other titles:
// the first title without a titleType is the title (else the first one),
// the first Subtitle follows it after a colon, and the others are other
// titles.
func (r *reader) titles(path string, v jsonimport.Value, p *publication.Publication) {
	type title struct{ text, typ string }
	var all []title
	for i, t := range r.Objects(v, path) {
		text, _ := r.Text(t.Get("title"), jsonimport.At(path, "[%d].title", i), false)
		typ, _ := r.Text(t.Get("titleType"), jsonimport.At(path, "[%d].titleType", i), false)
		if text = titleText(text); text != "" {
			all = append(all, title{text, strings.TrimSpace(typ)})
		}
	}
	main := slices.IndexFunc(all, func(t title) bool { return t.typ == "" })
	if main < 0 {
		main = slices.IndexFunc(all, func(t title) bool { return t.typ != "Subtitle" })
	}
	if main < 0 {
		return // subtitles alone
	}
	p.Title = all[main].text
	sub := slices.IndexFunc(all, func(t title) bool { return t.typ == "Subtitle" })
	if sub >= 0 && !strings.Contains(p.Title, all[sub].text) {
		p.Title += ": " + all[sub].text
	}
	for i, t := range all {
		if i != main && i != sub && t.text != p.Title && !slices.Contains(p.OtherTitles, t.text) {
			p.OtherTitles = append(p.OtherTitles, t.text)
		}
	}
}

// titleText returns a title on one line, without any markup.
func titleText(s string) string {
	if strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return jsonimport.Line(s)
	}
	return jsonimport.Line(jsonimport.StripMarkup(s))
}

// date returns the date of a record: its Issued date, as precise as it is
// given, else its publicationYear. A date that does not parse is an
// error.
func (r *reader) date(path string, f *fields) profile.Date {
	for i, d := range r.Objects(f.dates, jsonimport.At(path, "dates")) {
		typ, _ := r.Text(d.Get("dateType"), jsonimport.At(path, "dates[%d].dateType", i), false)
		switch typ = strings.TrimSpace(typ); typ {
		case "Issued":
		case "Created", "Updated":
			continue // the record's bookkeeping
		default:
			r.Warnf(d, jsonimport.At(path, "dates[%d]", i), "a date of type %s: the model holds the date of issue only: %w", jsonimport.Quote(typ, 30), ErrLeftOut)
			continue
		}
		val := d.Get("date")
		s, _ := r.Text(val, jsonimport.At(path, "dates[%d].date", i), false)
		if date, err := parseDate(s); err != nil {
			r.Errorf(val, jsonimport.At(path, "dates[%d].date", i), "%w", err)
		} else if !date.IsZero() {
			return date
		}
	}
	s, ok := r.Text(f.year, jsonimport.At(path, "publicationYear"), true)
	if s = strings.TrimSpace(s); !ok || s == "" {
		return ""
	}
	date, err := jsonimport.ParseDate(s)
	if err == nil && len(s) != 4 {
		err = fmt.Errorf("publicationYear %s: want a year, such as 2023: %w", jsonimport.Quote(s, 20), profile.ErrMalformed)
	}
	if err != nil {
		r.Errorf(f.year, jsonimport.At(path, "publicationYear"), "%w", err)
		return ""
	}
	return date
}

// parseDate parses a DataCite date: a date of ISO 8601 as W3CDTF writes
// it ("2023", "2023-01", "2023-01-31", with an optional time after a T),
// or a range of two ("2020-01/2020-06"), of which the start counts (the
// end, if the start is open). It returns the zero Date for "".
func parseDate(s string) (profile.Date, error) {
	s = strings.TrimSpace(s)
	if start, end, isRange := strings.Cut(s, "/"); isRange {
		s = strings.TrimSpace(start)
		if s == "" {
			s = strings.TrimSpace(end)
		}
	}
	if s == "" {
		return "", nil
	}
	if i := strings.IndexAny(s, "T "); i == 10 {
		s = s[:i]
	}
	return jsonimport.ParseDate(s)
}
