package openalex_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/openalex"
	"github.com/scholarld/scholarld/source"
)

// readAll reads every chunk of r, checking each against the chunk size,
// and returns their records and problems in order.
func readAll(t testing.TB, r *openalex.Reader, chunkSize int) (*dataset.Dataset, source.ErrorList, []int) {
	t.Helper()
	all := new(dataset.Dataset)
	var errs source.ErrorList
	var sizes []int
	for {
		chunk, err := r.Next()
		if err == io.EOF {
			if chunk != nil {
				t.Errorf("Next = %d records, io.EOF; want nil at the end", chunk.Len())
			}
			break
		}
		list, ok := errors.AsType[source.ErrorList](err)
		if err != nil && !ok {
			t.Fatalf("Next: %v", err)
		}
		if chunk == nil {
			t.Fatalf("Next = nil, %v", err)
		}
		sizes = append(sizes, chunk.Len()+len(list))
		all.Append(chunk)
		errs = append(errs, list...)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("Next after the end = %v, want io.EOF again", err)
	}
	return all, errs, sizes
}

func TestReaderChunks(t *testing.T) {
	small := func(n int) string {
		return fmt.Sprintf(`{"id": "https://openalex.org/W%d", "display_name": "Work %d", "authorships": [{"author": {"display_name": "Ada Lovelace"}}]}`, n, n)
	}
	withOrgs := `{"id": "https://openalex.org/W9", "display_name": "Work 9", "authorships": [{"author": {"display_name": "Ada Lovelace"}, "institutions": [` +
		`{"display_name": "Université de Montréal", "ror": "https://ror.org/0161xgx34"}, {"display_name": "Simon Fraser University", "ror": "https://ror.org/0213rcc28"}]}]}`
	lines := []string{small(1), small(2), "{broken", small(4), withOrgs, small(6), "", small(8)}
	in := strings.Join(lines, "\r\n") // Windows line breaks are line breaks too
	r := openalex.NewReader("w.jsonl", strings.NewReader(in))
	r.SetChunkSize(2)
	all, errs, sizes := readAll(t, r, 2)
	// Line 5's work and its two organizations make a chunk of their own.
	if diff := cmp.Diff([]int{2, 2, 3, 2}, sizes); diff != "" {
		t.Errorf("chunk sizes, records and problems (-want +got):\n%s", diff)
	}
	var got []string
	for _, p := range all.Publications {
		got = append(got, fmt.Sprintf("%s %s %v", p.ID, p.Origin.Path, p.Origin.Pos))
	}
	want := []string{
		"w1 line 1 w.jsonl:1:1", "w2 line 2 w.jsonl:2:1", "w4 line 4 w.jsonl:4:1",
		"w9 line 5 w.jsonl:5:1", "w6 line 6 w.jsonl:6:1", "w8 line 8 w.jsonl:8:1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("publications (-want +got):\n%s", diff)
	}
	wantErrs := []problem{{Pos: source.Pos{File: "w.jsonl", Line: 3, Column: 2}, Path: "line 3", Err: source.ErrSyntax}}
	if diff := cmp.Diff(wantErrs, problems(errs), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if len(all.Organizations) != 2 || r.Line() != 8 {
		t.Errorf("%d organizations after %d lines, want 2 after 8", len(all.Organizations), r.Line())
	}
}

func TestReaderLongLine(t *testing.T) {
	long := `{"id": "https://openalex.org/W2", "display_name": "` + strings.Repeat("x", 300<<10) + `"}`
	in := work("") + "\n" + long + "\n" + strings.Replace(work(""), "W1", "W3", 1)
	r := openalex.NewReader("w.jsonl", strings.NewReader(in))
	r.SetMaxLineSize(100 << 10)
	all, errs, _ := readAll(t, r, openalex.DefaultChunkSize)
	if len(all.Publications) != 2 {
		t.Errorf("%d publications, want the 2 of lines 1 and 3", len(all.Publications))
	}
	want := []problem{{Pos: source.Pos{File: "w.jsonl", Line: 2, Column: 1}, Path: "line 2", Err: source.ErrTooLarge}}
	if diff := cmp.Diff(want, problems(errs), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	// Under the limit, the same line is read: it spans many reads.
	r = openalex.NewReader("w.jsonl", strings.NewReader(in))
	_, errs, _ = readAll(t, r, openalex.DefaultChunkSize)
	if want := []problem{{Pos: source.Pos{File: "w.jsonl", Line: 2, Column: 1}, Path: "line 2.authorships", Err: openalex.ErrMissing}}; !cmp.Equal(want, problems(errs), cmpopts.EquateErrors()) {
		t.Errorf("errors = %v, want line 2's work without an author", errs)
	}
}

func TestReaderCorruptGzip(t *testing.T) {
	var lines []string
	for i := 1; i <= 50; i++ {
		lines = append(lines, string(oneLine(t, i)))
	}
	z := gzipped(t, []byte(strings.Join(lines, "\n")))
	z = z[:len(z)*3/4] // cut short
	r := openalex.NewReader("w.jsonl.gz", bytes.NewReader(z))
	n := 0
	var err error
	for {
		var chunk *dataset.Dataset
		chunk, err = r.Next()
		if chunk != nil {
			n += len(chunk.Publications)
		}
		if _, ok := errors.AsType[source.ErrorList](err); err != nil && !ok {
			break
		}
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("Next = %v, want an error wrapping io.ErrUnexpectedEOF", err)
	}
	if n == 0 || n >= 50 {
		t.Errorf("%d works before the error, want some of the 50", n)
	}
	if _, again := r.Next(); again != err {
		t.Errorf("Next after the error = %v, want it again", again)
	}
}

// TestReaderMemory streams some 100 MB of JSON Lines, gzip-compressed, in
// chunks of 100 records, and checks that the heap in use stays far below
// the size of the input: the Reader holds a chunk and a line, not the
// file. (The records of all the input, held, take some 33 MB: a Reader
// that kept them, or the input, would fail.)
func TestReaderMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads 100 MB")
	}
	const size = 100 << 20
	path := filepath.Join(t.TempDir(), "works.jsonl.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	zw, _ := gzip.NewWriterLevel(bw, gzip.BestSpeed)
	works, written := 0, 0
	base := oneLine(t, 0)
	for written < size {
		works++
		line := bytes.ReplaceAll(base, []byte("W2741809807"), fmt.Appendf(nil, "W%d", 3000000000+works))
		line = bytes.ReplaceAll(line, []byte("10.7717/peerj.4375"), fmt.Appendf(nil, "10.7717/peerj.%d", 100000+works))
		line = append(line, '\n')
		zw.Write(line)
		written += len(line)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	base = nil
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before, peak := ms.HeapInuse, uint64(0)
	r := openalex.NewReader(path, f)
	r.SetChunkSize(100)
	pubs := 0
	for {
		chunk, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		pubs += len(chunk.Publications)
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	if pubs != works {
		t.Fatalf("read %d works, want %d", pubs, works)
	}
	grown := int64(peak) - int64(before)
	t.Logf("%d works, %d MB: heap in use grew by at most %.1f MB", works, written>>20, float64(grown)/(1<<20))
	if limit := int64(16 << 20); grown > limit {
		t.Errorf("heap in use grew by %d MB reading %d MB, want at most %d MB", grown>>20, written>>20, limit>>20)
	}
}

func TestReaderTwoValuesOnALine(t *testing.T) {
	line := work("") + ` {"id": "https://openalex.org/W2"}`
	r := openalex.NewReader("w.jsonl", strings.NewReader(line+"\n"))
	all, errs, _ := readAll(t, r, openalex.DefaultChunkSize)
	if len(all.Publications) != 1 {
		t.Errorf("%d publications, want the line's first record", len(all.Publications))
	}
	want := []problem{{Pos: source.Pos{File: "w.jsonl", Line: 1, Column: col(t, line, `{"id": "https://openalex.org/W2"`)}, Path: "line 1", Err: source.ErrSyntax}}
	if diff := cmp.Diff(want, problems(errs), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestReaderWarningsOnly(t *testing.T) {
	// Lines of institutions, which are warnings and no records, come in
	// chunks of as many lines as records would.
	var b strings.Builder
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&b, `{"id": "https://openalex.org/I%d", "display_name": "Institution %d"}`+"\n", i, i)
	}
	r := openalex.NewReader("i.jsonl", strings.NewReader(b.String()))
	r.SetChunkSize(4)
	var sizes []int
	for {
		chunk, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(chunk.Warnings))
	}
	if diff := cmp.Diff([]int{4, 4, 2}, sizes); diff != "" {
		t.Errorf("warnings a chunk (-want +got):\n%s", diff)
	}
}

// TestReaderSynthetic reads the OpenAlex partition that examples/gen
// writes (the input of docs/scale.md's streaming measures) with the people
// of the same generated institute: every work is read with no error, the
// authors in their order, and the people among them are found by their
// ORCID iDs.
func TestReaderSynthetic(t *testing.T) {
	c := synth.Config{People: 50, Publications: 300, Seed: 3}
	var buf bytes.Buffer
	if _, err := synth.WriteOpenAlex(&buf, c); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if _, err := synth.WriteOpenAlex(&again, c); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Fatalf("WriteOpenAlex is not deterministic (err %v)", err)
	}
	dir := t.TempDir()
	if _, err := synth.Write(dir, c); err != nil {
		t.Fatal(err)
	}
	people, err := inputs.Loader().Load(filepath.Join(dir, "people"))
	if err != nil {
		t.Fatal(err)
	}
	works, errs, _ := readAll(t, openalex.NewReader("part_000", &buf), openalex.DefaultChunkSize)
	if len(errs) > 0 {
		t.Fatalf("%d errors, the first: %v", len(errs), errs[0])
	}
	if len(works.Publications) != c.Publications {
		t.Fatalf("%d works read, want %d", len(works.Publications), c.Publications)
	}
	var m dataset.Matcher
	m.Add(people.People)
	byORCID := 0
	for _, r := range m.Match(works) {
		if r.By == dataset.ByORCID {
			byORCID++
		}
	}
	// Each work names one to three people of the institute, by iD.
	if byORCID < c.Publications {
		t.Errorf("%d authors found by ORCID iD in %d works, want at least one a work", byORCID, c.Publications)
	}
}
