package export_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/validate"
)

// writeYAML writes d in the yaml format to a file of dir.
func writeYAML(t *testing.T, d *dataset.Dataset, dir string) string {
	t.Helper()
	f, err := export.Lookup("yaml")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := export.Write(&buf, f, d, export.Options{}); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "dataset.yaml")
	if err := os.WriteFile(name, buf.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestYAMLRoundTrip writes the example, and the example read back from its
// ORCID record, in the yaml format: loading that file gives the same graph.
func TestYAMLRoundTrip(t *testing.T) {
	d := loadSeed(t)
	dir := t.TempDir()
	for _, name := range []string{"orcid-xml", "orcid-json"} {
		f, _ := export.Lookup(name)
		works, _ := f.Works()
		for _, doc := range []export.Format{f, works} {
			var buf bytes.Buffer
			if _, err := export.WritePerson(&buf, doc, d, "ioannis-mitliagkas", export.Options{}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+doc.Ext), buf.Bytes(), 0o666); err != nil {
				t.Fatal(err)
			}
		}
	}
	imported, err := validate.Check(inputs.Loader().Load(filepath.Join(dir, "orcid-xml.xml"), filepath.Join(dir, "orcid-xml.works.xml")))
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]*dataset.Dataset{"example": d, "ORCID record": imported} {
		t.Run(name, func(t *testing.T) {
			back, err := validate.Check(inputs.Loader().Load(writeYAML(t, d, t.TempDir())))
			if err != nil {
				t.Fatalf("loading the YAML written: %v", err)
			}
			if diff := cmp.Diff(canonicalNT(t, d), canonicalNT(t, back)); diff != "" {
				t.Errorf("graph differs after a round trip through YAML (-before +after):\n%s", diff)
			}
		})
	}
}
