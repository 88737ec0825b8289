package crossref

import (
	"slices"
	"strings"

	"github.com/scholarld/scholarld/internal/jsonimport"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/validate"
)

// fields are the members of a work that the model holds, gathered in one
// pass over the work's members.
type fields struct {
	doi, url, typ, subtype                         jsonimport.Value
	title, subtitle, shortTitle, originalTitle     jsonimport.Value
	author                                         jsonimport.Value
	container, shortContainer, institution         jsonimport.Value
	volume, issue, page, articleNumber, issn, isbn jsonimport.Value
	abstract, subject, relation                    jsonimport.Value
	dates                                          [len(dateFields)]jsonimport.Value
}

// dateFields are the dates of a work that may give its date, in order of
// preference: issued is the earliest of the print and online dates.
var dateFields = [...]string{"issued", "published-print", "published-online", "published", "posted"}

// bookkeeping are the members of a work that are Crossref's own records
// (when it indexed the work, how often it is cited, its member and
// prefix, its text-mining links, where its DOI resolves) or that repeat
// others (issn-type repeats ISSN, journal-issue repeats issue): they are
// left out without a warning.
var bookkeeping = map[string]bool{
	"indexed": true, "deposited": true, "created": true, "reference-count": true, "references-count": true,
	"is-referenced-by-count": true, "score": true, "member": true, "prefix": true, "source": true,
	"content-domain": true, "issn-type": true, "isbn-type": true, "resource": true, "journal-issue": true,
	"alternative-id": true, "archive": true, "link": true, "content-created": true, "content-updated": true,
	"update-policy": true, "free-to-read": true, "cited-count": true, "relevance-score": true,
}

// work reads one work at path into a publication, with the version links
// it states (From to be set); it is false if the work cannot be a record.
func (r *reader) work(path string, v jsonimport.Value) (p publication.Publication, links []jsonimport.Link, ok bool) {
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

	typ, _ := r.Text(f.typ, jsonimport.At(path, "type"), false)
	subtype, _ := r.Text(f.subtype, jsonimport.At(path, "subtype"), false)
	k, known := kinds[typ]
	switch {
	case typ == "posted-content":
		k.kind = postedKinds[subtype]
		if k.kind == "" {
			k.kind = publication.KindOther
			if subtype != "" {
				r.Warnf(f.subtype, jsonimport.At(path, "subtype"), "subtype %s: not a subtype of Crossref's, held as other: %w", jsonimport.Quote(subtype, 40), ErrLeftOut)
			}
		}
	case !known:
		k.kind = publication.KindOther
		if typ != "" {
			r.Warnf(f.typ, jsonimport.At(path, "type"), "type %s: not a type of Crossref's, held as other: %w", jsonimport.Quote(typ, 40), ErrLeftOut)
		}
	}
	p.Kind = k.kind

	if s, ok := r.Text(f.doi, jsonimport.At(path, "DOI"), false); ok {
		if doi, err := jsonimport.ParseDOI(strings.TrimSpace(s)); err != nil {
			r.Errorf(f.doi, jsonimport.At(path, "DOI"), "%w", err)
		} else {
			p.Identifiers.DOI = doi
		}
	}
	r.titles(path, &f, &p)
	p.Authors, p.EtAl = r.authors(jsonimport.At(path, "author"), f.author)
	p.Date = r.workDate(path, &f)
	r.venue(path, &f, &p, k.venue)
	p.Identifiers.ISBN = firstValid(r, r.Strings(f.isbn, jsonimport.At(path, "ISBN"), strings.TrimSpace), jsonimport.At(path, "ISBN"), "ISBN", jsonimport.ParseISBN)
	if s, ok := r.Text(f.abstract, jsonimport.At(path, "abstract"), false); ok {
		p.Abstract = jsonimport.StripMarkup(s)
	}
	for _, s := range r.Strings(f.subject, jsonimport.At(path, "subject"), jsonimport.Line) {
		if !slices.Contains(p.Keywords, s.Text) {
			p.Keywords = append(p.Keywords, s.Text)
		}
	}
	if s, ok := r.Text(f.url, jsonimport.At(path, "URL"), false); ok {
		s = strings.TrimSpace(s)
		if doi, err := jsonimport.ParseDOI(s); err == nil && doi.Key() == p.Identifiers.DOI.Key() {
			// The DOI's own address: the DOI says it.
		} else if err := validate.HTTPURL(s); err != nil {
			r.Warnf(f.url, jsonimport.At(path, "URL"), "%w: %w", err, ErrLeftOut)
		} else {
			p.URL = s
		}
	}
	links = r.relations(jsonimport.At(path, "relation"), f.relation)

	switch {
	case p.Title == "":
		r.Warnf(v, path, "a work without a title, which the model needs: %w", ErrLeftOut)
		return p, nil, false
	case len(p.Authors) == 0:
		r.Warnf(v, path, "a work without a named author (%s), which the model needs: %w", jsonimport.Quote(p.Title, 60), ErrLeftOut)
		return p, nil, false
	}
	return p, links, true
}

// field returns where the member called key goes, or nil.
func (f *fields) field(key string) *jsonimport.Value {
	switch key {
	case "DOI":
		return &f.doi
	case "URL":
		return &f.url
	case "type":
		return &f.typ
	case "subtype":
		return &f.subtype
	case "title":
		return &f.title
	case "subtitle":
		return &f.subtitle
	case "short-title":
		return &f.shortTitle
	case "original-title":
		return &f.originalTitle
	case "author":
		return &f.author
	case "container-title":
		return &f.container
	case "short-container-title":
		return &f.shortContainer
	case "institution":
		return &f.institution
	case "volume":
		return &f.volume
	case "issue":
		return &f.issue
	case "page":
		return &f.page
	case "article-number":
		return &f.articleNumber
	case "ISSN":
		return &f.issn
	case "ISBN":
		return &f.isbn
	case "abstract":
		return &f.abstract
	case "subject":
		return &f.subject
	case "relation":
		return &f.relation
	}
	if i := slices.Index(dateFields[:], key); i >= 0 {
		return &f.dates[i]
	}
	return nil
}

// titles sets the title of p, with its subtitle, and its other titles.
func (r *reader) titles(path string, f *fields, p *publication.Publication) {
	titles := r.Strings(f.title, jsonimport.At(path, "title"), titleText)
	subtitles := r.Strings(f.subtitle, jsonimport.At(path, "subtitle"), titleText)
	short := r.Strings(f.shortTitle, jsonimport.At(path, "short-title"), titleText)
	original := r.Strings(f.originalTitle, jsonimport.At(path, "original-title"), titleText)
	if len(titles) > 0 {
		p.Title = titles[0].Text
		if len(subtitles) > 0 {
			if !strings.Contains(p.Title, subtitles[0].Text) {
				p.Title += ": " + subtitles[0].Text
			}
			subtitles = subtitles[1:]
		}
	}
	for _, list := range [][]jsonimport.StrItem{titles[min(1, len(titles)):], subtitles, short, original} {
		for _, t := range list {
			if t.Text != p.Title && !slices.Contains(p.OtherTitles, t.Text) {
				p.OtherTitles = append(p.OtherTitles, t.Text)
			}
		}
	}
}

// titleText returns a title without its markup (Crossref's titles may
// hold JATS or HTML, such as <i>E. coli</i>), on one line.
func titleText(s string) string {
	if strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return jsonimport.Line(s)
	}
	return jsonimport.Line(jsonimport.StripMarkup(s))
}

// venue sets the venue of p: its container title, the short one, the
// volume, issue, pages and ISSN; for a preprint without a container, the
// institution that posted it (such as bioRxiv) as a repository.
func (r *reader) venue(path string, f *fields, p *publication.Publication, kind publication.VenueKind) {
	names := r.Strings(f.container, jsonimport.At(path, "container-title"), titleText)
	short := r.Strings(f.shortContainer, jsonimport.At(path, "short-container-title"), titleText)
	venue := publication.Venue{Kind: kind}
	if len(names) > 0 {
		venue.Name = names[0].Text
		if len(names) > 1 {
			venue.Series = names[1].Text
		}
		for _, n := range names[min(2, len(names)):] {
			r.Warnf(n.Value, jsonimport.At(path, "container-title[%d]", n.Index), "a third container title %s: the model holds a venue and its series: %w", jsonimport.Quote(n.Text, 60), ErrLeftOut)
		}
	} else if p.Kind == publication.KindPreprint {
		for i, inst := range r.Objects(f.institution, jsonimport.At(path, "institution")) {
			if name, ok := r.Text(inst.Get("name"), jsonimport.At(path, "institution[%d].name", i), false); ok && jsonimport.Line(name) != "" {
				venue.Name = jsonimport.Line(name)
				f.institution = jsonimport.Value{}
				break
			}
		}
	}
	if !f.institution.IsEmpty() {
		r.notHeld(jsonimport.At(path, "institution"), "institution", f.institution)
	}
	if len(short) > 0 && short[0].Text != venue.Name {
		venue.Short = short[0].Text
	}
	if strings.Contains(strings.ToLower(venue.Name), "workshop") && p.Kind == publication.KindConferencePaper {
		p.Kind, venue.Kind = publication.KindWorkshopPaper, publication.VenueWorkshop
	}
	venue.Volume = r.venueText(f.volume, jsonimport.At(path, "volume"))
	venue.Issue = r.venueText(f.issue, jsonimport.At(path, "issue"))
	venue.Pages = r.venueText(f.page, jsonimport.At(path, "page"))
	switch number := r.venueText(f.articleNumber, jsonimport.At(path, "article-number")); {
	case venue.Pages == "":
		venue.Pages = number
	case number != "" && number != venue.Pages:
		r.Warnf(f.articleNumber, jsonimport.At(path, "article-number"), "article number %s: the model holds the pages: %w", jsonimport.Quote(number, 40), ErrLeftOut)
	}
	venue.ISSN = firstValid(r, r.Strings(f.issn, jsonimport.At(path, "ISSN"), strings.TrimSpace), jsonimport.At(path, "ISSN"), "ISSN", jsonimport.ParseISSN)
	if venue.Name == "" {
		if venue.Volume != "" || venue.Issue != "" || venue.Pages != "" || venue.ISSN != "" || venue.Short != "" {
			r.Warnf(f.container, jsonimport.At(path, "container-title"), "a volume, issue, pages, ISSN or short title without a container title: the model holds them with a venue's name: %w", ErrLeftOut)
		}
		return
	}
	p.Venue = venue
}

// venueText returns a volume, issue or page range, given as a string or a
// number.
func (r *reader) venueText(v jsonimport.Value, path string) string {
	s, _ := r.Text(v, path, true)
	return jsonimport.Line(s)
}

// firstValid returns the first of values (an ISSN or ISBN list) that
// parse accepts, or "". The values before it that parse refuses are
// warnings; if it refuses all, the first is an error.
func firstValid[T ~string](r *reader, values []jsonimport.StrItem, path, what string, parse func(string) (T, error)) T {
	for i, s := range values {
		v, err := parse(s.Text)
		if err != nil {
			continue
		}
		for _, bad := range values[:i] {
			_, err := parse(bad.Text)
			r.Warnf(bad.Value, jsonimport.At(path, "[%d]", bad.Index), "%w: another %s is kept: %w", err, what, ErrLeftOut)
		}
		return v
	}
	if len(values) > 0 {
		_, err := parse(values[0].Text)
		r.Errorf(values[0].Value, jsonimport.At(path, "[%d]", values[0].Index), "%w", err)
	}
	return ""
}

// notHeld warns about a member of a work that the model has no place for.
func (r *reader) notHeld(path, key string, v jsonimport.Value) {
	switch key {
	case "publisher", "publisher-location":
		if s, ok := r.Text(v, path, false); ok {
			r.Warnf(v, path, "%s %s: the model holds no publisher: %w", key, jsonimport.Quote(s, 60), ErrLeftOut)
		}
		return
	case "license":
		r.Warnf(v, path, "%s: the model holds no licence: %w", jsonimport.Count(v.Len(), "licence"), ErrLeftOut)
		return
	case "funder":
		r.Warnf(v, path, "%s%s: the model holds no funding: %w", jsonimport.Count(v.Len(), "funder"), jsonimport.Such(v, "name"), ErrLeftOut)
		return
	case "reference":
		r.Warnf(v, path, "%s: the model holds no reference list: %w", jsonimport.Count(v.Len(), "reference"), ErrLeftOut)
		return
	case "editor", "translator", "chair":
		r.Warnf(v, path, "%s%s: the model holds a work's authors only: %w", jsonimport.Count(v.Len(), key), jsonimport.Such(v, "family"), ErrLeftOut)
		return
	}
	switch v.Kind() {
	case jsonimport.Array:
		r.Warnf(v, path, "%s (%s): the model has no place for it: %w", jsonimport.Key(key), jsonimport.Count(v.Len(), "item"), ErrLeftOut)
	case jsonimport.Object:
		r.Warnf(v, path, "%s: the model has no place for it: %w", jsonimport.Key(key), ErrLeftOut)
	default:
		r.Warnf(v, path, "%s %s: the model has no place for it: %w", jsonimport.Key(key), r.Doc.Snippet(v), ErrLeftOut)
	}
}
