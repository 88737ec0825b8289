package export

import (
	"fmt"
	"io"
	"iter"
	"slices"
	"sync"

	"github.com/scholarld/scholarld/biblio"
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/graph"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/validate"
)

// Options configure the mapping. The zero value is usable: IRIs are minted
// under [DefaultBase] and every function validates the dataset first.
type Options struct {
	// Base starts every IRI the mapping mints, by the one rule of
	// [dataset.Names]: a person is Base+"people/"+id+"/#person", their
	// profile page Base+"people/"+id+"/", a publication
	// Base+"publications/"+id+"/#work" and an organization
	// Base+"organizations/"+id+"/#org", the same IRIs package site and
	// package serve give them for the same base. A person who sets
	// page_url is named by it; organizations with a ROR ID and
	// publications with a DOI or arXiv id are named by those instead. It
	// must be an absolute http(s) IRI with no query or fragment (see
	// [Options.Check]); a missing final slash is added. Empty means
	// [DefaultBase].
	Base string
	// PersonPath and PublicationPath are the patterns of the pages of
	// people and publications under Base ({id} standing for the record's
	// id), as in site.Options; empty means dataset.DefaultPersonPath and
	// dataset.DefaultPublicationPath.
	PersonPath, PublicationPath string
	// Validated says the caller has checked the dataset already, with
	// package validate, and found no problem; otherwise every function of
	// this package checks it first.
	Validated bool
	// FullProfile asks for the full document of a person's profile page
	// where the lean one is the default: in [ProfileScript],
	// [ProfileJSONLD], [ProfileTriples] and [WritePerson] in the RDF
	// formats and the html snippet. The lean document, the one the person
	// page of package site embeds, is what a web page wants: the
	// ProfilePage, the person with their current positions and
	// identifiers, their organizations and works, and every person it
	// refers to named, in schema.org only, so rich-results validators
	// accept it as it is. The full document adds everything the dump says
	// of the person: past positions, education, the VIVO-ISF advising
	// relationships, schema.org Roles, and people without names (students
	// or authors the data refers to only by id).
	FullProfile bool
}

// Names returns the naming rule of the options for d (see [dataset.Names]).
func (o Options) Names(d *dataset.Dataset) dataset.Names {
	return dataset.Names{Base: o.Base, PersonPath: o.PersonPath, PublicationPath: o.PublicationPath}.With(d)
}

// Check reports whether the options can be used, before anything is
// read or written: the base IRI must be an absolute http or https URL
// that records' URLs could be, with no query or fragment. Every function
// of this package checks its options too.
func (o Options) Check() error {
	if o.Base == "" {
		return nil
	}
	return graph.CheckBase(o.Base)
}

// Stats says what was written.
type Stats struct {
	Records int // records mapped: people, organizations, publications, profile pages; 1 for an ORCID record; the works of a bibliography
	Triples int // RDF statements they make; 0 for an ORCID record
	// Loss lists what an ORCID record cannot hold (see [orcid.Export]);
	// it is nil for other formats.
	Loss orcid.Loss
}

// check validates d unless opts say it is valid.
func check(d *dataset.Dataset, opts Options) error {
	if opts.Validated {
		return nil
	}
	return validate.Dataset(d)
}

func newMapper(d *dataset.Dataset, opts Options) (*graph.Mapper, error) {
	return graph.NewMapper(d, graph.Options{Names: opts.Names(d)})
}

// A Writer writes the documents of one dataset, which it checks and
// indexes once: writing the documents of every person, or serving them,
// then costs what each person holds, not the size of the dataset each
// time. The dataset must not change while the Writer is in use. A Writer
// is safe for concurrent use; its calls are serialized.
//
// The functions of this package that take a dataset make a Writer for
// one call.
type Writer struct {
	mu    sync.Mutex
	x     *dataset.Index
	m     *graph.Mapper
	orcid *orcid.Exporter
	full  bool // Options.FullProfile
}

// NewWriter returns a Writer of d. Unless opts.Validated, it first checks
// d with [validate.Dataset] and returns its error, a source.ErrorList.
func NewWriter(d *dataset.Dataset, opts Options) (*Writer, error) {
	if err := opts.Check(); err != nil {
		return nil, err
	}
	if err := check(d, opts); err != nil {
		return nil, err
	}
	m, err := newMapper(d, opts)
	if err != nil {
		return nil, err
	}
	x := dataset.NewIndex(d)
	return &Writer{x: x, m: m, orcid: orcid.NewExporter(x), full: opts.FullProfile}, nil
}

// Write writes every record of d to w in format f: publications, then
// organizations, then people, each in the order of the dataset. It fails
// for the formats whose documents hold one person ([Format.PerPerson]).
// In yaml, it writes the dataset as [dataset.Dataset.WriteYAML] does, and
// Stats.Records counts the records.
//
// Unless opts.Validated, it first checks d with [validate.Dataset] and
// returns its error, a source.ErrorList, having written nothing. Other
// errors are those of w, wrapped.
func Write(w io.Writer, f Format, d *dataset.Dataset, opts Options) (Stats, error) {
	if err := wholeDataset(f); err != nil {
		return Stats{}, err
	}
	wr, err := NewWriter(d, opts)
	if err != nil {
		return Stats{}, err
	}
	return wr.Write(w, f)
}

func wholeDataset(f Format) error {
	if f.kind != kindGraph && f.kind != kindYAML && !f.Bibliography() || f.PerPerson {
		return fmt.Errorf("export: format %q: one document holds one person; use WritePerson", f.Name)
	}
	return nil
}

// Write writes the Writer's dataset to out in format f, as the function
// [Write] does.
func (wr *Writer) Write(out io.Writer, f Format) (Stats, error) {
	if err := wholeDataset(f); err != nil {
		return Stats{}, err
	}
	if f.Bibliography() {
		return writeBibliography(out, f, wr.x.Dataset())
	}
	if f.kind == kindYAML {
		d := wr.x.Dataset()
		return Stats{Records: d.Len()}, d.WriteYAML(out)
	}
	wr.mu.Lock()
	defer wr.mu.Unlock()
	enc, _ := graph.NewEncoder(f.Name, out)
	var st Stats
	var err error
	st.Records, st.Triples, err = graph.Write(enc, wr.m.Dataset(wr.x.Dataset()))
	return st, err
}

// WritePerson writes to w the document of the person of d whose id is
// personID, in format f: in the RDF formats and the HTML snippet, the
// document of their profile page, a schema:ProfilePage whose mainEntity is
// the person, the person, the organizations they refer to (with their
// parents) and the publications they authored, so that the document stands
// alone, lean unless opts.FullProfile (see [Options.FullProfile]); in the
// ORCID formats, their ORCID API v3.0 record (see
// [orcid.Export]), or with the format of [Format.Works] the full works that
// go with it, and Stats.Loss lists what ORCID cannot hold.
//
// Validation and errors are as for [Write]; it is an error too that d
// has no person personID, or that f is yaml, a format of whole datasets.
// To write many people's documents, make one [Writer].
func WritePerson(w io.Writer, f Format, d *dataset.Dataset, personID string, opts Options) (Stats, error) {
	if f.kind == kindNone {
		return Stats{}, fmt.Errorf("export: format %q: %w", f.Name, ErrUnknownFormat)
	}
	wr, err := NewWriter(d, opts)
	if err != nil {
		return Stats{}, err
	}
	return wr.WritePerson(w, f, personID)
}

// WritePerson writes the document of one person, as the function
// [WritePerson] does, at the cost of what the person holds.
func (wr *Writer) WritePerson(out io.Writer, f Format, personID string) (Stats, error) {
	if f.kind == kindNone {
		return Stats{}, fmt.Errorf("export: format %q: %w", f.Name, ErrUnknownFormat)
	}
	p, err := wr.person(personID)
	if err != nil {
		return Stats{}, err
	}
	if f.kind == kindYAML {
		return Stats{}, fmt.Errorf("export: format %q: a document holds a whole dataset; use Write", f.Name)
	}
	if f.Bibliography() {
		return writeBibliography(out, f, wr.personWorks(p.ID))
	}
	if f.kind != kindGraph {
		return writeORCID(out, f, wr.orcid, personID)
	}
	wr.mu.Lock()
	defer wr.mu.Unlock()
	enc, _ := graph.NewEncoder(f.Name, out)
	var st Stats
	st.Records, st.Triples, err = graph.Write(enc, wr.profilePage(p))
	return st, err
}

// person returns the person of the Writer's dataset whose id is id, or an
// error if it has none.
func (wr *Writer) person(id string) (*profile.Person, error) {
	p, err := graph.FindPerson(wr.x, id)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return p, nil
}

// profilePage yields the records of the document of the profile page of
// p: the lean one, as package site's person page embeds it (the works found
// at their pages under the options' base), or the full one if the
// Writer's options ask for it. The caller holds wr.mu.
func (wr *Writer) profilePage(p *profile.Person) iter.Seq[*graph.Record] {
	if wr.full {
		return wr.m.ProfilePage(wr.x, p)
	}
	return wr.m.LeanProfilePage(wr.x, p, wr.m.Names().PublicationPage)
}

// personWorks returns the bibliography of a person: a dataset of the
// publications they authored and the versions of those, in the dataset's
// order, with the people they name, at the cost of what it holds.
func (wr *Writer) personWorks(personID string) *dataset.Dataset {
	d := wr.x.Dataset()
	var pubs []int
	for _, i := range wr.x.Authored(personID) {
		pubs = append(pubs, i)
		pubs = append(pubs, wr.x.Versions(d.Publications[i].ID)...)
	}
	slices.Sort(pubs)
	out := new(dataset.Dataset)
	named := make(map[int]bool)
	for _, i := range slices.Compact(pubs) {
		p := d.Publications[i]
		out.Publications = append(out.Publications, p)
		for _, a := range p.Authors {
			if j, ok := wr.x.Person(a.Ref); ok && !named[j] {
				named[j] = true
				out.People = append(out.People, d.People[j])
			}
		}
	}
	return out
}

// writeORCID writes the ORCID record of a person of d, or its works.
func writeORCID(w io.Writer, f Format, e *orcid.Exporter, personID string) (Stats, error) {
	rec, loss, err := e.Export(personID)
	if err != nil {
		return Stats{}, err
	}
	var write func(io.Writer) error
	switch f.kind {
	case kindORCIDXML:
		write = rec.WriteXML
	case kindORCIDJSON:
		write = rec.WriteJSON
	case kindWorksXML:
		write = rec.WriteWorksXML
	case kindWorksJSON:
		write = rec.WriteWorksJSON
	case kindPostWorks:
		write = rec.WritePostWorksXML
	}
	if err := write(w); err != nil {
		return Stats{}, fmt.Errorf("export: writing the ORCID record: %w", err)
	}
	return Stats{Records: 1, Loss: loss}, nil
}

// writeBibliography writes the works of d in a bibliography format; each
// work is a record.
func writeBibliography(w io.Writer, f Format, d *dataset.Dataset) (Stats, error) {
	var err error
	switch f.kind {
	case kindBibTeX:
		err = biblio.WriteBibTeX(w, d)
	case kindCSLJSON:
		err = biblio.WriteCSLJSON(w, d)
	case kindRIS:
		err = biblio.WriteRIS(w, d)
	}
	if err != nil {
		return Stats{}, fmt.Errorf("export: %w", err)
	}
	return Stats{Records: len(biblio.CSL(d))}, nil
}
