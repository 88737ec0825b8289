package export_test

import (
	"bytes"
	"io/fs"
	"os"
	"testing"

	"github.com/knakk/rdf"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/ldtest"
	"github.com/scholarld/scholarld/validate"
)

// FuzzEncode runs documents through loading and validation and, when they
// are valid, through every encoder: the Turtle and N-Triples must decode
// with knakk/rdf and the JSON-LD with json-gold, all to the same graph.
func FuzzEncode(f *testing.F) {
	for _, name := range []string{"../validate/testdata/ada.yaml", "testdata/fuzz-seed-hostile.yaml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	err := fs.WalkDir(seed.FS, ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(seed.FS, name)
		f.Add(data)
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := dataset.Decode("fuzz.yaml", bytes.NewReader(data))
		if err != nil || validate.Dataset(d) != nil {
			return
		}
		encodeAll := func(format string) []byte {
			f, _ := export.Lookup(format)
			var buf bytes.Buffer
			if _, err := export.Write(&buf, f, d, export.Options{Validated: true}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			return buf.Bytes()
		}
		ttl := ldtest.Canonical(t, knakkDataset(decodeRDF(t, encodeAll("ttl"), rdf.Turtle)))
		nt := ldtest.Canonical(t, knakkDataset(decodeRDF(t, encodeAll("nt"), rdf.NTriples)))
		jsonld := ldtest.Canonical(t, ldtest.Dataset(t, encodeAll("jsonld")))
		if ttl != nt || nt != jsonld {
			t.Fatalf("formats disagree:\nturtle:\n%s\nn-triples:\n%s\njson-ld:\n%s", ttl, nt, jsonld)
		}
	})
}
