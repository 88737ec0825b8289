package orcid

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// A workEntry is one work to convert: a full work, or a summary from the
// record standing in for a full work that is not at hand.
type workEntry struct {
	w       Work
	summary bool
	path    string
}

// versionRef is a publication's version-of identifier, to resolve once
// every publication is converted.
type versionRef struct {
	pub  int    // index in m.d.Publications
	key  string // the identifier's key, as idKey makes it
	path string
}

// works converts the record's works: each summary of the record, replaced
// by the full work with the same put-code when there is one, then the full
// works no summary lists.
func (m *importer) works() {
	full := make(map[PutCode]int)
	for i, w := range m.r.Works {
		if w.PutCode != 0 {
			if _, dup := full[w.PutCode]; !dup {
				full[w.PutCode] = i
			}
		}
	}
	used := make(map[int]bool)
	var entries []workEntry
	summaries := 0
	if a := m.r.Activities; a != nil && a.Works != nil {
		for gi, g := range a.Works.Group {
			for si, s := range g.Summaries {
				path := fmt.Sprintf("activities-summary.works.group[%d].work-summary[%d]", gi, si)
				if i, ok := full[s.PutCode]; ok && s.PutCode != 0 && !used[i] {
					used[i] = true
					entries = append(entries, workEntry{w: m.r.Works[i], path: path})
					continue
				}
				summaries++
				entries = append(entries, workEntry{summary: true, path: path, w: Work{
					PutCode: s.PutCode, Title: s.Title, JournalTitle: s.JournalTitle, Type: s.Type,
					Date: s.Date, ExternalIDs: s.ExternalIDs, URL: s.URL,
				}})
			}
		}
	}
	for i, w := range m.r.Works {
		if !used[i] {
			entries = append(entries, workEntry{w: w, path: fmt.Sprintf("works[%d]", i)})
		}
	}
	if summaries > 0 {
		m.loss.add("activities-summary.works", "%s known by the record's summary only, without the full work: no abstract, and the record's person as the only author", count(summaries, "work"))
	}

	selfKeys := make(map[string]int) // publication index by self identifier key
	seen := make(map[string]int)     // publication index by DOI key or arXiv id
	var refs []versionRef
	var paths []string // the ORCID path of each publication
	for _, e := range entries {
		p, self, versionOf, ok := m.publication(e)
		if !ok {
			continue
		}
		if j, dup := dupOf(seen, p); dup {
			m.loss.add(e.path, "the same work as publications[%d] (%q), from another source: left out", j, m.d.Publications[j].Title)
			continue
		}
		p.ID = m.taken[dataset.Publications].mint(p.ID, "work")
		p.Origin = source.Origin{Path: e.path, Pos: source.Pos{File: cmp.Or(e.w.from, m.r.file)}}
		i := len(m.d.Publications)
		m.d.Publications = append(m.d.Publications, p)
		paths = append(paths, e.path)
		for _, k := range dupKeys(&p) {
			seen[k] = i
		}
		for _, k := range self {
			if _, dup := selfKeys[k]; !dup {
				selfKeys[k] = i
			}
		}
		for _, k := range versionOf {
			refs = append(refs, versionRef{pub: i, key: k, path: e.path})
		}
	}
	m.versions(selfKeys, refs, paths)
}

// dupKeys returns the keys by which two publications are the same work:
// their DOI (in any case) and full arXiv id.
func dupKeys(p *publication.Publication) []string {
	var keys []string
	if p.Identifiers.DOI != "" {
		keys = append(keys, "doi:"+p.Identifiers.DOI.Key())
	}
	if p.Identifiers.ArXiv != "" {
		keys = append(keys, "arxiv:"+string(p.Identifiers.ArXiv))
	}
	return keys
}

// dupOf returns the index of a publication converted before that is the
// same work as p.
func dupOf(seen map[string]int, p publication.Publication) (int, bool) {
	for _, k := range dupKeys(&p) {
		if j, ok := seen[k]; ok {
			return j, true
		}
	}
	return 0, false
}

// idKey returns the key of an external id for matching a version-of
// identifier to a work's self identifier.
func idKey(id ExternalID) string {
	return strings.ToLower(strings.TrimSpace(id.Type)) + ":" + strings.ToLower(strings.TrimSpace(id.Value))
}

// publication converts one work, returning its self and version-of
// identifier keys. It is false if the work has no title.
func (m *importer) publication(e workEntry) (p publication.Publication, self, versionOf []string, ok bool) {
	w, path := &e.w, e.path
	p.Title = line(string(w.Title.Title))
	if p.Title == "" {
		m.loss.add(path+".title", "no title: the model needs one")
		return p, nil, nil, false
	}
	if sub := line(string(w.Title.Subtitle)); sub != "" {
		p.Title += ": " + sub
	}
	if tt := w.Title.TranslatedTitle; tt != nil && line(tt.Value) != "" {
		p.OtherTitles = append(p.OtherTitles, line(tt.Value))
		m.loss.add(path+".title.translated-title", "language code %q: the model holds other titles without a language", tt.LanguageCode)
	}
	kind, venueKind, exact := kindOf(strings.TrimSpace(w.Type))
	if !exact {
		m.loss.add(path+".type", "%q: held as other, a type the model has", w.Type)
	}
	p.Kind = kind
	if jt := line(string(w.JournalTitle)); jt != "" {
		p.Venue = publication.Venue{Name: jt, Kind: venueKind}
	}
	p.Abstract = text(w.ShortDescription)
	p.Date = m.date(path+".publication-date", w.Date)
	if p.URL = httpURL(string(w.URL)); p.URL == "" && w.URL != "" {
		m.loss.add(path+".url", "%q: not an http or https URL", w.URL)
	}
	if w.Citation != nil && strings.TrimSpace(w.Citation.Value) != "" {
		m.loss.add(path+".citation", "a %s citation: the model holds no citations", orNone(strings.TrimSpace(w.Citation.Type)))
	}
	sourceID := ""
	if w.ExternalIDs != nil {
		for j, id := range w.ExternalIDs.ExternalID {
			at := fmt.Sprintf("%s.external-ids.external-id[%d]", path, j)
			switch rel := strings.ToLower(strings.TrimSpace(id.Relationship)); rel {
			case Self, "":
				self = append(self, idKey(id))
				if strings.EqualFold(strings.TrimSpace(id.Type), idSource) {
					if v := strings.TrimSpace(id.Value); isSlug(v) && sourceID == "" {
						sourceID = v
					}
					continue
				}
				m.selfID(&p, at, id)
			case PartOf:
				m.partOfID(&p, at, id)
			case VersionOf:
				versionOf = append(versionOf, idKey(id))
			default:
				m.loss.add(at, "%s %s %q: the model holds self, part-of and version-of identifiers only", rel, id.Type, strings.TrimSpace(id.Value))
			}
		}
	}
	p.Authors, p.EtAl = m.authors(e)
	p.ID = sourceID
	if p.ID == "" || m.taken[dataset.Publications].has(p.ID) {
		p.ID = slug(p.Title, 8)
	}
	return p, self, versionOf, true
}

// selfID sets the identifier of p that id is, reporting at path one the
// model does not hold or that does not parse.
func (m *importer) selfID(p *publication.Publication, path string, id ExternalID) {
	typ, val := strings.ToLower(strings.TrimSpace(id.Type)), strings.TrimSpace(id.Value)
	ids := &p.Identifiers
	set := func(field *string, v string, err error) {
		switch {
		case err != nil:
			m.loss.add(path, "%s %q: %v", typ, val, err)
		case *field != "" && *field != v:
			m.loss.add(path, "%s %q: a second %s", typ, val, typ)
		default:
			*field = v
		}
	}
	switch typ {
	case idDOI:
		v, err := publication.ParseDOI(val)
		set((*string)(&ids.DOI), string(v), err)
	case idArXiv:
		v, err := publication.ParseArXiv(val)
		set((*string)(&ids.ArXiv), string(v), err)
	case idISBN:
		v, err := publication.ParseISBN(val)
		set((*string)(&ids.ISBN), string(v), err)
	case idPMID:
		v, err := publication.ParsePMID(val)
		set((*string)(&ids.PMID), string(v), err)
	case idURI:
		switch rest, ok := strings.CutPrefix(val, openReviewForum); {
		case ok && openReviewForumRE.MatchString(rest):
			set(&ids.OpenReview, rest, nil)
		case strings.HasPrefix(val, dblpRecord) && dblpRecordRE.MatchString(val[len(dblpRecord):]):
			set(&ids.DBLP, val[len(dblpRecord):], nil)
		case httpURL(val) != "" && p.URL == "":
			p.URL = httpURL(val)
		default:
			m.loss.add(path, "uri %q: the model holds one URL per publication", val)
		}
	default:
		m.loss.add(path, "%s %q: the model holds DOI, arXiv, ISBN, PubMed, OpenReview and DBLP identifiers only", typ, val)
	}
}

// partOfID sets what a part-of identifier says of p: the ISSN of its
// journal, the ISBN of a chapter's book.
func (m *importer) partOfID(p *publication.Publication, path string, id ExternalID) {
	typ, val := strings.ToLower(strings.TrimSpace(id.Type)), strings.TrimSpace(id.Value)
	switch {
	case typ == idISSN && p.Venue.Name != "" && p.Venue.ISSN == "":
		if v, err := publication.ParseISSN(val); err == nil {
			p.Venue.ISSN = v
			return
		}
	case typ == idISBN && p.Kind == publication.KindChapter && p.Identifiers.ISBN == "":
		if v, err := publication.ParseISBN(val); err == nil {
			p.Identifiers.ISBN = v
			return
		}
	}
	m.loss.add(path, "part-of %s %q: the model holds the ISSN of a journal with a title and the ISBN of a chapter's book only", typ, val)
}

// authors returns the contributors of a full work in byline order, the
// record's person by ref (matched by ORCID iD, else by name), or, for a
// summary or a work without contributors, the record's person alone; with
// no person either, no author and a byline that is not given (et_al).
func (m *importer) authors(e workEntry) (authors []publication.Contributor, etAl bool) {
	var out []publication.Contributor
	if c := e.w.Contributors; !e.summary && c != nil {
		for j, c := range c.Contributor {
			name := line(string(c.CreditName))
			var id profile.ORCID
			if c.ORCID != nil {
				for _, s := range []string{c.ORCID.Path, c.ORCID.URI} {
					if v, err := profile.ParseORCID(strings.TrimSpace(s)); err == nil {
						id = v
						break
					}
				}
			}
			if c.Attributes != nil {
				if role := strings.TrimSpace(c.Attributes.Role); role == "editor" || role == "translator" || role == "chair-or-translator" {
					m.loss.add(fmt.Sprintf("%s.contributors.contributor[%d]", e.path, j), "a contributor in the role %s: held as an author", role)
				}
			}
			p := m.person
			if p != nil && (id != "" && id == p.Identifiers.ORCID || id == "" && m.ownerName(name)) {
				ref := publication.Contributor{Ref: p.ID}
				if name != "" && name != p.Name.Display {
					ref.Name = name
				}
				out = append(out, ref)
				continue
			}
			out = append(out, publication.Contributor{Name: name, ORCID: id})
		}
	}
	if len(out) > 0 {
		return out, false
	}
	if m.person != nil {
		return []publication.Contributor{{Ref: m.person.ID}}, false
	}
	m.loss.add(e.path, "no contributors and no person in the record: the authors are not given (et_al)")
	return nil, true
}

// versions resolves the version-of identifiers: a publication is a version
// of the one whose self identifier it names. It then links publications
// that share an arXiv id without its version, which are versions of one
// work by arXiv's rules.
func (m *importer) versions(selfKeys map[string]int, refs []versionRef, paths []string) {
	pubs := m.d.Publications
	index := make(map[string]int, len(pubs))
	for i, p := range pubs {
		index[p.ID] = i
	}
	// root returns the publication i is a version of, following VersionOf,
	// and whether the chain leads back to stop.
	root := func(i, stop int) (int, bool) {
		for steps := 0; steps <= len(pubs); steps++ {
			if i == stop {
				return i, true
			}
			j, ok := index[pubs[i].VersionOf]
			if !ok {
				return i, false
			}
			i = j
		}
		return i, true
	}
	link := func(i, target int) bool {
		if _, cycle := root(target, i); cycle || pubs[i].VersionOf != "" {
			return false
		}
		pubs[i].VersionOf = pubs[target].ID
		return true
	}
	reported := make(map[int]bool)
	for _, r := range refs {
		t, ok := selfKeys[r.key]
		if !ok || t == r.pub || pubs[r.pub].VersionOf == pubs[t].ID {
			continue
		}
		if !link(r.pub, t) && !reported[r.pub] {
			reported[r.pub] = true
			m.loss.add(r.path, "a version of %q and of %q: the model holds one", pubs[r.pub].VersionOf, pubs[t].ID)
		}
	}
	base := make(map[string]int)
	for i := range pubs {
		a := pubs[i].Identifiers.ArXiv
		if a == "" {
			continue
		}
		j, seen := base[string(a.Base())]
		if !seen {
			base[string(a.Base())] = i
			continue
		}
		ri, _ := root(i, -1)
		rj, _ := root(j, -1)
		if ri == rj {
			continue
		}
		if !link(ri, rj) {
			m.loss.add(paths[i], "arXiv %s: the arXiv id of %q, which is not a version of it: left out", a, pubs[j].ID)
			pubs[i].Identifiers.ArXiv = ""
		}
	}
}
