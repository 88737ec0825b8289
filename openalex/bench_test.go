package openalex_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
	"github.com/scholarld/scholarld/openalex"
	"github.com/scholarld/scholarld/source"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

// benchLines returns n works as JSON Lines: the fixture with n ids.
func benchLines(b *testing.B, n int) []byte {
	var buf bytes.Buffer
	for i := 1; i <= n; i++ {
		buf.Write(oneLine(b, i))
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// BenchmarkDecodeJSONL reads 200 OpenAlex works (5 MB) of JSON Lines into
// the model: with a Reader, in chunks, and with Decode, whole, plain and
// gzip-compressed. MB/s is of the JSON, decompressed.
func BenchmarkDecodeJSONL(b *testing.B) {
	data := benchLines(b, 200)
	b.Run("Reader", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			r := openalex.NewReader("works.jsonl", bytes.NewReader(data))
			for {
				_, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("Decode", func(b *testing.B) {
		l := dataset.Loader{Formats: []dataset.Format{openalex.Format()}}
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := l.Decode("works.jsonl", bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	z := gzipped(b, data)
	b.Run("Reader/gzip", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			r := openalex.NewReader("works.jsonl.gz", bytes.NewReader(z))
			for {
				_, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkDecodeScholarJSON reads this project's own JSON into the model
// through the same Loader: the benchmark institute of package synth (the
// input of source's BenchmarkDecodeJSON), written as JSON. MB/s is of the
// JSON, for comparison with BenchmarkDecodeJSONL.
func BenchmarkDecodeScholarJSON(b *testing.B) {
	dir, err := synth.Bench()
	if err != nil {
		b.Fatal(err)
	}
	files, err := new(dataset.Loader).Files(dir)
	if err != nil {
		b.Fatal(err)
	}
	docs := map[string][]byte{}
	var size int64
	for _, name := range files {
		d, err := dataset.Load(name)
		if err != nil {
			b.Fatal(err)
		}
		data, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			b.Fatal(err)
		}
		name = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)) + ".json"
		docs[name] = data
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	l := dataset.Loader{Formats: []dataset.Format{openalex.Format()}} // as BenchmarkDecodeJSONL's
	for b.Loop() {
		for name, data := range docs {
			if _, err := l.Decode(name, bytes.NewReader(data)); err != nil {
				if list, ok := errors.AsType[source.ErrorList](err); ok {
					err = list[0]
				}
				b.Fatal(err)
			}
		}
	}
}

// TestBenchInput checks that the JSON of BenchmarkDecodeScholarJSON is
// read back as this project's JSON, not mistaken for OpenAlex's.
func TestBenchInput(t *testing.T) {
	data, err := os.ReadFile("../internal/seed/publications.yaml")
	if err != nil {
		t.Skip(err)
	}
	d, err := dataset.Decode("publications.yaml", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if openalex.Sniff(js) {
		t.Error("Sniff(this project's JSON) = true")
	}
	back, err := dataset.Decode("publications.json", bytes.NewReader(js))
	if err != nil || len(back.Publications) != len(d.Publications) {
		t.Errorf("JSON read back: %d publications, %v; want %d", len(back.Publications), err, len(d.Publications))
	}
}
