package validate_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// FuzzLoad runs documents through loading and validation: any result is
// fine but a panic, an error that is not a positioned source.ErrorList, or
// a positioned error without a position.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.yaml")
	for _, name := range seeds {
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
	for _, s := range []string{
		"", "people: [\n", "{\"people\": [{\"id\": \"a\"}]}", "people:\n  - id: a\n    name: {display: \"\\0\"}\n",
		"organizations:\n  - {id: a, name: A, kind: other, parent: a}\n",
		"publications:\n  - {id: p, version_of: p, identifiers: {arxiv: 2402.05271v1}}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := dataset.Decode("fuzz.yaml", bytes.NewReader(data))
		if err == nil {
			err = validate.Dataset(d)
			_ = validate.Warnings(d, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		}
		if err == nil {
			return
		}
		var list source.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %v (%T) is not a non-empty source.ErrorList", err, err)
		}
		for _, e := range list {
			if e.Pos.File != "fuzz.yaml" {
				t.Errorf("error without its file: %v", e)
			}
		}
	})
}
