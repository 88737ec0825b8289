package crossref_test

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

// TestLoad loads Crossref files through package dataset, which knows the
// format because this package is linked in, and validates the result.
func TestLoad(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wrapped := filepath.Join(dir, "wrapped.json")
	data := `{"status": "ok", "message-type": "work", "message": ` + string(mustReadFile(t, fixture)) + "}"
	if err := os.WriteFile(wrapped, []byte(data), 0o666); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		paths  []string
		pubs   int
		errors int // the list's item that is not a work
	}{
		{"message", []string{fixture}, 1, 0},
		{"wrapped", []string{wrapped}, 1, 0},
		{"list", []string{"testdata/work-list.json"}, 3, 1},
		{"directory", []string{"testdata"}, 4, 1}, // the fixture and the list: the eLife article twice
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
			d, err = dataset.Merge(d, nil)
			if err != nil {
				t.Fatalf("Merge: %v", err)
			}
			if err := validate.Dataset(d); err != nil {
				t.Errorf("validate.Dataset: %v", err)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	t.Parallel()
	message := string(mustReadFile(t, fixture))
	tests := []struct {
		name, doc string
		crossref  bool
	}{
		{"message", message, true},
		{"response", `{"status": "ok", "message-type": "work", "message": ` + message + `}`, true},
		{"list", string(mustReadFile(t, "testdata/work-list.json")), true},
		{"array of messages", `[` + message + `]`, true},
		{"other response", `{"status": "ok", "message-type": "journal-list", "message": {"items": []}}`, false},
		{"CSL-JSON array", `[{"id": "x", "type": "article-journal", "DOI": "10.7554/elife.01567", "title": "T", "container-title": "eLife"}]`, false},
		{"CSL-JSON item", `{"indexed": {}, "DOI": "10.7554/elife.01567", "type": "article-journal", "title": "T", "container-title": "eLife"}`, false},
		{"OpenAlex work", `{"id": "https://openalex.org/W2741809807", "doi": "https://doi.org/10.7717/peerj.4375", "title": "The state of OA", "type": "article"}`, false},
		{"OpenAlex work with Crossref's keys", `{"id": "https://openalex.org/W2741809807", "DOI": "10.7717/peerj.4375", "title": ["T"], "type": "journal-article"}`, false},
		{"OpenAlex list", `{"meta": {"count": 1}, "results": [{"id": "https://openalex.org/W1", "doi": "https://doi.org/10.1/x"}]}`, false},
		{"dataset", `{"publications": [{"id": "p", "title": "T", "kind": "other", "identifiers": {"doi": "10.1/x"}}], "DOI": "10.1/x", "title": ["T"]}`, false},
		{"DataCite record", string(mustReadFile(t, "../datacite/testdata/10.5438_zhyx-n122.json")), false},
		{"YAML", "publications:\n  - id: p\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := inputs.Loader().Detect(dataset.Document{Name: "doc.json", Data: []byte(tc.doc)})
			if got := f.Name == "crossref"; got != tc.crossref {
				t.Errorf("Detect = %q, want crossref %v", f.Name, tc.crossref)
			}
		})
	}
}

// TestLimit checks that a list of more works than the loader's limit is
// refused at the first work beyond it.
func TestLimit(t *testing.T) {
	t.Parallel()
	l := dataset.Loader{Formats: inputs.Formats(), Limits: dataset.Limits{MaxRecords: 1}}
	_, err := l.Load("testdata/work-list.json")
	list, _ := errors.AsType[source.ErrorList](err)
	if len(list) == 0 || !errors.Is(err, source.ErrTooLarge) {
		t.Fatalf("Load: %v, want an error wrapping ErrTooLarge", err)
	}
	if e := list[len(list)-1]; e.Path != "message.items[1]" {
		t.Errorf("error at %q, want at message.items[1]: %v", e.Path, e)
	}
}
