package export_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/knakk/rdf"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/internal/ldtest"
	"github.com/scholarld/scholarld/validate"
)

// canonicalNT returns the canonical N-Quads of d's graph.
func canonicalNT(t *testing.T, d *dataset.Dataset) string {
	t.Helper()
	return ldtest.Canonical(t, knakkDataset(decodeRDF(t, encode(t, d, "nt"), rdf.NTriples)))
}

// TestMergeWithOwnORCID loads the example together with its own ORCID
// record: the two sources of one person merge, with no error, into the
// graph of the example alone.
func TestMergeWithOwnORCID(t *testing.T) {
	d := loadSeed(t)
	dir := t.TempDir()
	for _, name := range []string{"orcid-xml"} {
		f, _ := export.Lookup(name)
		works, _ := f.Works()
		for _, doc := range []export.Format{f, works} {
			var buf bytes.Buffer
			if _, err := export.WritePerson(&buf, doc, d, "ioannis-mitliagkas", export.Options{}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "record"+doc.Ext), buf.Bytes(), 0o666); err != nil {
				t.Fatal(err)
			}
		}
	}
	merged, err := validate.Check(dataset.Merge(inputs.Loader().Load("../internal/seed", dir)))
	if err != nil {
		t.Fatalf("loading the example with its ORCID record: %v", err)
	}
	if diff := cmp.Diff(canonicalNT(t, d), canonicalNT(t, merged)); diff != "" {
		t.Errorf("merged graph differs from the example's (-example +merged):\n%s", diff)
	}
	// What ORCID reads back differently is a warning at the example's value.
	found := false
	for _, w := range merged.Warnings {
		if strings.Contains(w.Error(), `"conference-paper" here, "workshop-paper" at `) && strings.Contains(w.Error(), "publications.yaml:") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning names the workshop paper read back as a conference paper:\n%v", merged.Warnings)
	}
}

// TestTwoSidedSupervision checks that a supervision written by the advisor
// and by the student is one advising relationship.
func TestTwoSidedSupervision(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"advisor.yaml": `people:
  - id: yoshua
    name: {display: Yoshua}
    supervisions:
      - {student: {ref: ioannis}, level: postdoc, role: principal, status: past}
`,
		"student.yaml": `organizations:
  - {id: stanford, name: Stanford University, kind: university}
people:
  - id: ioannis
    name: {display: Ioannis}
    education:
      - {organization: stanford, degree: PhD, advisors: [{ref: yoshua}]}
`,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	d, err := validate.Check(dataset.Merge(inputs.Loader().Load(filepath.Join(dir, "advisor.yaml"), filepath.Join(dir, "student.yaml"))))
	if err != nil {
		t.Fatal(err)
	}
	nt := string(encode(t, d, "nt"))
	if n := strings.Count(nt, "core#AdviseeRole> .\n"); n != 1 {
		t.Errorf("%d advisee roles, want 1 relationship:\n%s", n, nt)
	}
}
