package biblio

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// ReadCSLJSON reads a CSL-JSON array of items, the content data of the
// file called name, into a dataset of publications. Errors, positioned at
// the item (file:line:column, with the item's id as path), are a
// [source.ErrorList] returned with the dataset of the good items; a
// variable the model cannot hold is in the dataset's Warnings, each
// wrapping [ErrLeftOut]. Authors are in the order of the author variable,
// with the ORCID iDs their names carry (see [CSLName]); a name that names
// nobody is left out with a warning. Each publication's Origin is its
// item: Path is the item's id (or "[i]" for an item without one) and Pos
// the position of its opening brace. A second item with the id of an
// earlier one is a [*DuplicateError] and is not read; a name without
// family, given or literal is an error at the name, wrapping
// [ErrMissing]; text that is not UTF-8, or a \u0000, is an error wrapping
// [ErrEncoding] at its place.
func ReadCSLJSON(name string, data []byte) (*dataset.Dataset, error) {
	r := newBibReader(name, data)
	if err := utf16Problem(data); err != nil {
		r.errs.Add(r.lines.Pos(0), "", err)
		return nil, r.errs.Err()
	}
	firstAt := make(map[string]int) // the offset of the item of each id
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		r.errorf(int(dec.InputOffset()), "", "want a JSON array of CSL items: %w", source.ErrSyntax)
		return nil, r.errs.Err()
	}
	for i := 0; dec.More(); i++ {
		off := int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			r.errorf(off, fmt.Sprintf("[%d]", i), "%v: %w", err, source.ErrSyntax)
			break
		}
		// encoding/json reads bytes that are not UTF-8 as U+FFFD and
		// \u0000 as a NUL, silently: an item with either is refused here,
		// where its place is known.
		if k, err := badText(string(raw)); err != nil {
			r.errs.Add(r.lines.Pos(off+k), fmt.Sprintf("[%d]", i), err)
			continue
		}
		if k := bytes.Index(raw, []byte(`\u0000`)); k >= 0 {
			r.errorf(off+k, fmt.Sprintf("[%d]", i), "a NUL character (\\u0000) in a string: %w", ErrEncoding)
			continue
		}
		var it Item
		strict := json.NewDecoder(bytes.NewReader(raw))
		strict.DisallowUnknownFields()
		if err := strict.Decode(&it); err != nil {
			// Read it leniently, and say what was left out.
			if err := json.Unmarshal(raw, &it); err != nil {
				r.errorf(off, fmt.Sprintf("[%d]", i), "%v: %w", err, source.ErrSyntax)
				continue
			}
			var all map[string]json.RawMessage
			_ = json.Unmarshal(raw, &all)
			for k := range all {
				if !knownCSL[k] {
					r.warnf(off, it.ID+"."+k, "CSL variable %s: scholarld has no place for it", k)
				}
			}
			r.unknownNameKeys(off, it.ID+".author", all["author"])
		}
		if first, dup := firstAt[it.ID]; dup && it.ID != "" {
			r.errs.Add(r.pos(off), it.ID, &DuplicateError{What: "item with the id", Key: it.ID, First: r.pos(first)})
			continue
		}
		firstAt[it.ID] = off
		r.raw, r.authorOffs = raw, nil
		r.item(off, i, it)
	}
	r.errs.Sort()
	r.d.Warnings.Sort()
	return r.d, r.errs.Err()
}

// knownCSL are the variables of [Item].
var knownCSL = map[string]bool{
	"id": true, "type": true, "citation-key": true, "title": true, "author": true, "container-title": true,
	"container-title-short": true, "collection-title": true, "publisher": true, "genre": true, "number": true,
	"volume": true, "issue": true, "page": true, "issued": true, "DOI": true, "ISBN": true, "ISSN": true,
	"PMID": true, "URL": true, "abstract": true, "keyword": true, "note": true, "custom": true,
}

// knownName are the keys of [CSLName].
var knownName = map[string]bool{
	"family": true, "given": true, "non-dropping-particle": true, "dropping-particle": true,
	"suffix": true, "literal": true, "ORCID": true,
}

// unknownNameKeys warns, once per key, of the keys of the names of a name
// variable, raw, at path that scholarld has no place for, such as the
// "affiliation" and "sequence" of Crossref's names.
func (r *bibReader) unknownNameKeys(off int, path string, raw json.RawMessage) {
	var names []map[string]json.RawMessage
	if json.Unmarshal(raw, &names) != nil {
		return
	}
	count := make(map[string]int)
	first := make(map[string]int)
	var keys []string
	for j, n := range names {
		for k := range n {
			if knownName[k] {
				continue
			}
			if count[k] == 0 {
				first[k] = j
				keys = append(keys, k)
			}
			count[k]++
		}
	}
	for _, k := range keys {
		r.warnf(off, fmt.Sprintf("%s[%d].%s", path, first[k], k), "key %s of %d names: scholarld has no place for it", k, count[k])
	}
}

// readCSLAuthors reads the names of an item's author variable into p's
// Authors, in order, at off and path. A name without family, given or
// literal names nobody: it is left out with a warning. The literal
// "others", in lower case, is read as pandoc writes BibTeX's "and others"
// in CSL-JSON (and as its citeproc reads it at the end of a list): it
// sets p.EtAl and is no author. CSL 1.0.2 has no other way to say that a
// list goes on, so a nameless author says nothing of it. An ORCID iD in a
// name is read into the author's ORCID; a malformed one is an error, and
// the author is read without it.
func (r *bibReader) readCSLAuthors(off int, path string, names []CSLName, p *publication.Publication) {
	for j, n := range names {
		at := fmt.Sprintf("%s.author[%d]", path, j)
		var c publication.Contributor
		switch {
		case n.Literal == "others":
			p.EtAl = true
			if j < len(names)-1 {
				r.warnf(off, at, `the literal "others" marks the end of a truncated list: read as et al., here as there`)
			}
			continue
		case strings.TrimSpace(n.Literal) != "":
			c.Name = strings.TrimSpace(n.Literal)
		case strings.TrimSpace(n.Family+n.Given) == "":
			// CSL 1.0.2 has no way to say that a list goes on but the
			// literal "others" above: an empty name says nothing, and is
			// refused, as an empty name of a BibTeX list is left out.
			r.errorf(off+r.authorOffset(j), at, "a name without family, given or literal: an author without a name is no author: %w", ErrMissing)
			continue
		default:
			nm := name{First: n.Given, Von: strings.TrimSpace(n.DroppingParticle + " " + n.NonDroppingParticle), Last: n.Family, Jr: n.Suffix}
			c.Name = nm.display()
		}
		if n.ORCID != "" {
			if id, err := profile.ParseORCID(strings.TrimSpace(n.ORCID)); err != nil {
				r.errorf(off+r.authorOffset(j), at+".ORCID", "%w", err)
			} else {
				c.ORCID = id
			}
		}
		p.Authors = append(p.Authors, c)
	}
}

// item converts item i, it, at offset off.
func (r *bibReader) item(off, i int, it Item) {
	r.startRecord(off)
	path := it.ID
	p := publication.Publication{ID: r.mintID(it.ID), Title: it.Title, Abstract: it.Abstract, URL: it.URL}
	switch it.Type {
	case "article-journal", "article-magazine", "article-newspaper":
		p.Kind = publication.KindJournalArticle
	case "paper-conference":
		p.Kind = publication.KindConferencePaper
		if it.Custom != nil && it.Custom.VenueKind == string(publication.VenueWorkshop) || strings.Contains(strings.ToLower(it.ContainerTitle), "workshop") {
			p.Kind = publication.KindWorkshopPaper
		}
	case "article":
		p.Kind = publication.KindPreprint
	case "thesis":
		p.Kind = publication.KindThesis
	case "book":
		p.Kind = publication.KindBook
	case "chapter":
		p.Kind = publication.KindChapter
	case "report":
		p.Kind = publication.KindReport
	case "dataset":
		p.Kind = publication.KindDataset
	case "software":
		p.Kind = publication.KindSoftware
	default:
		p.Kind = publication.KindOther
	}
	r.readCSLAuthors(off, path, it.Author, &p)
	p.Venue = publication.Venue{Name: it.ContainerTitle, Short: it.ContainerTitleShort, Series: it.CollectionTitle,
		Volume: it.Volume, Issue: it.Issue, Pages: it.Page}
	if it.ISSN != "" {
		parseInto(r, off, path+".ISSN", it.ISSN, publication.ParseISSN, &p.Venue.ISSN)
	}
	if it.DOI != "" {
		parseInto(r, off, path+".DOI", it.DOI, publication.ParseDOI, &p.Identifiers.DOI)
	}
	if it.ISBN != "" {
		parseInto(r, off, path+".ISBN", it.ISBN, publication.ParseISBN, &p.Identifiers.ISBN)
	}
	if it.PMID != "" {
		parseInto(r, off, path+".PMID", it.PMID, publication.ParsePMID, &p.Identifiers.PMID)
	}
	arxiv := strings.TrimPrefix(it.Number, "arXiv:")
	if c := it.Custom; c != nil {
		p.Identifiers.OpenReview, p.Identifiers.DBLP = c.OpenReview, c.DBLP
		p.Venue.Kind, p.Venue.URL = publication.VenueKind(c.VenueKind), c.VenueURL
		if c.ArXiv != "" {
			arxiv = c.ArXiv
		}
	}
	if arxiv != "" && (it.Custom != nil && it.Custom.ArXiv != "" || strings.HasPrefix(it.Number, "arXiv:")) {
		if v, err := publication.ParseArXiv(arxiv); err != nil {
			r.errorf(off, path+".number", "%w", err)
		} else {
			p.Identifiers.ArXiv = v
		}
	} else if it.Number != "" {
		r.warnf(off, path+".number", "number %s: scholarld has no place for it", excerpt(it.Number))
	}
	if p.Kind == publication.KindPreprint && p.Identifiers.ArXiv != "" {
		p.Venue = publication.Venue{Name: "arXiv", Kind: publication.VenueRepository}
		if p.URL == "https://arxiv.org/abs/"+string(p.Identifiers.ArXiv) {
			p.URL = ""
		}
	}
	if p.Venue.Kind == "" && p.Venue.Name != "" {
		switch p.Kind {
		case publication.KindJournalArticle:
			p.Venue.Kind = publication.VenueJournal
		case publication.KindConferencePaper:
			p.Venue.Kind = publication.VenueConference
		case publication.KindWorkshopPaper:
			p.Venue.Kind = publication.VenueWorkshop
		}
	}
	if it.Issued != nil && len(it.Issued.DateParts) > 0 && len(it.Issued.DateParts[0]) > 0 {
		if d, err := cslDate(it.Issued.DateParts); err != nil {
			r.errorf(off, path+".issued", "%w", err)
		} else {
			p.Date = d
		}
	}
	for _, k := range strings.Split(it.Keyword, ",") {
		if k = strings.TrimSpace(k); k != "" {
			p.Keywords = append(p.Keywords, k)
		}
	}
	if it.Publisher != "" && !(p.Kind == publication.KindPreprint && it.Publisher == "arXiv") {
		r.warnf(off, path+".publisher", "publisher %s: scholarld has no place for it", excerpt(it.Publisher))
	}
	if it.Note != "" {
		r.warnf(off, path+".note", "a note: scholarld has no place for it (versions are records of their own)")
	}
	if p.Title == "" || len(p.Authors) == 0 {
		r.errorf(off, path, "no title or no author: %w", ErrMissing)
		return
	}
	if path == "" {
		path = fmt.Sprintf("[%d]", i)
	}
	p.Origin = r.origin(path)
	r.d.Publications = append(r.d.Publications, p)
}

// cslDate makes a date of the first date of CSL date-parts: a year, a
// month and a day at most. More parts are an error that quotes their
// number, not the parts.
func cslDate(parts [][]int) (profile.Date, error) {
	dp := parts[0]
	if len(dp) > 3 {
		return "", fmt.Errorf("date-parts [%d, %d, %d, …] has %d parts: want year, month and day at most: %w", dp[0], dp[1], dp[2], len(dp), profile.ErrMalformed)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%04d", dp[0])
	for _, x := range dp[1:] {
		fmt.Fprintf(&b, "-%02d", x)
	}
	return profile.ParseDate(b.String())
}

// authorOffset returns the offset of name j of the author variable in
// the item being read (r.raw), or 0, the item's own offset, if it cannot
// be found. The offsets of all the names are found once per item, on the
// first problem with one.
func (r *bibReader) authorOffset(j int) int {
	if r.authorOffs == nil {
		r.authorOffs = []int{}
		dec := json.NewDecoder(bytes.NewReader(r.raw))
		if t, err := dec.Token(); err != nil || t != json.Delim('{') {
			return 0
		}
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return 0
			}
			if key != "author" {
				var skip json.RawMessage
				if dec.Decode(&skip) != nil {
					return 0
				}
				continue
			}
			if t, err := dec.Token(); err != nil || t != json.Delim('[') {
				return 0
			}
			for dec.More() {
				off := int(dec.InputOffset())
				for off < len(r.raw) && strings.IndexByte(" \t\r\n,", r.raw[off]) >= 0 {
					off++
				}
				r.authorOffs = append(r.authorOffs, off)
				var skip json.RawMessage
				if dec.Decode(&skip) != nil {
					return 0
				}
			}
			break
		}
	}
	if j < len(r.authorOffs) {
		return r.authorOffs[j]
	}
	return 0
}
