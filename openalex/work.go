package openalex

import (
	"cmp"
	"fmt"
	"net/url"
	"strings"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// workTypes are the kinds of publication of OpenAlex's work types
// (https://docs.openalex.org/api-entities/works/work-object#type), and of
// Crossref's, which OpenAlex gives as type_crossref and used as its own
// before 2023. A type not in the table is held as other, with a warning.
//
//	article, journal-article, review   journal-article (article: see below)
//	proceedings-article                conference-paper
//	preprint, posted-content           preprint
//	book, monograph, edited-book,      book
//	  reference-book
//	book-chapter, book-part,           chapter
//	  book-section
//	dissertation                       thesis
//	dataset                            dataset
//	report                             report
//	other                              other
//
// OpenAlex types conference papers "article": an article whose
// type_crossref is proceedings-article, or whose venue is a conference,
// is a conference-paper, and one whose type_crossref is posted-content a
// preprint. A conference paper whose venue's name says "workshop" is a
// workshop-paper, as package biblio reads CSL-JSON.
var workTypes = map[string]publication.Kind{
	"article":             publication.KindJournalArticle,
	"journal-article":     publication.KindJournalArticle,
	"review":              publication.KindJournalArticle,
	"proceedings-article": publication.KindConferencePaper,
	"preprint":            publication.KindPreprint,
	"posted-content":      publication.KindPreprint,
	"book":                publication.KindBook,
	"monograph":           publication.KindBook,
	"edited-book":         publication.KindBook,
	"reference-book":      publication.KindBook,
	"book-chapter":        publication.KindChapter,
	"book-part":           publication.KindChapter,
	"book-section":        publication.KindChapter,
	"dissertation":        publication.KindThesis,
	"dataset":             publication.KindDataset,
	"report":              publication.KindReport,
	"other":               publication.KindOther,
}

// venueKinds are the kinds of venue of OpenAlex's source types; other
// types (ebook platform, metadata, other) give a venue of no kind.
var venueKinds = map[string]publication.VenueKind{
	"journal":     publication.VenueJournal,
	"conference":  publication.VenueConference,
	"repository":  publication.VenueRepository,
	"book series": publication.VenueBookSeries,
}

// work converts the work read, whose OpenAlex id is id, into a
// publication of d.out. A work without a title or without a named author
// is an error, and left out: the model needs both.
func (d *decoder) work(id string, origin source.Origin) {
	r := &d.rec
	p := publication.Publication{
		Title:       clean(cmp.Or(r.DisplayName, r.Title)),
		Abstract:    r.Abstract,
		EtAl:        r.IsAuthorsTruncated,
		Identifiers: publication.Identifiers{OpenAlex: id},
	}
	p.Authors = d.authors()
	if p.Title == "" {
		d.fail(r.start, "display_name", fmt.Errorf("no title, which the model needs: %w", ErrMissing))
		return
	}
	if len(p.Authors) == 0 {
		d.fail(d.at("authorships"), "authorships", fmt.Errorf("no named author, which the model needs: %w", ErrMissing))
		return
	}
	p.Date = d.date()
	d.identifiers(&p)
	d.venue(&p)
	p.Kind = d.kind(&p.Venue)
	d.keywords(&p)
	d.notes()
	for i, a := range r.Authorships {
		for j, inst := range a.Institutions {
			d.institution(inst, r.authorshipOffs[i], fmt.Sprintf("authorships[%d].institutions[%d]", i, j))
		}
	}
	// The OpenAlex id: stable, and unique in OpenAlex (see "Ids" in the
	// package documentation).
	p.ID = strings.ToLower(id)
	p.Origin = origin
	d.out.Publications = append(d.out.Publications, p)
	d.nPubs++
}

// authors returns the authors of the work in the order of its
// authorships. An authorship without a name is left out, with a warning;
// an author_position that contradicts the order is a warning, and the
// order kept.
func (d *decoder) authors() []publication.Contributor {
	r := &d.rec
	n := len(r.Authorships)
	authors := make([]publication.Contributor, 0, n)
	for i, a := range r.Authorships {
		off, sub := r.authorshipOffs[i], fmt.Sprintf("authorships[%d]", i)
		if a.AuthorPosition == "first" && i != 0 || a.AuthorPosition == "last" && i != n-1 {
			d.warn(off, sub+".author_position", "%q for author %d of %d: the order of the authorships is kept", a.AuthorPosition, i+1, n)
		}
		name := cmp.Or(clean(a.Author.DisplayName), clean(a.RawAuthorName))
		if name == "" {
			d.warn(off, sub, "an authorship without a name: not in the byline")
			continue
		}
		c := publication.Contributor{Name: name}
		if a.Author.ORCID != "" {
			if o, err := profile.ParseORCID(a.Author.ORCID); err != nil {
				d.fail(off, sub+".author.orcid", err)
			} else {
				c.ORCID = o
			}
		}
		if a.IsCorresponding {
			d.warn(off, sub+".is_corresponding", "%s as the corresponding author: the model has no such mark", name)
		}
		authors = append(authors, c)
	}
	return authors
}

// date returns the work's publication date, or its year.
func (d *decoder) date() profile.Date {
	r := &d.rec
	if r.PublicationDate != "" {
		if date, err := profile.ParseDate(r.PublicationDate); err == nil {
			return date
		} else {
			d.fail(d.at("publication_date"), "publication_date", err)
		}
	}
	if r.PublicationYear != 0 {
		date, err := profile.ParseDate(fmt.Sprintf("%04d", r.PublicationYear))
		if err != nil {
			d.fail(d.at("publication_year"), "publication_year", err)
		}
		return date
	}
	return ""
}

// identifiers sets the work's DOI, PubMed and arXiv ids, and its URL when
// no DOI gives one.
func (d *decoder) identifiers(p *publication.Publication) {
	r := &d.rec
	ids := &p.Identifiers
	doiAt, doiOff := "doi", d.at("doi")
	if r.DOI == "" {
		doiAt, doiOff = "ids.doi", d.at("ids")
	}
	if s := cmp.Or(r.DOI, r.IDs.DOI); s != "" {
		if doi, err := publication.ParseDOI(s); err != nil {
			d.fail(doiOff, doiAt, err)
		} else {
			ids.DOI = doi
		}
	}
	if r.DOI != "" && r.IDs.DOI != "" && ids.DOI != "" {
		if other, err := publication.ParseDOI(r.IDs.DOI); err == nil && other.Key() != ids.DOI.Key() {
			d.warn(d.at("ids"), "ids.doi", "a second DOI, %s: the first, %s, is kept", other, ids.DOI)
		}
	}
	if r.IDs.PMID != "" {
		if pmid, err := publication.ParsePMID(r.IDs.PMID); err != nil {
			d.fail(d.at("ids"), "ids.pmid", err)
		} else {
			ids.PMID = pmid
		}
	}
	if r.IDs.PMCID != "" {
		d.warn(d.at("ids"), "ids.pmcid", "PubMed Central id %s: the model holds none", r.IDs.PMCID)
	}
	d.arXiv(ids)
	if ids.DOI != "" || ids.ArXiv != "" {
		return // the identifier gives the landing page
	}
	if l := r.PrimaryLocation; l != nil && l.LandingPageURL != "" {
		if err := validate.HTTPURL(l.LandingPageURL); err != nil {
			d.warn(d.at("primary_location"), "primary_location.landing_page_url", "%q: not a URL the model holds", l.LandingPageURL)
		} else {
			p.URL = l.LandingPageURL
		}
	} else if v := r.HostVenue; v != nil && v.URL != "" && validate.HTTPURL(v.URL) == nil {
		p.URL = v.URL
	}
}

// arXiv sets the arXiv id of the work from a location whose landing page
// is an arXiv abstract page (arxiv.org/abs/…): the primary location, the
// best open-access one, or another.
func (d *decoder) arXiv(ids *publication.Identifiers) {
	r := &d.rec
	try := func(landingPage string, off int64, sub string) {
		if !isArXivAbs(landingPage) {
			return
		}
		id, err := publication.ParseArXiv(landingPage)
		switch {
		case err != nil:
			d.fail(off, sub+".landing_page_url", err)
		case ids.ArXiv == "":
			ids.ArXiv = id
		case id.Base() != ids.ArXiv.Base():
			d.warn(off, sub+".landing_page_url", "a second arXiv id, %s: the first, %s, is kept", id, ids.ArXiv)
		}
	}
	if l := r.PrimaryLocation; l != nil {
		try(l.LandingPageURL, d.at("primary_location"), "primary_location")
	}
	if l := r.BestOALocation; l != nil {
		try(l.LandingPageURL, d.at("best_oa_location"), "best_oa_location")
	}
	for i, l := range r.Locations {
		try(l.LandingPageURL, r.locationOffs[i], fmt.Sprintf("locations[%d]", i))
	}
}

// isArXivAbs reports whether s is the URL of an arXiv abstract page.
func isArXivAbs(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return false
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	return (host == "arxiv.org" || host == "export.arxiv.org") && strings.HasPrefix(u.Path, "/abs/")
}

// venue sets the work's venue from its primary location's source (or, in
// records from before 2023, its host venue) and its biblio.
func (d *decoder) venue(p *publication.Publication) {
	r := &d.rec
	var name, issn, typ, publisher, at string
	var off int64
	switch {
	case r.PrimaryLocation != nil && r.PrimaryLocation.Source != nil:
		s := r.PrimaryLocation.Source
		name, issn, typ, publisher = s.DisplayName, s.ISSNL, s.Type, s.HostOrganizationName
		at, off = "primary_location.source", d.at("primary_location")
	case r.HostVenue != nil:
		v := r.HostVenue
		name, issn, typ, publisher = v.DisplayName, v.ISSNL, v.Type, v.Publisher
		at, off = "host_venue", d.at("host_venue")
	}
	b := r.Biblio
	pages := clean(b.FirstPage)
	if last := clean(b.LastPage); last != "" && last != pages {
		if pages == "" {
			pages = last
		} else {
			pages += "–" + last
		}
	}
	if name = clean(name); name == "" {
		if b != (workBiblio{}) {
			d.warn(d.at("biblio"), "biblio", "volume, issue or pages without a venue: the model holds them in a venue")
		}
		return
	}
	p.Venue = publication.Venue{Name: name, Kind: venueKinds[typ],
		Volume: clean(b.Volume), Issue: clean(b.Issue), Pages: pages}
	if issn != "" {
		if v, err := publication.ParseISSN(issn); err != nil {
			d.fail(off, at+".issn_l", err)
		} else {
			p.Venue.ISSN = v
		}
	}
	if publisher = clean(publisher); publisher != "" {
		d.warn(off, at+".host_organization_name", "publisher %q: the model has no place for it", publisher)
	}
}

// kind returns the work's kind, from its type, its Crossref type and its
// venue, as [workTypes] says, setting the venue's kind for a workshop.
func (d *decoder) kind(v *publication.Venue) publication.Kind {
	r := &d.rec
	typ, at := r.Type, "type"
	if typ == "" {
		typ, at = r.TypeCrossref, "type_crossref"
	}
	kind, ok := workTypes[typ]
	switch {
	case typ == "":
		return publication.KindOther
	case !ok:
		d.warn(d.at(at), at, "%q: held as other, a kind the model has", typ)
		return publication.KindOther
	}
	if typ == "article" {
		switch {
		case r.TypeCrossref == "proceedings-article" || v.Kind == publication.VenueConference:
			kind = publication.KindConferencePaper
		case r.TypeCrossref == "posted-content":
			kind = publication.KindPreprint
		}
	}
	if kind == publication.KindConferencePaper && strings.Contains(strings.ToLower(v.Name), "workshop") {
		kind = publication.KindWorkshopPaper
		v.Kind = publication.VenueWorkshop
	}
	return kind
}

// keywords sets the work's keywords, each once.
func (d *decoder) keywords(p *publication.Publication) {
	for _, k := range d.rec.Keywords {
		w := clean(cmp.Or(k.DisplayName, k.Keyword))
		if w != "" && !containsFold(p.Keywords, w) {
			p.Keywords = append(p.Keywords, w)
		}
	}
}

// containsFold reports whether list holds s in any case. Lists of
// keywords are short: OpenAlex gives at most a handful.
func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// notes warns of what the work states and the model cannot hold: a full
// text, other versions, grants, MeSH headings, a retraction.
func (d *decoder) notes() {
	r := &d.rec
	for _, l := range []struct {
		loc  *location
		name string
	}{{r.PrimaryLocation, "primary_location"}, {r.BestOALocation, "best_oa_location"}} {
		if l.loc == nil || l.loc.PDFURL == "" {
			continue
		}
		licence := ""
		if l.loc.License != "" {
			licence = fmt.Sprintf(" (licence %s)", l.loc.License)
		}
		d.warn(d.at(l.name), l.name+".pdf_url", "full text at %s%s: the model has no field for it", l.loc.PDFURL, licence)
		break
	}
	primary := ""
	if r.PrimaryLocation != nil {
		primary = r.PrimaryLocation.Version
	}
	for i, l := range r.Locations {
		if l.Version == "" || l.Version == primary || l.LandingPageURL == "" {
			continue
		}
		kept := ""
		if isArXivAbs(l.LandingPageURL) {
			kept = " (its arXiv id is kept)"
		}
		d.warn(r.locationOffs[i], fmt.Sprintf("locations[%d]", i), "the %s at %s: another version of the work, not a publication of its own%s", versionName(l.Version), l.LandingPageURL, kept)
	}
	if n := len(r.Grants); n > 0 {
		g := r.Grants[0]
		d.warn(d.at("grants"), "grants", "%d grant(s), such as %s: the model holds no funding", n, strings.TrimSpace(cmp.Or(g.Funder, g.FunderIDURL)+" "+g.AwardID))
	}
	if n := len(r.MeSH); n > 0 {
		d.warn(d.at("mesh"), "mesh", "%d MeSH heading(s), such as %q: the model holds no subject headings", n, r.MeSH[0].DescriptorName)
	}
	if r.IsRetracted {
		d.warn(d.at("is_retracted"), "is_retracted", "a retracted work: the model cannot say so")
	}
}

// versionName names a location's version for a message.
func versionName(v string) string {
	switch v {
	case "submittedVersion":
		return "submitted version (a preprint)"
	case "acceptedVersion":
		return "accepted manuscript"
	case "publishedVersion":
		return "published version"
	}
	return fmt.Sprintf("version %q", v)
}
