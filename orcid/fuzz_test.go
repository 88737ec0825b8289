package orcid_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// FuzzParse checks that no input makes Read panic or allocate more than a
// constant factor of its size, that its errors are a
// source.ErrorList of positioned errors, and that what it returns passes
// validate.Dataset and exports again. It is seeded from ORCID's samples and
// the golden files in testdata; go test ./orcid -fuzz FuzzParse explores.
func FuzzParse(f *testing.F) {
	for _, glob := range []string{"testdata/samples/*/*.xml", "testdata/samples/*/*.json", "testdata/*.golden"} {
		files, err := filepath.Glob(glob)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			f.Add(mustRead(f, file))
		}
	}
	for _, s := range []string{"", "<", "{", `{"bulk": [{"work": {"title": {"title": "x"}, "type": 1}}]}`,
		`<work:work xmlns:work="http://www.orcid.org/ns/work" put-code="-1"/>`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Decoding is bounded by the input: a fuzz worker runs one input
		// at a time, so the process's allocations are this input's.
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		d, err := orcid.Read(dataset.Document{Name: "fuzz.xml", Data: data})
		runtime.ReadMemStats(&after)
		if n, limit := after.TotalAlloc-before.TotalAlloc, 200*uint64(len(data))+4<<20; n > limit {
			t.Fatalf("%d bytes allocated to read %d bytes, more than %d", n, len(data), limit)
		}
		if err != nil {
			var list source.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Parse error %v (%T) is not a source.ErrorList", err, err)
			}
			for _, e := range list {
				if !e.Pos.IsValid() {
					t.Errorf("error without a position: %v", e)
				}
			}
			return
		}
		if err := validate.Dataset(d); err != nil {
			t.Fatalf("Parse gave a dataset that does not validate: %v", err)
		}
		for _, p := range d.People {
			r, _, err := orcid.Export(d, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := errors.Join(r.WriteXML(&buf), r.WriteJSON(&buf), r.WriteWorksXML(&buf), r.WriteWorksJSON(&buf)); err != nil {
				t.Fatalf("write: %v", err)
			}
		}
	})
}
