package inputs_test

import (
	"os"
	"slices"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/inputs"
)

// TestDetect checks that a Loader of every format recognizes a document
// of each, in the order of Formats: no format claims another's documents.
func TestDetect(t *testing.T) {
	t.Parallel()
	tests := []struct{ file, want string }{
		{"../orcid/testdata/seed-record.xml.golden", "orcid"},
		{"../orcid/testdata/seed-works.json.golden", "orcid"},
		{"../openalex/testdata/W2741809807.json", "openalex"},
		{"../openalex/testdata/A5023888391.json", "openalex"},
		{"../datacite/testdata/10.5438_zhyx-n122.json", "datacite"},
		{"../datacite/testdata/dois-list.json", "datacite"},
		{"../crossref/testdata/10.7554_elife.01567.json", "crossref"},
		{"../crossref/testdata/work-list.json", "crossref"},
		{"../biblio/testdata/orcid.bib", "bibtex"},
		{"../validate/testdata/ada.yaml", "yaml"},
	}
	l := inputs.Loader()
	for _, tc := range tests {
		data, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		// The name says nothing, but for BibTeX's, which is read by it.
		name := "doc.json"
		if tc.want == "bibtex" {
			name = "doc.txt"
		}
		if got := l.Detect(dataset.Document{Name: name, Data: data}).Name; got != tc.want {
			t.Errorf("Detect(%s) = %q, want %q", tc.file, got, tc.want)
		}
	}
	csl := `[{"id": "x", "type": "article-journal", "DOI": "10.7554/elife.01567", "title": "T", "container-title": "eLife"}]`
	if got := l.Detect(dataset.Document{Name: "doc.json", Data: []byte(csl)}).Name; got != "csljson" {
		t.Errorf("Detect(a CSL-JSON array) = %q, want csljson", got)
	}
}

// TestFormats checks that the list holds each format once, each able to
// match and decode, and not YAML and JSON, which every Loader reads last.
func TestFormats(t *testing.T) {
	t.Parallel()
	var names []string
	for _, f := range inputs.Formats() {
		if f.Match == nil || f.Decode == nil {
			t.Errorf("format %q has no Match or Decode", f.Name)
		}
		names = append(names, f.Name)
	}
	sorted := slices.Clone(names)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(names) || slices.Contains(names, dataset.YAML().Name) {
		t.Errorf("Formats() = %q, want distinct formats without %q", names, dataset.YAML().Name)
	}
}
