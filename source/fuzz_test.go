package source_test

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gopkg.in/yaml.v3"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/source"
)

// FuzzDecodeJSON checks that no input makes JSON decoding panic, that
// every error is a positioned source.ErrorList, and that where both
// json-experiment and yaml.v3 accept a document they agree on its values.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{
		`{"items": [{"name": "a", "count": 1, "tags": ["x"], "on": true, "who": ["Ada", {"ref": "b"}]}]}`,
		`{"items": [{"name": "a", "colour": 1}, {"count": "x", "count": 2}]}`,
		`{"notes": {"a": "x", "b": null}, "items": [{"next": {"name": "\ud83d\ude00"}}]}`,
		`{"items": [{"name": "a",}]}`,
		`[1, 2]`,
		`{"items": [[[[]]]]}`,
	} {
		f.Add([]byte(s))
	}
	names, _ := fs.Glob(seed.FS, "*.yaml")
	for _, name := range names {
		data, err := fs.ReadFile(seed.FS, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(toJSON(f, data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := source.NewFile("f.json", data)
		if err != nil {
			return
		}
		var d jdoc
		errJSON := file.Decode(&d)
		var ds dataset.Dataset
		errDataset := file.Decode(&ds)
		for _, err := range []error{errJSON, errDataset} {
			if err == nil {
				continue
			}
			list := errList(t, err)
			for _, e := range list {
				if !e.Pos.IsValid() {
					t.Errorf("error without a position: %v", e)
				}
			}
		}
		if errJSON != nil && errDataset != nil {
			return
		}
		// yaml.v3 reads JSON as YAML; tabs are white space in JSON only.
		yamlData := bytes.ReplaceAll(bytes.TrimPrefix(data, []byte("\uFEFF")), []byte("\t"), []byte(" "))
		if errJSON == nil {
			var y jdoc
			dec := yaml.NewDecoder(bytes.NewReader(yamlData))
			dec.KnownFields(true)
			if dec.Decode(&y) == nil {
				if diff := cmp.Diff(y, d, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("JSON and YAML disagree (-yaml +json):\n%s", diff)
				}
			}
		}
		if errDataset == nil {
			var y dataset.Dataset
			dec := yaml.NewDecoder(bytes.NewReader(yamlData))
			dec.KnownFields(true)
			if dec.Decode(&y) == nil {
				if diff := cmp.Diff(y, ds, cmpopts.EquateEmpty(), cmpopts.IgnoreUnexported(dataset.Dataset{})); diff != "" {
					t.Errorf("JSON and YAML disagree (-yaml +json):\n%s", diff)
				}
			}
		}
	})
}
