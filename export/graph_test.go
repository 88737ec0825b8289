package export_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/ldtest"
	"github.com/scholarld/scholarld/validate"
)

// The tests of this file read what the encoders write with independent
// implementations: json-gold turns the JSON-LD into RDF and canonicalizes
// graphs (URDNA2015), knakk/rdf decodes Turtle and N-Triples.

func loadSeed(t testing.TB) *dataset.Dataset {
	t.Helper()
	d, err := validate.Check(seed.Load())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// encode writes d in the named format.
func encode(t testing.TB, d *dataset.Dataset, format string) []byte {
	t.Helper()
	f, err := export.Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := export.Write(&buf, f, d, export.Options{}); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

// decodeRDF decodes Turtle or N-Triples with knakk/rdf, whose decoder can
// panic: that is a failure too.
func decodeRDF(t testing.TB, data []byte, f rdf.Format) (triples []rdf.Triple) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("knakk/rdf panicked decoding: %v", r)
		}
	}()
	triples, err := rdf.NewTripleDecoder(bytes.NewReader(data), f).DecodeAll()
	if err != nil {
		t.Fatalf("knakk/rdf cannot decode: %v", err)
	}
	return triples
}

// knakkDataset turns decoded triples into a json-gold dataset.
func knakkDataset(triples []rdf.Triple) *ld.RDFDataset {
	ds := ld.NewRDFDataset()
	node := func(term rdf.Term) ld.Node {
		switch x := term.(type) {
		case rdf.IRI:
			return ld.NewIRI(x.String())
		case rdf.Blank:
			return ld.NewBlankNode("_:" + strings.TrimPrefix(x.String(), "_:"))
		case rdf.Literal:
			return ld.NewLiteral(x.String(), x.DataType.String(), x.Lang())
		}
		return nil
	}
	var quads []*ld.Quad
	for _, tr := range triples {
		quads = append(quads, ld.NewQuad(node(tr.Subj), node(tr.Pred), node(tr.Obj), "@default"))
	}
	ds.Graphs["@default"] = quads
	return ds
}

// TestSameGraph proves that the JSON-LD, Turtle and N-Triples of the
// example denote one RDF graph.
func TestSameGraph(t *testing.T) {
	d := loadSeed(t)
	fromJSONLD := ldtest.Canonical(t, ldtest.Dataset(t, encode(t, d, "jsonld")))
	fromTurtle := ldtest.Canonical(t, knakkDataset(decodeRDF(t, encode(t, d, "ttl"), rdf.Turtle)))
	fromNTriples := ldtest.Canonical(t, knakkDataset(decodeRDF(t, encode(t, d, "nt"), rdf.NTriples)))
	if n := strings.Count(fromJSONLD, "\n"); n < 500 {
		t.Fatalf("the JSON-LD yields only %d statements", n)
	}
	if diff := cmp.Diff(fromTurtle, fromJSONLD); diff != "" {
		t.Errorf("JSON-LD and Turtle differ (-turtle +jsonld):\n%s", diff)
	}
	if diff := cmp.Diff(fromTurtle, fromNTriples); diff != "" {
		t.Errorf("N-Triples and Turtle differ (-turtle +ntriples):\n%s", diff)
	}
}

// TestHTMLSameGraph checks that the HTML snippet of the profile page holds
// the same graph as the page's JSON-LD document, its Turtle and
// ProfileTriples, for the
// lean document (the default) and the full one, and that the two differ.
func TestHTMLSameGraph(t *testing.T) {
	d := loadSeed(t)
	graphs := map[bool]string{}
	for _, full := range []bool{false, true} {
		opts := export.Options{FullProfile: full}
		doc := func(name string) []byte {
			f, err := export.Lookup(name)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if _, err := export.WritePerson(&buf, f, d, "ioannis-mitliagkas", opts); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
		html := doc("html")
		jsonld, err := export.ProfileJSONLD(d, "ioannis-mitliagkas", opts)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(jsonld, doc("jsonld")) {
			t.Errorf("full=%v: ProfileJSONLD differs from WritePerson in jsonld", full)
		}
		script, err := export.ProfileScript(d, "ioannis-mitliagkas", opts)
		if err != nil {
			t.Fatal(err)
		}
		if string(script) != string(html) {
			t.Errorf("full=%v: ProfileScript differs from WritePerson in html", full)
		}
		body, ok := bytes.CutPrefix(html, []byte(`<script type="application/ld+json">`+"\n"))
		body, ok2 := bytes.CutSuffix(body, []byte("</script>\n"))
		if !ok || !ok2 {
			t.Fatalf("not a script element:\n%.200s", html)
		}
		graphs[full] = ldtest.Canonical(t, ldtest.Dataset(t, jsonld))
		if diff := cmp.Diff(graphs[full], ldtest.Canonical(t, ldtest.Dataset(t, body))); diff != "" {
			t.Errorf("full=%v: HTML snippet and JSON-LD differ (-jsonld +html):\n%s", full, diff)
		}
		fromTurtle := ldtest.Canonical(t, knakkDataset(decodeRDF(t, doc("ttl"), rdf.Turtle)))
		if diff := cmp.Diff(fromTurtle, graphs[full]); diff != "" {
			t.Errorf("full=%v: Turtle and JSON-LD differ (-turtle +jsonld):\n%s", full, diff)
		}
		seq, err := export.ProfileTriples(d, "ioannis-mitliagkas", opts)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(graphs[full], ldtest.Canonical(t, knakkDataset(slices.Collect(seq)))); diff != "" {
			t.Errorf("full=%v: ProfileTriples and JSON-LD differ (-jsonld +triples):\n%s", full, diff)
		}
	}
	if graphs[false] == graphs[true] {
		t.Error("the lean and the full profile are the same graph")
	}
}

// TestAuthorOrder reads the author lists back from the Turtle, following
// rdf:first and rdf:rest, and compares them with the data.
func TestAuthorOrder(t *testing.T) {
	d := loadSeed(t)
	triples := decodeRDF(t, encode(t, d, "ttl"), rdf.Turtle)
	objects := map[string][]rdf.Term{} // subject + " " + predicate → objects
	for _, tr := range triples {
		k := tr.Subj.String() + " " + tr.Pred.String()
		objects[k] = append(objects[k], tr.Obj)
	}
	one := func(s rdf.Term, p string) rdf.Term {
		os := objects[s.String()+" "+p]
		if len(os) != 1 {
			t.Fatalf("%v has %d values of %s, want 1", s, len(os), p)
		}
		return os[0]
	}
	const schema = "http://schema.org/"
	const rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	for _, p := range d.Publications {
		subject := export.DefaultBase + "publications/" + p.ID + "/#work"
		switch {
		case p.Identifiers.DOI != "":
			subject = p.Identifiers.DOI.URL()
		case p.Identifiers.ArXiv != "":
			subject = p.Identifiers.ArXiv.URL()
		}
		var want, got []string
		for _, a := range p.Authors {
			if a.Ref != "" {
				want = append(want, export.DefaultBase+"people/"+a.Ref+"/#person")
			} else {
				want = append(want, a.Name)
			}
		}
		cell := one(iri(t, subject), schema+"author")
		for cell.String() != rdfNS+"nil" {
			a := one(cell, rdfNS+"first")
			if a.Type() == rdf.TermIRI {
				got = append(got, a.String())
			} else {
				got = append(got, one(a, schema+"name").String())
			}
			cell = one(cell, rdfNS+"rest")
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: authors in the Turtle (-data +turtle):\n%s", p.ID, diff)
		}
	}
}

func iri(t testing.TB, s string) rdf.IRI {
	i, err := rdf.NewIRI(s)
	if err != nil {
		t.Fatal(err)
	}
	return i
}

const (
	rdfTurtle   = rdf.Turtle
	rdfNTriples = rdf.NTriples
)
