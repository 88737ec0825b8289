package datacite_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// TestLoad loads DataCite files through package dataset, which knows the
// format because this package is linked in, and validates the result.
func TestLoad(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var paths []string
	for _, form := range forms(t) {
		path := filepath.Join(dir, form.name+".json")
		if err := os.WriteFile(path, form.data, 0o666); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	tests := []struct {
		name   string
		paths  []string
		pubs   int
		errors int // the list's record of another type
	}{
		{"response", paths[:1], 1, 0},
		{"record", paths[1:2], 1, 0},
		{"attributes", paths[2:], 1, 0},
		{"list", []string{"testdata/dois-list.json"}, 4, 1},
		{"directory", []string{"testdata"}, 5, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := inputs.Loader().Load(tc.paths...)
			list, _ := errors.AsType[source.ErrorList](err)
			if err != nil && list == nil || len(list) != tc.errors {
				t.Fatalf("Load: %v, want %d errors", err, tc.errors)
			}
			if len(d.Publications) != tc.pubs {
				t.Fatalf("%d publications, want %d", len(d.Publications), tc.pubs)
			}
			if err := validate.Dataset(d); err != nil {
				t.Errorf("validate.Dataset: %v", err)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	t.Parallel()
	f := forms(t)
	tests := []struct {
		name, doc string
		datacite  bool
	}{
		{"response", string(f[0].data), true},
		{"record", string(f[1].data), true},
		{"attributes", string(f[2].data), true},
		{"list", string(mustReadFile(t, "testdata/dois-list.json")), true},
		{"empty list", `{"data": [], "meta": {"total": 0}}`, false},
		{"other JSON:API type", `{"data": {"id": "datacite", "type": "providers", "attributes": {"doi": "x", "creators": [], "titles": []}}}`, false},
		{"array of records", `[` + string(f[1].data) + `]`, false},
		{"CSL-JSON array", `[{"id": "x", "type": "dataset", "DOI": "10.5438/zhyx-n122", "title": "T"}]`, false},
		{"Crossref message", string(mustReadFile(t, "../crossref/testdata/10.7554_elife.01567.json")), false},
		{"OpenAlex work", `{"id": "https://openalex.org/W2741809807", "doi": "https://doi.org/10.7717/peerj.4375", "title": "T", "creators": [], "titles": []}`, false},
		{"dataset", `{"publications": [{"id": "p", "title": "T"}], "doi": "10.1/x", "creators": [], "titles": []}`, false},
		{"YAML", "publications:\n  - id: p\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := inputs.Loader().Detect(dataset.Document{Name: "doc.json", Data: []byte(tc.doc)})
			if got := f.Name == "datacite"; got != tc.datacite {
				t.Errorf("Detect = %q, want datacite %v", f.Name, tc.datacite)
			}
		})
	}
}

// TestLimit checks that a list of more records than the loader's limit
// is refused at the first record beyond it.
func TestLimit(t *testing.T) {
	t.Parallel()
	l := dataset.Loader{Formats: inputs.Formats(), Limits: dataset.Limits{MaxRecords: 2}}
	_, err := l.Load("testdata/dois-list.json")
	list, _ := errors.AsType[source.ErrorList](err)
	if len(list) == 0 || !errors.Is(err, source.ErrTooLarge) {
		t.Fatalf("Load: %v, want an error wrapping ErrTooLarge", err)
	}
	if e := list[len(list)-1]; e.Path != "data[2]" {
		t.Errorf("error at %q, want at data[2]: %v", e.Path, e)
	}
}
