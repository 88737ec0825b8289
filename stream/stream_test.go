package stream_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/inputs"
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

// TestWarningsBounded streams an OpenAlex partition whose every work has
// warnings (what the model cannot hold): Result keeps the first
// MaxWarnings and counts the others by kind, so that the memory of a
// stream does not grow with its warnings.
func TestWarningsBounded(t *testing.T) {
	t.Parallel()
	name := filepath.Join(t.TempDir(), "part_000.jsonl")
	var buf bytes.Buffer
	if _, err := synth.WriteOpenAlex(&buf, synth.Config{People: 20, Publications: 100, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	export := func(max int) stream.Result {
		t.Helper()
		res, err := stream.Export([]string{name}, []stream.Output{{Format: mustLookup("nt"), W: io.Discard}}, stream.Options{MaxWarnings: max, Loader: inputs.Loader()})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	all := export(-1)
	if len(all.Warnings) < 100 || all.Omitted != nil {
		t.Fatalf("with no limit: %d warnings kept, %v omitted; want every work's, none omitted", len(all.Warnings), all.Omitted)
	}
	want := make(map[string]int)
	for _, w := range all.Warnings[5:] {
		want[stream.WarningKind(w)]++
	}
	some := export(5)
	if len(some.Warnings) != 5 {
		t.Errorf("MaxWarnings 5: %d warnings kept", len(some.Warnings))
	}
	// The warnings kept are the first read; all.Warnings is sorted by
	// position, the order of reading one file.
	if diff := cmp.Diff(want, some.Omitted); diff != "" {
		t.Errorf("omitted warnings by kind (-want +got):\n%s", diff)
	}
	if _, ok := some.Omitted["authorships[].is_corresponding"]; !ok {
		t.Errorf("no kind authorships[].is_corresponding among %v", some.Omitted)
	}
}

func TestWarningKind(t *testing.T) {
	for path, want := range map[string]string{
		"line 12.authorships[3].is_corresponding": "authorships[].is_corresponding",
		"people[0].positions[12].end":             "people[].positions[].end",
		"line 7":                                  "-",
		"":                                        "-",
		"a[x].b[":                                 "a[x].b[",
		"lines[2]":                                "lines[]",
	} {
		if got := stream.WarningKind(&source.Error{Path: path}); got != want {
			t.Errorf("WarningKind(%q) = %q, want %q", path, got, want)
		}
	}
}
