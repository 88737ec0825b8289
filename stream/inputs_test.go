package stream_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/openalex"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/stream"
)

// TestChunkedWithInputs checks that a stream whose Loader has the formats
// of package inputs reads OpenAlex's JSON Lines a chunk at a time, as the
// command does: Progress hears of one file's records chunk by chunk. The
// zero Loader does not read it as OpenAlex's.
func TestChunkedWithInputs(t *testing.T) {
	t.Parallel()
	name := filepath.Join(t.TempDir(), "part_000.jsonl")
	var buf bytes.Buffer
	works, err := synth.WriteOpenAlex(&buf, synth.Config{People: 20, Publications: 2*openalex.DefaultChunkSize + 1, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	// progress returns how many times Progress is called in a stream of
	// the file through l, and the records it hears of.
	progress := func(l dataset.Loader) (calls, records int) {
		t.Helper()
		opts := stream.Options{Loader: l, Progress: func(n int, _ int64) { calls++; records += n }}
		res, err := stream.Export([]string{name}, []stream.Output{{Format: mustLookup("nt"), W: io.Discard}}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if records != res.Records || res.Records < works {
			t.Errorf("%d works: Progress heard of %d records, Result.Records %d; want every work", works, records, res.Records)
		}
		return calls, records
	}
	chunks, records := progress(inputs.Loader())
	if chunks < 3 {
		t.Errorf("with inputs.Loader: Progress called %d times, want once a chunk, at least 3", chunks)
	}
	// Without Chunks, the same format reads the file whole, as one.
	whole := inputs.Loader()
	for i := range whole.Formats {
		whole.Formats[i].Chunks = nil
	}
	if calls, n := progress(whole); calls != 1 || n != records {
		t.Errorf("without Chunks: Progress called %d times for %d records, want once for %d", calls, n, records)
	}

	_, err = stream.Export([]string{name}, []stream.Output{{Format: mustLookup("nt"), W: io.Discard}}, stream.Options{Loader: dataset.Loader{}})
	if !errors.Is(err, source.ErrSyntax) {
		t.Errorf("zero Loader: %v; want the JSON Lines refused as JSON", err)
	}
}

// TestOneValueWhole streams OpenAlex documents that are one JSON value
// written over many lines (an API's list response, larger than what the
// stream peeks at), plain and gzip-compressed, and the same works as JSON
// Lines under a name that does not say so: the value is read whole, as
// the in-memory path reads it, and the lines in chunks.
func TestOneValueWhole(t *testing.T) {
	t.Parallel()
	var lines bytes.Buffer
	n, err := synth.WriteOpenAlex(&lines, synth.Config{People: 5, Publications: 120, Seed: 6})
	if err != nil {
		t.Fatal(err)
	}
	var results []json.RawMessage
	for line := range bytes.Lines(lines.Bytes()) {
		results = append(results, json.RawMessage(bytes.TrimSpace(line)))
	}
	list, err := json.MarshalIndent(map[string]any{"meta": map[string]int{"count": n}, "results": results}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) <= dataset.PeekSize {
		t.Fatalf("the list response is %d bytes, not more than the %d peeked at", len(list), dataset.PeekSize)
	}
	gz := func(b []byte) []byte {
		var z bytes.Buffer
		w := gzip.NewWriter(&z)
		w.Write(b)
		w.Close()
		return z.Bytes()
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		data   []byte
		chunks bool
	}{
		{"list.json", list, false},
		{"list.json.gz", gz(list), false},
		{"part_000", lines.Bytes(), true},
		{"part_001.gz", gz(lines.Bytes()), true},
	} {
		name := filepath.Join(dir, tc.name)
		if err := os.WriteFile(name, tc.data, 0o666); err != nil {
			t.Fatal(err)
		}
		calls, records := 0, 0
		l := inputs.Loader()
		for i := range l.Formats {
			if l.Formats[i].Name == "openalex" {
				f := l.Formats[i].Chunks
				l.Formats[i].Chunks = func(head dataset.Document, r io.Reader) dataset.ChunkReader {
					cr := f(head, r)
					if cr != nil {
						cr.(*openalex.Reader).SetChunkSize(10)
					}
					return cr
				}
			}
		}
		opts := stream.Options{Loader: l, Progress: func(n int, _ int64) { calls++; records += n }}
		if _, err := stream.Export([]string{name}, []stream.Output{{Format: mustLookup("nt"), W: io.Discard}}, opts); err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if records < n {
			t.Errorf("%s: %d records, want the %d works and their organizations", tc.name, records, n)
		}
		if got := calls > 1; got != tc.chunks {
			t.Errorf("%s: read in %d parts; want chunks %v", tc.name, calls, tc.chunks)
		}
	}
}
