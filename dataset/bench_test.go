package dataset_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

// BenchmarkParse decodes files strictly into the model; MB/s is of input.
func BenchmarkParse(b *testing.B) {
	dir, err := synth.Bench()
	if err != nil {
		b.Fatal(err)
	}
	files := map[string][]byte{}
	for _, name := range []string{"ioannis-mitliagkas.yaml", "publications.yaml"} {
		data, err := fs.ReadFile(seed.FS, name)
		if err != nil {
			b.Fatal(err)
		}
		files["example/"+name] = data
	}
	for name, path := range map[string]string{
		"generated/people":       filepath.Join(dir, "people", "people-0000.yaml"),
		"generated/publications": filepath.Join(dir, "publications", "2010", "pubs-00000.yaml"),
	} {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		files[name] = data
	}
	for name, data := range files {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := dataset.Decode(name, bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
