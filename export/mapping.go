package export

import (
	"fmt"
	"hash/maphash"
	"net/url"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// DefaultBase is the base IRI used when [Options.Base] is empty. It is a
// placeholder: publishers set their own.
const DefaultBase = "https://example.org/"

// Options configure the mapping.
type Options struct {
	// Base starts every IRI the mapping mints: people are
	// Base+"people/"+id+"#person" and their profile pages Base+"people/"+id.
	// Organizations with a ROR ID and publications with a DOI or arXiv id
	// are named by those instead. It must be an absolute http(s) IRI; a
	// missing final slash is added.
	Base string
}

// A Mapper maps the records of one dataset to RDF: schema.org for people,
// organizations, positions and publications, VIVO-ISF for supervision. It
// is the one mapping all formats share.
//
// A Mapper must know the organizations and publications that records refer
// to before it maps them (see [Mapper.Add]): their IRIs come from their ROR
// ids, DOIs and arXiv ids. Of publications it keeps only those IRIs, so a
// dataset can be mapped as a stream of chunks. A Mapper is not safe for
// concurrent use.
type Mapper struct {
	base string
	seed maphash.Seed
	orgs map[string]string // organization id → IRI
	// pubs maps the hash of a publication id to its IRI, when that is not
	// minted from the id, as an offset and length in iris: a few bytes per
	// publication, not a string header and an allocation each.
	pubs map[uint64]uint64
	iris []byte
}

// NewMapper returns a Mapper that knows the records of d, which should be
// valid (see package validate): references to unknown ids are mapped to
// minted IRIs that nothing describes.
func NewMapper(d *dataset.Dataset, opts Options) (*Mapper, error) {
	base := opts.Base
	if base == "" {
		base = DefaultBase
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(base, " <>\"{}|\\^`") {
		return nil, fmt.Errorf("export: base IRI %q: want an absolute http or https IRI", base)
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	m := &Mapper{
		base: base,
		seed: maphash.MakeSeed(),
		orgs: make(map[string]string, len(d.Organizations)),
		pubs: make(map[uint64]uint64),
	}
	m.Add(d)
	return m, nil
}

// Add makes the organizations and publications of d known to m.
func (m *Mapper) Add(d *dataset.Dataset) {
	for i := range d.Organizations {
		o := &d.Organizations[i]
		m.orgs[o.ID] = m.orgIRI(o)
	}
	for i := range d.Publications {
		p := &d.Publications[i]
		if p.Identifiers.DOI == "" && p.Identifiers.ArXiv == "" {
			continue // its IRI is minted from its id: nothing to keep
		}
		if iri := m.pubIRI(p); len(iri) < 1<<16 && len(m.iris) < 1<<40 {
			m.pubs[maphash.String(m.seed, p.ID)] = uint64(len(m.iris))<<16 | uint64(len(iri))
			m.iris = append(m.iris, iri...)
		}
	}
}

// PersonIRI returns the IRI of the person with the given id.
func (m *Mapper) PersonIRI(id string) string { return m.base + "people/" + id + "#person" }

// PageIRI returns the IRI of the profile page of the person with the given id.
func (m *Mapper) PageIRI(id string) string { return m.base + "people/" + id }

func (m *Mapper) orgIRI(o *profile.Organization) string {
	if o.ROR != "" {
		return o.ROR.URL()
	}
	return m.base + "organizations/" + o.ID + "#org"
}

func (m *Mapper) pubIRI(p *publication.Publication) string {
	switch {
	case p.Identifiers.DOI != "":
		return p.Identifiers.DOI.URL()
	case p.Identifiers.ArXiv != "":
		return p.Identifiers.ArXiv.URL()
	}
	return m.mintedPub(p.ID)
}

func (m *Mapper) mintedPub(id string) string { return m.base + "publications/" + id + "#work" }

// org returns the IRI of the organization with the given id.
func (m *Mapper) org(id string) Term {
	if iri, ok := m.orgs[id]; ok {
		return IRI(iri)
	}
	return IRI(m.base + "organizations/" + id + "#org")
}

// pub returns the IRI of the publication with the given id.
func (m *Mapper) pub(id string) Term {
	if loc, ok := m.pubs[maphash.String(m.seed, id)]; ok {
		off, n := loc>>16, loc&(1<<16-1)
		return IRI(string(m.iris[off : off+n]))
	}
	return IRI(m.mintedPub(id))
}

// schema returns the schema.org IRI of a term.
func schema(local string) string { return SchemaNS + local }

func date(d profile.Date) Term {
	if d == "" {
		return Term{}
	}
	return TypedLiteral(string(d), schemaDate)
}

func iri(s string) Term {
	if s == "" {
		return Term{}
	}
	return IRI(s)
}

// propertyValue returns a schema:PropertyValue node for an identifier.
func propertyValue(id, value string) Term {
	n := &Node{Types: []string{schema("PropertyValue")}}
	n.Add(schema("propertyID"), Literal(id))
	n.Add(schema("value"), Literal(value))
	return Embed(n)
}

// person returns the term for a reference to a person: the IRI of a person
// of the dataset, or an anonymous schema:Person with the name and ORCID iD
// given; an unnamed person is an anonymous schema:Person with nothing more.
func (m *Mapper) person(r profile.PersonRef) Term {
	if r.Ref != "" {
		return IRI(m.PersonIRI(r.Ref))
	}
	n := &Node{Types: []string{schema("Person")}}
	n.Add(schema("name"), Literal(r.Name))
	if r.ORCID != "" {
		n.Add(schema("sameAs"), IRI(r.ORCID.URL()))
		n.Add(schema("identifier"), propertyValue("orcid", string(r.ORCID)))
	}
	return Embed(n)
}
