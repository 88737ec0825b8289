package stream_test

import (
	"bytes"
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
