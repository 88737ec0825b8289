package crossref

import (
	"fmt"
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
		r.notHeld(at(path, "%s", key), key, m)
	}

	typ, _ := r.text(f.typ, at(path, "type"), false)
	subtype, _ := r.text(f.subtype, at(path, "subtype"), false)
	k, known := kinds[typ]
	switch {
	case typ == "posted-content":
		k.kind = postedKinds[subtype]
		if k.kind == "" {
			k.kind = publication.KindOther
		}
	case !known:
		k.kind = publication.KindOther
		if typ != "" {
			r.warnf(f.typ, at(path, "type"), "type %s: not a type of Crossref's, held as other: %w", jsonimport.Quote(typ, 40), ErrLeftOut)
		}
	}
	p.Kind = k.kind

	if s, ok := r.text(f.doi, at(path, "DOI"), false); ok {
		if doi, err := publication.ParseDOI(strings.TrimSpace(s)); err != nil {
			r.errorf(f.doi, at(path, "DOI"), "%w", err)
		} else {
			p.Identifiers.DOI = doi
		}
	}
	r.titles(path, &f, &p)
	p.Authors = r.authors(at(path, "author"), f.author)
	p.Date = r.workDate(path, &f)
	r.venue(path, &f, &p, k.venue)
	p.Identifiers.ISBN = firstValid(r, r.strings(f.isbn, at(path, "ISBN"), strings.TrimSpace), at(path, "ISBN"), "ISBN", publication.ParseISBN)
	if s, ok := r.text(f.abstract, at(path, "abstract"), false); ok {
		p.Abstract = jsonimport.StripMarkup(s)
	}
	for _, s := range r.strings(f.subject, at(path, "subject"), jsonimport.Line) {
		if !slices.Contains(p.Keywords, s.text) {
			p.Keywords = append(p.Keywords, s.text)
		}
	}
	if s, ok := r.text(f.url, at(path, "URL"), false); ok {
		s = strings.TrimSpace(s)
		if doi, err := publication.ParseDOI(s); err == nil && doi.Key() == p.Identifiers.DOI.Key() {
			// The DOI's own address: the DOI says it.
		} else if err := validate.HTTPURL(s); err != nil {
			r.warnf(f.url, at(path, "URL"), "%w: %w", err, ErrLeftOut)
		} else {
			p.URL = s
		}
	}
	links = r.relations(at(path, "relation"), f.relation)

	switch {
	case p.Title == "":
		r.warnf(v, path, "a work without a title, which the model needs: %w", ErrLeftOut)
		return p, nil, false
	case len(p.Authors) == 0:
		r.warnf(v, path, "a work without a named author (%q), which the model needs: %w", p.Title, ErrLeftOut)
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
	titles := r.strings(f.title, at(path, "title"), titleText)
	subtitles := r.strings(f.subtitle, at(path, "subtitle"), titleText)
	short := r.strings(f.shortTitle, at(path, "short-title"), titleText)
	original := r.strings(f.originalTitle, at(path, "original-title"), titleText)
	if len(titles) > 0 {
		p.Title = titles[0].text
		if len(subtitles) > 0 && !strings.Contains(p.Title, subtitles[0].text) {
			p.Title += ": " + subtitles[0].text
			subtitles = subtitles[1:]
		}
	}
	for _, list := range [][]strItem{titles[min(1, len(titles)):], subtitles, short, original} {
		for _, t := range list {
			if t.text != p.Title && !slices.Contains(p.OtherTitles, t.text) {
				p.OtherTitles = append(p.OtherTitles, t.text)
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
	names := r.strings(f.container, at(path, "container-title"), titleText)
	short := r.strings(f.shortContainer, at(path, "short-container-title"), titleText)
	venue := publication.Venue{Kind: kind}
	if len(names) > 0 {
		venue.Name = names[0].text
		if len(names) > 1 {
			venue.Series = names[1].text
		}
		for _, n := range names[min(2, len(names)):] {
			r.warnf(n.v, at(path, "container-title[%d]", n.i), "a third container title %s: the model holds a venue and its series: %w", jsonimport.Quote(n.text, 60), ErrLeftOut)
		}
	} else if p.Kind == publication.KindPreprint {
		for i, inst := range r.objects(f.institution, at(path, "institution")) {
			if name, ok := r.text(inst.Get("name"), at(path, "institution[%d].name", i), false); ok && jsonimport.Line(name) != "" {
				venue.Name = jsonimport.Line(name)
				f.institution = jsonimport.Value{}
				break
			}
		}
	}
	if !f.institution.IsEmpty() {
		r.notHeld(at(path, "institution"), "institution", f.institution)
	}
	if len(short) > 0 && short[0].text != venue.Name {
		venue.Short = short[0].text
	}
	if strings.Contains(strings.ToLower(venue.Name), "workshop") && p.Kind == publication.KindConferencePaper {
		p.Kind, venue.Kind = publication.KindWorkshopPaper, publication.VenueWorkshop
	}
	venue.Volume = r.venueText(f.volume, at(path, "volume"))
	venue.Issue = r.venueText(f.issue, at(path, "issue"))
	venue.Pages = r.venueText(f.page, at(path, "page"))
	if venue.Pages == "" {
		venue.Pages = r.venueText(f.articleNumber, at(path, "article-number"))
	}
	venue.ISSN = firstValid(r, r.strings(f.issn, at(path, "ISSN"), strings.TrimSpace), at(path, "ISSN"), "ISSN", publication.ParseISSN)
	if venue.Name == "" {
		if venue.Volume != "" || venue.Issue != "" || venue.Pages != "" || venue.ISSN != "" || venue.Short != "" {
			r.warnf(f.container, at(path, "container-title"), "a volume, issue, pages, ISSN or short title without a container title: the model holds them with a venue's name: %w", ErrLeftOut)
		}
		return
	}
	p.Venue = venue
}

// venueText returns a volume, issue or page range, given as a string or a
// number.
func (r *reader) venueText(v jsonimport.Value, path string) string {
	s, _ := r.text(v, path, true)
	return jsonimport.Line(s)
}

// firstValid returns the first of values (an ISSN or ISBN list) that
// parse accepts, or "". The values before it that parse refuses are
// warnings; if it refuses all, the first is an error.
func firstValid[T ~string](r *reader, values []strItem, path, what string, parse func(string) (T, error)) T {
	for i, s := range values {
		v, err := parse(s.text)
		if err != nil {
			continue
		}
		for _, bad := range values[:i] {
			_, err := parse(bad.text)
			r.warnf(bad.v, at(path, "[%d]", bad.i), "%w: another %s is kept: %w", err, what, ErrLeftOut)
		}
		return v
	}
	if len(values) > 0 {
		_, err := parse(values[0].text)
		r.errorf(values[0].v, at(path, "[%d]", values[0].i), "%w", err)
	}
	return ""
}

// notHeld warns about a member of a work that the model has no place for.
func (r *reader) notHeld(path, key string, v jsonimport.Value) {
	switch key {
	case "publisher", "publisher-location":
		if s, ok := r.text(v, path, false); ok {
			r.warnf(v, path, "%s %s: the model holds no publisher: %w", key, jsonimport.Quote(s, 60), ErrLeftOut)
		}
		return
	case "license":
		r.warnf(v, path, "%s: the model holds no licence: %w", count(v.Len(), "licence"), ErrLeftOut)
		return
	case "funder":
		r.warnf(v, path, "%s%s: the model holds no funding: %w", count(v.Len(), "funder"), such(v, "name"), ErrLeftOut)
		return
	case "reference":
		r.warnf(v, path, "%s: the model holds no reference list: %w", count(v.Len(), "reference"), ErrLeftOut)
		return
	case "editor", "translator", "chair":
		r.warnf(v, path, "%s%s: the model holds a work's authors only: %w", count(v.Len(), key), such(v, "family"), ErrLeftOut)
		return
	}
	switch v.Kind() {
	case jsonimport.Array:
		r.warnf(v, path, "%s (%s): the model has no place for it: %w", key, count(v.Len(), "item"), ErrLeftOut)
	case jsonimport.Object:
		r.warnf(v, path, "%s: the model has no place for it: %w", key, ErrLeftOut)
	default:
		r.warnf(v, path, "%s %s: the model has no place for it: %w", key, r.doc.Snippet(v), ErrLeftOut)
	}
}

// count returns "1 funder" or "8 funders".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// such returns ` (such as "SystemsX")`, the member key of the first item
// of the array v, or "".
func such(v jsonimport.Value, key string) string {
	for _, item := range v.Items() {
		if s := jsonimport.Line(item.Get(key).Text()); s != "" {
			return " (such as " + jsonimport.Quote(s, 60) + ")"
		}
	}
	return ""
}
