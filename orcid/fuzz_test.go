package orcid_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// FuzzParse checks that no input makes Parse panic, that its errors are a
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
		d, err := orcid.Read(dataset.Document{Name: "fuzz.xml", Data: data})
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
