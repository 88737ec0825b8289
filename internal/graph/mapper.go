package graph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/validate"
)

// DefaultBase is the base IRI used when [Options.Base] is empty. It is a
// placeholder: publishers set their own.
const DefaultBase = "https://example.org/"

// Options configure the mapping.
type Options struct {
	// Names names the records (see [dataset.Names]): its Base must be an
	// absolute http(s) IRI (see [CheckBase]); empty means DefaultBase.
	// The people of the dataset given to NewMapper or Add who set a page
	// URL have their IRI under it.
	Names dataset.Names
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
//
// A record a Mapper returns is valid only until the next is mapped: the
// Mapper fills the memory of the record before again, as its callers
// ([Write], [Triples], export, stream, site and serve) are done with each
// record before they ask for the next.
type Mapper struct {
	names dataset.Names
	orgs  map[string]string // organization id → IRI
	// pubs maps the id of a publication with a DOI or an arXiv id, which
	// name it, to where that identifier is kept: in text, after the id
	// itself, which the key's string points to. A publication costs its id,
	// its identifier and a map entry, and no allocation of its own.
	pubs map[string]textRef
	text strings.Builder // the block being filled
	full []string        // the blocks filled before
	a    arena
}

// node returns a new anonymous node of the given classes.
func (m *Mapper) node(types ...string) *Node { return m.a.node(Term{}, types) }

// nodeID returns a new node named id, of the given classes.
func (m *Mapper) nodeID(id Term, types ...string) *Node { return m.a.node(id, types) }

// textBlock is the largest size of the blocks of Mapper.text.
const textBlock = 64 << 10

// A textRef is where a kept identifier starts: a block of Mapper.full (or
// Mapper.text, the one after them) and an offset in it.
type textRef struct{ block, off uint32 }

// NewMapper returns a Mapper that knows the records of d, which should be
// valid (see package validate): references to unknown ids are mapped to
// minted IRIs that nothing describes.
func NewMapper(d *dataset.Dataset, opts Options) (*Mapper, error) {
	names := opts.Names
	if names.Base == "" {
		names.Base = DefaultBase
	}
	if err := CheckBase(names.Base); err != nil {
		return nil, err
	}
	m := &Mapper{
		names: names,
		orgs:  make(map[string]string, len(d.Organizations)),
		pubs:  make(map[string]textRef),
	}
	m.Add(d)
	return m, nil
}

// CheckBase returns nil if base can start the IRIs a Mapper mints: an
// absolute http or https URL as records' URLs must be (validate.HTTPURL),
// with no query and no fragment, which would swallow the paths appended
// to it.
func CheckBase(base string) error {
	err := validate.HTTPURL(base)
	if err == nil && strings.ContainsAny(base, "?#") {
		err = errors.New("it has a query or a fragment, which the paths of minted IRIs would follow")
	}
	if err != nil {
		return fmt.Errorf("export: base IRI: %w", err)
	}
	return nil
}

// Add makes the organizations and publications of d known to m, and the
// page URLs its people set.
func (m *Mapper) Add(d *dataset.Dataset) {
	m.names = m.names.With(d)
	for i := range d.Organizations {
		o := &d.Organizations[i]
		m.orgs[o.ID] = m.names.Organization(o)
	}
	for i := range d.Publications {
		p := &d.Publications[i]
		if p.Identifiers.DOI == "" && p.Identifiers.ArXiv == "" {
			continue // its IRI is minted from its id: nothing to keep
		}
		m.keep(p)
	}
}

// keep keeps the DOI or arXiv id of p: a tag byte ('d' or 'a'), the
// identifier's length as a uvarint, and the identifier, after p's id.
func (m *Mapper) keep(p *publication.Publication) {
	tag, ident := byte('d'), string(p.Identifiers.DOI)
	if ident == "" {
		tag, ident = 'a', string(p.Identifiers.ArXiv)
	}
	n := len(p.ID) + 1 + binary.MaxVarintLen64 + len(ident)
	if m.text.Len()+n > m.text.Cap() {
		// A new block: the keys already in the map keep the old one.
		size := min(textBlock, max(1024, 2*m.text.Cap()))
		if m.text.Cap() > 0 {
			m.full = append(m.full, m.text.String())
		}
		m.text = strings.Builder{}
		m.text.Grow(max(n, size))
	}
	start := m.text.Len()
	m.text.WriteString(p.ID)
	m.text.WriteByte(tag)
	var buf [binary.MaxVarintLen64]byte
	m.text.Write(binary.AppendUvarint(buf[:0], uint64(len(ident))))
	m.text.WriteString(ident)
	key := m.text.String()[start : start+len(p.ID)]
	m.pubs[key] = textRef{block: uint32(len(m.full)), off: uint32(start + len(p.ID))}
}

// kept returns the IRI of the publication whose identifier is at r.
func (m *Mapper) kept(r textRef) string {
	block := m.text.String()
	if int(r.block) < len(m.full) {
		block = m.full[r.block]
	}
	s := block[r.off:]
	tag := s[0]
	n, k := binary.Uvarint([]byte(s[1:min(len(s), 1+binary.MaxVarintLen64)]))
	ident := s[1+k : 1+k+int(n)]
	if tag == 'd' {
		return publication.DOI(ident).URL()
	}
	return publication.ArXiv(ident).URL()
}

// PersonIRI returns the IRI of the person with the given id.
func (m *Mapper) PersonIRI(id string) string { return m.names.Person(id) }

// PageIRI returns the IRI of the profile page of the person with the given id.
func (m *Mapper) PageIRI(id string) string { return m.names.PersonPage(id) }

// Names returns the naming rule of m.
func (m *Mapper) Names() dataset.Names { return m.names }

// org returns the IRI of the organization with the given id.
func (m *Mapper) org(id string) Term {
	if iri, ok := m.orgs[id]; ok {
		return IRI(iri)
	}
	return IRI(m.names.MintedOrganization(id))
}

// pub returns the IRI of the publication with the given id.
func (m *Mapper) pub(id string) Term {
	if r, ok := m.pubs[id]; ok {
		return IRI(m.kept(r))
	}
	return IRI(m.names.MintedPublication(id))
}

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
func (m *Mapper) propertyValue(id, value string) Term {
	n := m.node(classPropertyValue)
	n.Add(propPropertyID, Literal(id))
	n.Add(propValue, Literal(value))
	return Embed(n)
}

// person returns the term for a reference to a person: the IRI of a person
// of the dataset, or an anonymous schema:Person with the name and ORCID iD
// given; an unnamed person is an anonymous schema:Person with nothing more.
func (m *Mapper) person(r profile.PersonRef) Term {
	if r.Ref != "" {
		return IRI(m.PersonIRI(r.Ref))
	}
	n := m.node(classPerson)
	n.Add(propName, Literal(r.Name))
	if r.ORCID != "" {
		n.Add(propSameAs, IRI(r.ORCID.URL()))
		n.Add(propIdentifier, m.propertyValue("orcid", string(r.ORCID)))
	}
	return Embed(n)
}
