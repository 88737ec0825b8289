package stream_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/stream"
	"github.com/scholarld/scholarld/validate"
)

// sortedLines returns the lines of N-Triples, sorted, for comparing graphs
// without blank nodes labelled differently... the labels are deterministic
// per record, so equal graphs written in another record order give the
// same lines.
func sortedLines(b []byte) []string {
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	slices.Sort(lines)
	return lines
}

// TestSameAsInMemory streams a generated institute of many files and
// checks that the N-Triples hold the same statements as writing the
// dataset loaded in memory, and that the Turtle is identical.
func TestSameAsInMemory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := synth.Write(dir, synth.Config{People: 40, Publications: 600, PerFile: 100, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	var nt, ttl bytes.Buffer
	res, err := stream.Export([]string{dir}, []stream.Output{{Format: mustLookup("nt"), W: &nt}, {Format: mustLookup("ttl"), W: &ttl}}, stream.Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	d, err := validate.Check(dataset.Merge(dataset.Load(dir)))
	if err != nil {
		t.Fatal(err)
	}
	// Authors are matched to people alike: the institute's files of
	// people come before those of publications.
	if len(res.Matches) != len(d.Matches) || len(d.Matches) == 0 {
		t.Errorf("stream matched %d authors, in memory %d", len(res.Matches), len(d.Matches))
	}
	var memNT, memTTL bytes.Buffer
	st, err := export.Write(&memNT, mustLookup("nt"), d, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := export.Write(&memTTL, mustLookup("ttl"), d, export.Options{}); err != nil {
		t.Fatal(err)
	}
	if res.Records != st.Records || res.Triples != st.Triples {
		t.Errorf("stream wrote %d records, %d triples; in memory %d, %d", res.Records, res.Triples, st.Records, st.Triples)
	}
	if res.Triples != strings.Count(nt.String(), "\n") {
		t.Errorf("stream counted %d triples, wrote %d lines", res.Triples, strings.Count(nt.String(), "\n"))
	}
	if diff := cmp.Diff(sortedLines(memNT.Bytes()), sortedLines(nt.Bytes())); diff != "" {
		t.Errorf("streamed N-Triples differ from in-memory (-memory +stream):\n%.3000s", diff)
	}
	// Blank node labels of N-Triples count records in order; Turtle's
	// depend only on the data, and the record order is the same here.
	if !bytes.Equal(memTTL.Bytes(), ttl.Bytes()) {
		t.Error("streamed Turtle differs from in-memory Turtle")
	}
}

// TestForwardReferences checks that references to people, organizations
// and publications of later files resolve, and that a version whose main
// publication comes later gets the main publication's IRI.
func TestForwardReferences(t *testing.T) {
	t.Parallel()
	var ttl bytes.Buffer
	_, err := stream.Export([]string{"testdata/forward"}, []stream.Output{{Format: mustLookup("ttl"), W: &ttl}}, stream.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<https://arxiv.org/abs/2402.05271v1> a schema:ScholarlyArticle",
		"schema:exampleOfWork <https://arxiv.org/abs/2402.05271>",
		"schema:worksFor <https://ror.org/0161xgx34>",
	} {
		if !strings.Contains(ttl.String(), want) {
			t.Errorf("Turtle lacks %q:\n%s", want, ttl.String())
		}
	}
}

// TestErrorsAtOnce checks that the stream reports the problems of every
// file, with positions, after reading them all.
func TestErrorsAtOnce(t *testing.T) {
	t.Parallel()
	var ttl bytes.Buffer
	_, err := stream.Export([]string{"testdata/forward/a-publications.yaml", "../examples/export/testdata/broken.yaml"},
		[]stream.Output{{Format: mustLookup("ttl"), W: &ttl}}, stream.Options{})
	list, ok := errors.AsType[source.ErrorList](err)
	if !ok {
		t.Fatalf("Export = %v, want a source.ErrorList", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Pos.String()+" "+e.Path)
	}
	want := []string{
		"../examples/export/testdata/broken.yaml:3:31 people[0].name.nickname",
		"../examples/export/testdata/broken.yaml:4:26 people[0].identifiers.orcid",
		"../examples/export/testdata/broken.yaml:6:24 people[0].positions[0].organization",
		"../examples/export/testdata/broken.yaml:6:58 people[0].positions[0].start",
		"../examples/export/testdata/broken.yaml:8:28 people[0].supervisions[0].role",
		"../examples/export/testdata/broken.yaml:10:94 publications[0].identifiers.arxiv",
		"testdata/forward/a-publications.yaml:6:21 publications[0].authors[0].ref",
		"testdata/forward/a-publications.yaml:8:17 publications[0].version_of",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestExampleFS streams the embedded example: the same bytes as writing it
// from memory, which the golden files of package export pin.
func TestExampleFS(t *testing.T) {
	t.Parallel()
	var ttl bytes.Buffer
	if _, err := stream.Export([]string{"."}, []stream.Output{{Format: mustLookup("ttl"), W: &ttl}}, stream.Options{Loader: dataset.Loader{FS: seed.FS}}); err != nil {
		t.Fatal(err)
	}
	d, err := validate.Check(seed.Load())
	if err != nil {
		t.Fatal(err)
	}
	var mem bytes.Buffer
	if _, err := export.Write(&mem, mustLookup("ttl"), d, export.Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mem.Bytes(), ttl.Bytes()) {
		t.Error("streamed example differs from the in-memory one")
	}
}

// mustLookup returns the export format called name.
func mustLookup(name string) export.Format {
	f, err := export.Lookup(name)
	if err != nil {
		panic(err)
	}
	return f
}
