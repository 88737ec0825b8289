package export_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/knakk/rdf"

	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/ldtest"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
)

// TestTriples checks that Triples gives the graph Write writes: for each
// dataset, knakk/rdf's reading of the N-Triples, statement by statement
// in the same order, as many as Stats.Triples counts, and the same graph
// as the JSON-LD once canonicalized.
func TestTriples(t *testing.T) {
	datasets := synthtest.Datasets(t)
	datasets["seed"] = loadSeed(t)
	datasets["hostile"] = hostileDataset(t)
	nt, err := export.Lookup("nt")
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range datasets {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			st, err := export.Write(&buf, nt, d, export.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := decodeRDF(t, buf.Bytes(), rdf.NTriples)
			seq, err := export.Triples(d, export.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := slices.Collect(seq)
			if len(got) != st.Triples || len(got) != len(want) {
				t.Fatalf("Triples gives %d statements, Write counts %d and writes %d", len(got), st.Triples, len(want))
			}
			for i := range want {
				if !sameTriple(got[i], want[i]) {
					t.Fatalf("statement %d: Triples gives\n\t%s\nthe N-Triples say\n\t%s", i, got[i].Serialize(rdf.NTriples), want[i].Serialize(rdf.NTriples))
				}
			}
			if name != "seed" {
				return
			}
			jsonld := ldtest.Canonical(t, ldtest.Dataset(t, encode(t, d, "jsonld")))
			if diff := cmp.Diff(jsonld, ldtest.Canonical(t, knakkDataset(got))); diff != "" {
				t.Errorf("Triples and the JSON-LD differ (-jsonld +triples):\n%s", diff)
			}
		})
	}
}

// TestTriplesStop checks that the sequence of Triples stops when its
// consumer does, and gives the same first statements again when ranged
// over a second time.
func TestTriplesStop(t *testing.T) {
	seq, err := export.Triples(loadSeed(t), export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := func() []rdf.Triple {
		var ts []rdf.Triple
		for tr := range seq {
			ts = append(ts, tr)
			if len(ts) == 3 {
				break
			}
		}
		return ts
	}
	a, b := first(), first()
	if len(a) != 3 || len(b) != 3 {
		t.Fatalf("got %d and %d statements, want 3 each", len(a), len(b))
	}
	for i := range a {
		if !sameTriple(a[i], b[i]) {
			t.Errorf("statement %d: %s, then %s", i, a[i].Serialize(rdf.NTriples), b[i].Serialize(rdf.NTriples))
		}
	}
}

// sameTriple compares statements term by term: kind, value, and a
// literal's datatype and language.
func sameTriple(a, b rdf.Triple) bool {
	return sameTerm(a.Subj, b.Subj) && sameTerm(a.Pred, b.Pred) && sameTerm(a.Obj, b.Obj)
}

func sameTerm(a, b rdf.Term) bool {
	if a.Type() != b.Type() || a.String() != b.String() {
		return false
	}
	la, ok := a.(rdf.Literal)
	if !ok {
		return true
	}
	lb := b.(rdf.Literal)
	return la.DataType.String() == lb.DataType.String() && la.Lang() == lb.Lang()
}
