package export

import (
	"iter"

	"github.com/knakk/rdf"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/graph"
)

// Triples returns the statements of the graph of d, the one [Write]
// writes, as github.com/knakk/rdf values, in the order N-Triples lists
// them; blank nodes are labelled b1, b2, … in order. Plain literals have
// the datatype xsd:string.
//
// Validation and errors are as for [Write]; the sequence itself cannot
// fail.
func Triples(d *dataset.Dataset, opts Options) (iter.Seq[rdf.Triple], error) {
	if err := check(d, opts); err != nil {
		return nil, err
	}
	m, err := newMapper(d, opts)
	if err != nil {
		return nil, err
	}
	return knakk(graph.Triples(m.Dataset(d))), nil
}

// ProfileTriples returns the statements of the document of the profile
// page of the person of d whose id is personID, the one [WritePerson]
// writes (lean unless opts.FullProfile), as [Triples] does.
func ProfileTriples(d *dataset.Dataset, personID string, opts Options) (iter.Seq[rdf.Triple], error) {
	wr, err := NewWriter(d, opts)
	if err != nil {
		return nil, err
	}
	p, err := wr.person(personID)
	if err != nil {
		return nil, err
	}
	return knakk(graph.Triples(wr.profilePage(p))), nil
}

// knakk converts statements to knakk/rdf's.
func knakk(ts iter.Seq[graph.Triple]) iter.Seq[rdf.Triple] {
	xsdString := newIRI(graph.XSDNS + "string")
	return func(yield func(rdf.Triple) bool) {
		for t := range ts {
			subj := knakkTerm(t.Subject, xsdString).(rdf.Subject)
			pred := knakkTerm(t.Predicate, xsdString).(rdf.Predicate)
			if !yield(rdf.Triple{Subj: subj, Pred: pred, Obj: knakkTerm(t.Object, xsdString).(rdf.Object)}) {
				return
			}
		}
	}
}

func knakkTerm(t graph.Term, xsdString rdf.IRI) rdf.Term {
	switch t.Kind {
	case graph.KindIRI:
		return newIRI(t.Value)
	case graph.KindBlank:
		b, _ := rdf.NewBlank(t.Value) // labels are never empty
		return b
	}
	dt := xsdString
	if t.Datatype != "" {
		dt = newIRI(t.Datatype)
	}
	return rdf.NewTypedLiteral(t.Value, dt)
}

// newIRI returns the IRI s. Characters an IRI cannot hold, which validated
// data never has, are percent-encoded. It is hand-written because
// knakk/rdf only refuses such IRIs, with no escaper; TestNewIRI and
// FuzzNewIRI check it against rdf.NewIRI.
func newIRI(s string) rdf.IRI {
	if iri, err := rdf.NewIRI(s); err == nil {
		return iri
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c <= 0x20, c == '<', c == '>', c == '"', c == '{', c == '}', c == '|', c == '^', c == '`', c == '\\':
			b = append(b, '%', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&0xf])
		default:
			b = append(b, c)
		}
	}
	iri, _ := rdf.NewIRI(string(b))
	return iri
}
