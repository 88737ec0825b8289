package graph

import (
	"iter"
	"slices"
	"strconv"
	"strings"
)

// A Term is an RDF term: an IRI, a blank node, a literal, or one of two
// shapes that writers print inline: a [Node] described in place (an
// anonymous blank node used once) and an RDF collection.
type Term struct {
	Kind     TermKind
	Value    string // the IRI, the blank node's label or the literal's lexical form
	Datatype string // a literal's datatype IRI; empty for xsd:string
	Node     *Node  // the node, for KindNode
	List     []Term // the members, for KindList
}

// TermKind says what a Term is.
type TermKind uint8

// The kinds of term.
const (
	KindIRI     TermKind = iota + 1
	KindBlank            // a labelled blank node, described by a Node of the same Record
	KindLiteral          // a literal
	KindNode             // an anonymous blank node described in place
	KindList             // an RDF collection (rdf:first/rdf:rest/rdf:nil)
)

// IRI returns an IRI term.
func IRI(iri string) Term { return Term{Kind: KindIRI, Value: iri} }

// Blank returns a labelled blank node term.
func Blank(label string) Term { return Term{Kind: KindBlank, Value: label} }

// Literal returns a plain string literal.
func Literal(s string) Term { return Term{Kind: KindLiteral, Value: s} }

// TypedLiteral returns a literal of the given datatype IRI.
func TypedLiteral(s, datatype string) Term {
	return Term{Kind: KindLiteral, Value: s, Datatype: datatype}
}

// Embed returns a term for the anonymous blank node n.
func Embed(n *Node) Term { return Term{Kind: KindNode, Node: n} }

// List returns an RDF collection of the terms, in order.
func List(items ...Term) Term { return Term{Kind: KindList, List: items} }

// A Node is the description of one subject: its types and properties, in
// the order the writers print them. The zero ID means an anonymous blank
// node, used through [Embed].
type Node struct {
	ID    Term     // an IRI or labelled blank node; zero for an embedded node
	Types []string // class IRIs
	Props []Prop

	a *arena // where Add takes room from; nil for the heap
}

// A Prop is one property of a node with its values, in order.
type Prop struct {
	Predicate string // the property IRI
	Values    []Term
}

// Add appends values for predicate, after any it already has. The zero
// Term, an empty literal and a repeat of an IRI, blank node or literal the
// predicate already has are left out: a graph is a set of statements.
func (n *Node) Add(predicate string, values ...Term) {
	i := -1
	for j := range n.Props {
		if n.Props[j].Predicate == predicate {
			i = j
			break
		}
	}
	for _, v := range values {
		if v.Kind == 0 || v.Kind == KindLiteral && v.Value == "" {
			continue
		}
		if i < 0 {
			if n.a != nil && len(n.Props) == cap(n.Props) {
				n.Props = append(n.a.props(max(4, 2*len(n.Props))), n.Props...)
			}
			n.Props = append(n.Props, Prop{Predicate: predicate})
			i = len(n.Props) - 1
		}
		p := &n.Props[i]
		if v.Kind != KindNode && v.Kind != KindList && slices.ContainsFunc(p.Values, func(w Term) bool {
			return w.Kind == v.Kind && w.Value == v.Value && w.Datatype == v.Datatype
		}) {
			continue
		}
		if p.Values == nil && n.a != nil {
			p.Values = n.a.term(v)
			continue
		}
		p.Values = append(p.Values, v)
	}
}

// An arena hands out the nodes, types, properties and values of the
// records a Mapper makes from chunks, a few allocations for a record
// rather than several per node. Chunks grow in size within a record, and
// the next record fills the last of them again (see [arena.reset]): a
// record is valid only until the next is mapped, and the arena holds no
// more than the largest record's chunks.
type arena struct {
	nodes []Node
	strs  []string
	prps  []Prop
	terms []Term
}

// reset starts a new record: the caller is done with the records mapped
// before, and the last chunks are filled again.
func (a *arena) reset() {
	a.nodes, a.strs, a.prps, a.terms = a.nodes[:0], a.strs[:0], a.prps[:0], a.terms[:0]
}

// grow returns the size of the next chunk after one of cap c.
func grow(c, first int) int { return min(max(2*c, first), 1024) }

// node returns a new node with the given id and types.
func (a *arena) node(id Term, types []string) *Node {
	if len(a.nodes) == cap(a.nodes) {
		a.nodes = make([]Node, 0, grow(cap(a.nodes), 4))
	}
	a.nodes = append(a.nodes, Node{ID: id, a: a})
	n := &a.nodes[len(a.nodes)-1]
	if len(types) > 0 {
		if cap(a.strs)-len(a.strs) < len(types) {
			a.strs = make([]string, 0, max(grow(cap(a.strs), 4), len(types)))
		}
		k := len(a.strs)
		a.strs = append(a.strs, types...)
		n.Types = a.strs[k : k+len(types) : k+len(types)]
	}
	return n
}

// props returns an empty slice with room for n properties.
func (a *arena) props(n int) []Prop {
	if cap(a.prps)-len(a.prps) < n {
		a.prps = make([]Prop, 0, max(grow(cap(a.prps), 16), n))
	}
	k := len(a.prps)
	a.prps = a.prps[:k+n]
	return a.prps[k : k : k+n]
}

// term returns a slice holding v alone, without room to grow in place.
func (a *arena) term(v Term) []Term {
	if len(a.terms) == cap(a.terms) {
		a.terms = make([]Term, 0, grow(cap(a.terms), 16))
	}
	a.terms = append(a.terms, v)
	k := len(a.terms)
	return a.terms[k-1 : k : k]
}

// A Record is the RDF description of one record of a dataset: a person, an
// organization, a publication or a profile page. Its first node is the
// record's subject; the others are labelled blank nodes that more than one
// statement of the record refers to. Blank nodes never cross records.
type Record struct {
	Nodes []*Node

	label  string // prefix of the labels of this record's blank nodes
	blanks int    // blank nodes labelled so far
}

// Subject returns the record's main subject.
func (r *Record) Subject() Term {
	if len(r.Nodes) == 0 {
		return Term{}
	}
	return r.Nodes[0].ID
}

// A Triple is one RDF statement.
type Triple struct {
	Subject, Predicate, Object Term
}

// triples yields the statements of r. Anonymous blank nodes and list cells
// get labels from label, which the caller keeps unique within a document.
func (r *Record) triples(label func() string) iter.Seq[Triple] {
	return func(yield func(Triple) bool) {
		for _, n := range r.Nodes {
			if !nodeTriples(n, n.ID, label, yield) {
				return
			}
		}
	}
}

func nodeTriples(n *Node, subject Term, label func() string, yield func(Triple) bool) bool {
	for _, t := range n.Types {
		if !yield(Triple{subject, IRI(rdfType), IRI(t)}) {
			return false
		}
	}
	for _, p := range n.Props {
		for _, v := range p.Values {
			obj, ok := flatten(v, label, yield)
			if !ok || !yield(Triple{subject, IRI(p.Predicate), obj}) {
				return false
			}
		}
	}
	return true
}

// flatten yields the statements that describe an embedded node or list v and
// returns the term that stands for v.
func flatten(v Term, label func() string, yield func(Triple) bool) (Term, bool) {
	switch v.Kind {
	case KindNode:
		b := Blank(label())
		return b, nodeTriples(v.Node, b, label, yield)
	case KindList:
		if len(v.List) == 0 {
			return IRI(rdfNil), true
		}
		head := Blank(label())
		cell := head
		for i, item := range v.List {
			obj, ok := flatten(item, label, yield)
			if !ok || !yield(Triple{cell, IRI(rdfFirst), obj}) {
				return head, false
			}
			rest := IRI(rdfNil)
			if i+1 < len(v.List) {
				rest = Blank(label())
			}
			if !yield(Triple{cell, IRI(rdfRest), rest}) {
				return head, false
			}
			cell = rest
		}
		return head, true
	}
	return v, true
}

// blanks is a run of spaces for indentation.
const blanks = "                                                                                "

// spaces returns n spaces.
func spaces(n int) string {
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// Triples yields the statements of the records, labelling anonymous blank
// nodes and list cells b1, b2, … in order, as an [NTriplesEncoder] does.
func Triples(records iter.Seq[*Record]) iter.Seq[Triple] {
	return func(yield func(Triple) bool) {
		n := 0
		label := func() string { n++; return "b" + strconv.Itoa(n) }
		for r := range records {
			for t := range r.triples(label) {
				if !yield(t) {
					return
				}
			}
		}
	}
}
