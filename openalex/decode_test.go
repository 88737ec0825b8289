package openalex_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/openalex"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

const (
	fixture       = "testdata/W2741809807.json"
	authorFixture = "testdata/A5023888391.json" // hand-written: see testdata/README.md
)

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// decode decodes data, called name, and returns its dataset and its
// problems; any other error fails the test.
func decode(t testing.TB, name string, data []byte) (*dataset.Dataset, source.ErrorList) {
	t.Helper()
	d, err := openalex.Decode(dataset.Document{Name: name, Data: data}, dataset.Limits{})
	list, ok := errors.AsType[source.ErrorList](err)
	if err != nil && !ok {
		t.Fatalf("Decode(%s): %v, want nil or a source.ErrorList", name, err)
	}
	if d == nil {
		t.Fatalf("Decode(%s) = nil dataset, %v", name, err)
	}
	return d, list
}

// oneLine returns the fixture on one line, its id, DOI and title made
// unique by n, for JSON Lines.
func oneLine(t testing.TB, n int) []byte {
	t.Helper()
	data := bytes.TrimSpace(mustRead(t, fixture))
	if n == 0 {
		return data
	}
	data = bytes.ReplaceAll(data, []byte("W2741809807"), fmt.Appendf(nil, "W%d", 3000000000+n))
	data = bytes.ReplaceAll(data, []byte("10.7717/peerj.4375"), fmt.Appendf(nil, "10.7717/peerj.%d", 100000+n))
	return bytes.Replace(data, []byte(`"display_name":"The state of OA`), fmt.Appendf(nil, `"display_name":"Part %d of the state of OA`, n), 1)
}

// col returns the column (in characters, from 1) at which needle starts
// in line, or fails.
func col(t testing.TB, line, needle string) int {
	t.Helper()
	i := strings.Index(line, needle)
	if i < 0 {
		t.Fatalf("%q not in the line", needle)
	}
	return utf8.RuneCountInString(line[:i]) + 1
}

// A problem is a source.Error as tests compare them: its Err is compared
// by errors.Is with a sentinel (cmpopts.EquateErrors).
type problem struct {
	Pos  source.Pos
	Path string
	Err  error
}

func problems(list source.ErrorList) []problem {
	var out []problem
	for _, e := range list {
		out = append(out, problem{e.Pos, e.Path, e.Err})
	}
	return out
}

// paths returns the paths of the problems, each with the sentinel among
// sentinels that it wraps, for a diff.
func paths(list source.ErrorList, sentinels ...error) []string {
	var out []string
	for _, e := range list {
		s := e.Path
		for _, sentinel := range sentinels {
			if errors.Is(e, sentinel) {
				s += ": " + sentinel.Error()
				break
			}
		}
		out = append(out, s)
	}
	return out
}

// abstractOf rebuilds an abstract from an inverted index the plain way,
// to check the decoder against.
func abstractOf(t testing.TB, data []byte) string {
	var w struct {
		Index map[string][]int `json:"abstract_inverted_index"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		t.Fatal(err)
	}
	type at struct {
		pos  int
		word string
	}
	var words []at
	for word, places := range w.Index {
		for _, p := range places {
			words = append(words, at{p, word})
		}
	}
	slices.SortFunc(words, func(a, b at) int { return a.pos - b.pos })
	var s []string
	for _, w := range words {
		s = append(s, w.word)
	}
	return strings.Join(s, " ")
}

func TestWorkFixture(t *testing.T) {
	data := mustRead(t, fixture)
	d, errs := decode(t, fixture, data)
	if errs != nil {
		t.Fatalf("errors: %v", errs)
	}
	if len(d.Publications) != 1 {
		t.Fatalf("%d publications, want 1", len(d.Publications))
	}
	orcid := func(s string) profile.ORCID { return profile.ORCID(s) }
	want := publication.Publication{
		ID:    "w2741809807",
		Title: "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles",
		Kind:  publication.KindJournalArticle,
		Authors: []publication.Contributor{
			{Name: "Heather Piwowar", ORCID: orcid("0000-0003-1613-5981")},
			{Name: "Jason Priem", ORCID: orcid("0000-0001-6187-6610")},
			{Name: "Vincent Larivière", ORCID: orcid("0000-0002-2733-0689")},
			{Name: "Juan Pablo Alperín", ORCID: orcid("0000-0002-9344-7439")},
			{Name: "Lisa Matthias", ORCID: orcid("0000-0002-2612-2132")},
			{Name: "Bree Norlander", ORCID: orcid("0000-0002-0431-4221")},
			{Name: "Ashley Farley", ORCID: orcid("0000-0001-9310-6944")},
			{Name: "Jevin D. West", ORCID: orcid("0000-0002-4118-0322")},
			{Name: "Stefanie Haustein", ORCID: orcid("0000-0003-0157-1430")},
		},
		Abstract: abstractOf(t, data),
		Venue: publication.Venue{Name: "PeerJ", Kind: publication.VenueJournal, Volume: "6", Pages: "e4375",
			ISSN: "2167-8359"},
		Date: "2018-02-13",
		Identifiers: publication.Identifiers{DOI: "10.7717/peerj.4375", PMID: "29456894",
			OpenAlex: "W2741809807"},
		Keywords: []string{"Scholarly Communication", "Web of science", "Open Science", "Citation analysis"},
		Origin:   source.Origin{Pos: source.Pos{File: fixture}},
	}
	if diff := cmp.Diff(want, d.Publications[0]); diff != "" {
		t.Errorf("publication mismatch (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(want.Abstract, "Despite growing interest in Open Access (OA) to scholarly literature") {
		t.Errorf("abstract starts %.40q", want.Abstract)
	}
	if pos := d.Publications[0].Origin.Pos; pos.Line != 1 || pos.Column != 1 {
		t.Errorf("publication at %v, want %s:1:1", pos, fixture)
	}

	var montreal []profile.Organization
	for _, o := range d.Organizations {
		if o.ROR == "0161xgx34" {
			montreal = append(montreal, o)
		}
	}
	wantOrg := []profile.Organization{{ID: "universite-de-montreal", Name: "Université de Montréal",
		Kind: profile.OrgOther, ROR: "0161xgx34", Location: profile.Location{Country: "CA"},
		Origin: source.Origin{Path: "authorships[2].institutions[0]", Pos: source.Pos{File: fixture}}}}
	if diff := cmp.Diff(wantOrg, montreal); diff != "" {
		t.Errorf("Université de Montréal (-want +got):\n%s", diff)
	}
	var rors []profile.ROR
	for _, o := range d.Organizations {
		rors = append(rors, o.ROR)
	}
	wantRORs := []profile.ROR{"05ppvf150", "0161xgx34", "002rjbv21", "0213rcc28", "05ek4tb53", "00cvxb145", "02jqc0m91", "03c4mmv16"}
	if diff := cmp.Diff(wantRORs, rors); diff != "" {
		t.Errorf("organizations, once each in order of appearance (-want +got):\n%s", diff)
	}

	wantWarnings := []string{
		"ids.pmcid: left out",
		"primary_location.source.host_organization_name: left out",
		"primary_location.pdf_url: left out",
		"locations[4]: left out",
		"locations[5]: left out",
	}
	if diff := cmp.Diff(wantWarnings, paths(d.Warnings, openalex.ErrLeftOut)); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	line := string(bytes.TrimSpace(data))
	for _, w := range []struct {
		i      int
		needle string
	}{
		{0, `{"openalex":"https://openalex.org/W2741809807"`},
		{2, `{"is_oa":true,"landing_page_url":"https://doi.org/10.7717/peerj.4375"`},
		{3, `{"is_oa":true,"landing_page_url":"https://digitalcommons`},
	} {
		if got, want := d.Warnings[w.i].Pos, (source.Pos{File: fixture, Line: 1, Column: col(t, line, w.needle)}); got != want {
			t.Errorf("warning %s at %v, want %v", d.Warnings[w.i].Path, got, want)
		}
	}
	if err := validate.Dataset(d); err != nil {
		t.Errorf("imported records do not validate:\n%v", err)
	}
}

func TestLoad(t *testing.T) {
	d, err := inputs.Loader().Load(fixture)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Publications) != 1 || d.Publications[0].Identifiers.OpenAlex != "W2741809807" {
		t.Fatalf("Load(%s) = %d publications, want W2741809807", fixture, len(d.Publications))
	}
	if got := inputs.Loader().Detect(dataset.Document{Name: fixture, Data: mustRead(t, fixture)}).Name; got != "openalex" {
		t.Errorf("Detect(%s) = %q, want openalex", fixture, got)
	}
	if _, err := validate.Check(d, nil); err != nil {
		t.Errorf("loaded records do not validate:\n%v", err)
	}
}

func TestList(t *testing.T) {
	// A list as OpenAlex's API answers it, indented as its pretty-printer
	// does: the second work starts on a line of its own.
	var b bytes.Buffer
	b.WriteString("{\n  \"meta\": {\"count\": 2, \"db_response_time_ms\": 31, \"page\": 1, \"per_page\": 25},\n  \"results\": [\n    ")
	b.Write(oneLine(t, 1))
	b.WriteString(",\n    ")
	b.Write(oneLine(t, 2))
	b.WriteString("\n  ],\n  \"group_by\": []\n}\n")
	d, errs := decode(t, "list.json", b.Bytes())
	if errs != nil {
		t.Fatalf("errors: %v", errs)
	}
	var got []source.Origin
	for _, p := range d.Publications {
		got = append(got, p.Origin)
	}
	want := []source.Origin{
		{Path: "results[0]", Index: 0, Pos: source.Pos{File: "list.json", Line: 4, Column: 5}},
		{Path: "results[1]", Index: 1, Pos: source.Pos{File: "list.json", Line: 5, Column: 5}},
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b source.Origin) bool { return a == b })); diff != "" {
		t.Errorf("origins (-want +got):\n%s", diff)
	}
	if n := len(d.Organizations); n != 8 {
		t.Errorf("%d organizations, want the 8 of both works, once each", n)
	}
	if d.Publications[1].Identifiers.OpenAlex != "W3000000002" {
		t.Errorf("second work is %s, want W3000000002", d.Publications[1].Identifiers.OpenAlex)
	}
	if err := validate.Dataset(d); err != nil {
		t.Errorf("imported records do not validate:\n%v", err)
	}
	if !openalex.Sniff(b.Bytes()) {
		t.Error("Sniff(list) = false")
	}
}

// jsonLines are JSON Lines with a good work (line 1), a syntax error
// (line 2), a blank line (3), a value of the wrong type (4), an author
// (5), a work with a nameless authorship (6), a work without a title (7),
// and a line that is not an object (8).
func jsonLines(t testing.TB) []string {
	return []string{
		string(oneLine(t, 1)),
		`{"id": "https://openalex.org/W2", "display_name": "Broken", "authorships": [}`,
		``,
		`{"id": "https://openalex.org/W4", "display_name": "Wrong type", "publication_year": "2018", "authorships": [{"author": {"display_name": "Ada Lovelace", "orcid": 1815}}]}`,
		`{"id": "https://openalex.org/A5", "display_name": "Ada Lovelace", "display_name_alternatives": ["A. Lovelace", "Ada Lovelace"]}`,
		`{"id": "https://openalex.org/W6", "display_name": "Nameless", "is_authors_truncated": true, "authorships": [{"author_position": "first", "author": {"display_name": "Ada Lovelace"}}, {"author_position": "middle", "author": {"id": null, "display_name": null}}, {"author_position": "last", "author": {"display_name": "Charles Babbage"}}]}`,
		`{"id": "https://openalex.org/W7", "authorships": [{"author": {"display_name": "Ada Lovelace"}}]}`,
		`["not", "a", "record"]`,
	}
}

func TestJSONLines(t *testing.T) {
	lines := jsonLines(t)
	data := []byte(strings.Join(lines, "\n") + "\n")
	for _, compressed := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", compressed), func(t *testing.T) {
			name, in := "works.jsonl", data
			if compressed {
				name, in = "works.jsonl.gz", gzipped(t, data)
			}
			if !openalex.Sniff(in) {
				t.Error("Sniff = false")
			}
			d, errs := decode(t, name, in)
			var got []string
			for _, p := range d.Publications {
				got = append(got, p.Origin.Path+" "+p.Identifiers.OpenAlex)
			}
			for _, p := range d.People {
				got = append(got, p.Origin.Path+" "+p.Identifiers.OpenAlex)
			}
			want := []string{"line 1 W3000000001", "line 4 W4", "line 6 W6", "line 5 A5"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			pos := func(line int, needle string) source.Pos {
				return source.Pos{File: name, Line: line, Column: col(t, lines[line-1], needle)}
			}
			wantErrs := []problem{
				{Pos: pos(2, `}`), Path: "line 2.authorships[0]", Err: source.ErrSyntax},
				{Pos: pos(4, `"2018"`), Path: "line 4.publication_year", Err: source.ErrType},
				{Pos: pos(4, `1815`), Path: "line 4.authorships[0].author.orcid", Err: source.ErrType},
				{Pos: pos(7, `{"id"`), Path: "line 7.display_name", Err: openalex.ErrMissing},
				{Pos: pos(8, `[`), Path: "line 8", Err: source.ErrType},
			}
			if diff := cmp.Diff(wantErrs, problems(errs), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			var nameless *publication.Publication
			for i := range d.Publications {
				if d.Publications[i].Identifiers.OpenAlex == "W6" {
					nameless = &d.Publications[i]
				}
			}
			if nameless == nil {
				t.Fatal("no W6")
			}
			wantAuthors := []publication.Contributor{{Name: "Ada Lovelace"}, {Name: "Charles Babbage"}}
			if diff := cmp.Diff(wantAuthors, nameless.Authors); diff != "" || !nameless.EtAl {
				t.Errorf("W6 authors, the nameless one left out (-want +got):\n%s; EtAl = %v, want true", diff, nameless.EtAl)
			}
			var w6 source.ErrorList
			for _, w := range d.Warnings {
				if w.Pos.Line == 6 {
					w6 = append(w6, w)
				}
			}
			wantW6 := []problem{{Pos: pos(6, `{"author_position": "middle"`), Path: "line 6.authorships[1]", Err: openalex.ErrLeftOut}}
			if diff := cmp.Diff(wantW6, problems(w6), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("warnings of line 6 (-want +got):\n%s", diff)
			}
			if err := validate.Dataset(d); err != nil {
				t.Errorf("imported records do not validate:\n%v", err)
			}
		})
	}
}

func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGzipLimit(t *testing.T) {
	// A gzip bomb: 64 MiB of spaces, compressed to some 64 KiB, with a
	// record first so that it is recognized.
	data := append(oneLine(t, 0), '\n')
	data = append(data, bytes.Repeat([]byte(" "), 64<<20)...)
	bomb := gzipped(t, data)
	if len(bomb) > 1<<20 {
		t.Fatalf("the bomb is %d bytes compressed", len(bomb))
	}
	if !openalex.Sniff(bomb) {
		t.Fatal("Sniff(bomb) = false")
	}
	l := dataset.Loader{Formats: inputs.Formats(), Limits: dataset.Limits{MaxFileSize: 1 << 20}}
	d, err := l.Decode("bomb.jsonl.gz", bytes.NewReader(bomb))
	if !errors.Is(err, source.ErrTooLarge) || d != nil {
		t.Errorf("Decode(bomb) = %v, %v; want nil and an error wrapping source.ErrTooLarge", d, err)
	}
	// Within the limit, the same file is read.
	l.Limits.MaxFileSize = 128 << 20
	d, err = l.Decode("bomb.jsonl.gz", bytes.NewReader(bomb))
	if err != nil || len(d.Publications) != 1 {
		t.Errorf("Decode(bomb) under a larger limit = %v publications, %v; want 1, nil", d, err)
	}
}

func TestCorruptGzip(t *testing.T) {
	z := gzipped(t, oneLine(t, 0))
	z[len(z)-5] ^= 0xff // the checksum
	_, err := openalex.Decode(dataset.Document{Name: "bad.json.gz", Data: z}, dataset.Limits{})
	if !errors.Is(err, source.ErrSyntax) {
		t.Errorf("Decode(corrupt gzip) = %v, want an error wrapping source.ErrSyntax", err)
	}
}

func TestSniff(t *testing.T) {
	work := oneLine(t, 0)
	author := mustRead(t, authorFixture)
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"work", work, true},
		{"work, indented", mustIndent(t, work), true},
		{"author", author, true},
		{"author with a BOM", append([]byte("\ufeff"), author...), true},
		{"list", []byte(`{"meta":{"count":1,"db_response_time_ms":3},"results":[` + string(work) + `]}`), true},
		{"list of authors", []byte(`{"meta":{"count":1},"results":[` + string(author) + `]}`), true},
		{"empty list", []byte(`{"meta":{"count":0,"db_response_time_ms":3,"page":1,"per_page":25},"results":[],"group_by":[]}`), true},
		{"JSON Lines", []byte(string(work) + "\n" + string(work) + "\n"), true},
		{"gzip JSON Lines", gzipped(t, []byte(string(work)+"\n"+string(work)+"\n")), true},
		{"http id", []byte(`{"id":"http://openalex.org/W2741809807"}`), true},

		{"empty", nil, false},
		{"this project's JSON", []byte(`{"people":[{"id":"ada","name":{"display":"Ada"}}],"publications":[]}`), false},
		{"this project's YAML", []byte("people:\n  - id: ada\n"), false},
		{"CSL-JSON", []byte(`[{"id":"W2741809807","type":"article-journal","title":"x"}]`), false},
		{"Crossref", []byte(`{"status":"ok","message-type":"work","message-version":"1.0.0","message":{"DOI":"10.7554/elife.01567","type":"journal-article"}}`), false},
		{"Crossref work", []byte(`{"DOI":"10.7554/elife.01567","type":"journal-article","id":"x"}`), false},
		{"DataCite", []byte(`{"data":{"id":"10.5438/zhyx-n122","type":"dois","attributes":{"doi":"10.5438/zhyx-n122"}}}`), false},
		{"an institution", []byte(`{"id":"https://openalex.org/I70931966","display_name":"Université de Montréal"}`), false},
		{"a bare id", []byte(`{"id":"W2741809807"}`), false},
		{"empty list without OpenAlex's meta", []byte(`{"meta":{"count":0},"results":[]}`), false},
		{"gzip of something else", gzipped(t, []byte(`{"people":[]}`)), false},
		{"truncated gzip", gzipped(t, work)[:5], false},
		{"id after 64 KiB", []byte(`{"x":"` + strings.Repeat("a", 70<<10) + `","id":"https://openalex.org/W1"}`), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := openalex.Sniff(tc.data); got != tc.want {
				t.Errorf("Sniff = %v, want %v", got, tc.want)
			}
		})
	}
}

func mustIndent(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := json.Indent(&b, data, "", "  "); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestIndentedWork(t *testing.T) {
	// The same work, indented over many lines, is one record, not JSON Lines.
	data := mustIndent(t, oneLine(t, 0))
	d, errs := decode(t, "w.json", data)
	if errs != nil || len(d.Publications) != 1 {
		t.Fatalf("Decode = %d publications, %v; want 1, nil", len(d.Publications), errs)
	}
	lines := strings.Split(string(data), "\n")
	for _, w := range d.Warnings {
		if w.Path == "primary_location.pdf_url" {
			want := source.Pos{File: "w.json", Line: slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, `  "primary_location": {`) }) + 1, Column: 23}
			if w.Pos != want {
				t.Errorf("pdf_url warning at %v, want %v", w.Pos, want)
			}
		}
	}
}

func TestSyntaxErrorEndsDocument(t *testing.T) {
	data := []byte("{\n  \"meta\": {},\n  \"results\": [\n    {\"id\": \"https://openalex.org/W1\", \"display_name\": \"T\", \"authorships\": [{\"author\": {\"display_name\": \"A\"}}]},\n    {\"id\": tru}\n  ]\n}\n")
	d, errs := decode(t, "list.json", data)
	if len(d.Publications) != 1 {
		t.Errorf("%d publications, want the 1 before the error", len(d.Publications))
	}
	want := []problem{{Pos: source.Pos{File: "list.json", Line: 5, Column: 15}, Path: "results[1].id", Err: source.ErrSyntax}}
	if diff := cmp.Diff(want, problems(errs), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestLoadFiles(t *testing.T) {
	// In a directory, .jsonl files are read as well as .json and .yaml
	// ones; a .gz file is read when named, not found in a directory, where
	// it could be anything.
	dir := t.TempDir()
	lines := string(oneLine(t, 1)) + "\n" + string(oneLine(t, 2)) + "\n"
	files := map[string][]byte{
		"works.jsonl":    []byte(lines),
		"work.json":      oneLine(t, 3),
		"author.json":    mustRead(t, authorFixture),
		"people.yaml":    []byte("people:\n  - id: ada-lovelace\n    name:\n      display: Ada Lovelace\n"),
		"more.jsonl.gz":  gzipped(t, []byte(string(oneLine(t, 4))+"\n")),
		"archive.tar.gz": gzipped(t, []byte("not data")),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, err := inputs.Loader().Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Publications {
		got = append(got, p.Identifiers.OpenAlex)
	}
	for _, p := range d.People {
		got = append(got, p.ID)
	}
	want := []string{"W3000000003", "W3000000001", "W3000000002", "jason-priem", "ada-lovelace"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records of the directory (-want +got):\n%s", diff)
	}
	d, err = inputs.Loader().Load(filepath.Join(dir, "more.jsonl.gz"))
	if err != nil || len(d.Publications) != 1 || d.Publications[0].Origin.Path != "line 1" {
		t.Errorf("Load(more.jsonl.gz) = %d publications, %v; want its work, at line 1", len(d.Publications), err)
	}
}

func TestListProblems(t *testing.T) {
	tests := []struct {
		name, doc string
		records   int
		problems  []problem
	}{
		{"results not an array", `{"meta": {}, "results": {}}`, 0, []problem{{Pos: source.Pos{File: "l.json", Line: 1, Column: 25}, Path: "results", Err: source.ErrType}}},
		{"results twice", `{"meta": {}, "results": [` + work("") + `], "results": [` + work("") + `]}`, 1,
			[]problem{{Pos: source.Pos{File: "l.json", Line: 1, Column: 163}, Path: "results", Err: source.ErrDuplicateKey}}},
		{"a result not an object", `{"results": [3, ` + work("") + `]}`, 1, []problem{{Pos: source.Pos{File: "l.json", Line: 1, Column: 14}, Path: "results[0]", Err: source.ErrType}}},
		{"more after the list", `{"results": []} {}`, 0, []problem{{Pos: source.Pos{File: "l.json", Line: 1, Column: 17}, Path: "", Err: source.ErrSyntax}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, errs := decode(t, "l.json", []byte(tc.doc))
			if d.Len() != tc.records {
				t.Errorf("%d records, want %d", d.Len(), tc.records)
			}
			if diff := cmp.Diff(tc.problems, problems(errs), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
