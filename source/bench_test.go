package source_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
	"github.com/scholarld/scholarld/source"
)

// BenchmarkSyntaxError locates a syntax error near the end of a 1 MB
// document. Fuzzing found this path slow when it re-parsed a prefix per
// line; it now parses a logarithmic number of prefixes.
func BenchmarkSyntaxError(b *testing.B) {
	var doc strings.Builder
	doc.WriteString("items:\n")
	for i := 0; doc.Len() < 1<<20; i++ {
		fmt.Fprintf(&doc, "  - name: item %d\n    count: %d\n", i, i)
	}
	doc.WriteString("   count: 1\n") // bad indentation
	data := []byte(doc.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := source.NewFile("big.yaml", data)
		if err == nil {
			var v struct {
				Items []struct {
					Name  string `yaml:"name"`
					Count int    `yaml:"count"`
				} `yaml:"items"`
			}
			err = f.Decode(&v)
		}
		if err == nil {
			b.Fatal("no syntax error")
		}
	}
}

func TestMain(m *testing.M) { synthtest.Main(m) }

// institute returns the files of the benchmark institute of package synth,
// as YAML or rewritten as JSON by toJSON.
func institute(b *testing.B, asJSON bool) map[string][]byte {
	b.Helper()
	dir, err := synth.Bench()
	if err != nil {
		b.Fatal(err)
	}
	files, err := new(dataset.Loader).Files(dir)
	if err != nil {
		b.Fatal(err)
	}
	out := make(map[string][]byte, len(files))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		if asJSON {
			name = strings.TrimSuffix(name, filepath.Ext(name)) + ".json"
			data = toJSON(b, data)
		}
		out[name] = data
	}
	return out
}

// benchmarkDecode decodes every file of the benchmark institute strictly
// into a dataset.Dataset; MB/s is of input, ns/op for the whole institute.
func benchmarkDecode(b *testing.B, asJSON bool) {
	files := institute(b, asJSON)
	var size int64
	for _, data := range files {
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for name, data := range files {
			f, err := source.NewFile(name, data)
			if err != nil {
				b.Fatal(err)
			}
			if err := f.Decode(new(dataset.Dataset)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDecodeYAML and BenchmarkDecodeJSON decode the same institute,
// written as YAML and as JSON.
func BenchmarkDecodeYAML(b *testing.B) { benchmarkDecode(b, false) }
func BenchmarkDecodeJSON(b *testing.B) { benchmarkDecode(b, true) }

// BenchmarkDecodeJSONError decodes the JSON institute with one unknown
// field at the end of each file: the fast pass fails late, and the slow
// pass that reports every problem runs over the whole file.
func BenchmarkDecodeJSONError(b *testing.B) {
	files := institute(b, true)
	var size int64
	for name, data := range files {
		i := bytes.LastIndexByte(data, '}')
		files[name] = slices.Concat(data[:i], []byte(`, "extra": 1}`), data[i+1:])
		size += int64(len(files[name]))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for name, data := range files {
			f, err := source.NewFile(name, data)
			if err != nil {
				b.Fatal(err)
			}
			if err := f.Decode(new(dataset.Dataset)); !errors.Is(err, source.ErrUnknownField) {
				b.Fatalf("Decode = %v, want ErrUnknownField", err)
			}
		}
	}
}
