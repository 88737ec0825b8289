package orcid_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/validate"
)

// mustLoad loads and validates a dataset file.
func mustLoad(t testing.TB, name string) *dataset.Dataset {
	t.Helper()
	d, err := validate.Check(inputs.Loader().Load(name))
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return d
}

// TestExportValidatesXSD checks the records and works Export writes against
// ORCID's unmodified XSDs (record-3.0.xsd and bulk-3.0.xsd with their
// imports, in testdata/xsd) with xmllint.
func TestExportValidatesXSD(t *testing.T) {
	t.Parallel()
	minimal, err := dataset.Decode("minimal.yaml", strings.NewReader("people:\n  - id: jane\n    name: {display: Jane}\n"))
	if err != nil {
		t.Fatal(err)
	}
	// Text that is only white space, which ORCID's XSD refuses in names,
	// titles and cities. Validation refuses it, and so Export; a caller
	// who says the data is valid gets XML that is valid all the same.
	blank, err := dataset.Decode("blank.yaml", strings.NewReader(`people:
  - id: b
    name: {display: " ", given: " "}
    biography: "  "
    positions: [{organization: o, title: " ", department: " ", kind: employment}]
    awards: [{name: " "}]
organizations: [{id: o, name: " ", kind: other, location: {city: " ", region: " "}}]
publications: [{id: p, title: " ", kind: other, authors: [{ref: b}, " "], venue: {name: " "}}]
`))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := orcid.Export(blank, "b"); !errors.Is(err, validate.ErrInvalid) {
		t.Errorf("Export(blank text) = %v, want validation's ErrInvalid", err)
	}
	tests := []struct {
		name   string
		d      *dataset.Dataset
		person string
	}{
		{"example", mustSeed(t), seedID},
		{"every field", mustLoad(t, "testdata/ada.yaml"), "ada-lovelace"},
		{"a co-author with an ORCID iD", mustLoad(t, "testdata/ada.yaml"), "charles-babbage"},
		{"a name only", minimal, "jane"},
		{"blank text", blank, "b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, _, err := orcid.ExportValidated(tc.d, tc.person)
			if err != nil {
				t.Fatal(err)
			}
			validateXSD(t, write(t, recordXML, r), recordXSD)
			validateXSD(t, write(t, worksXML, r), bulkXSD)
		})
	}
}

// TestExportWithoutORCID checks that a person without an iD gets none.
func TestExportWithoutORCID(t *testing.T) {
	t.Parallel()
	r, _ := exportSeed(t)
	if r.ORCID != nil {
		t.Errorf("Export(example).ORCID = %+v, want nil: the example has no iD", r.ORCID)
	}
	r, _, err := orcid.Export(mustLoad(t, "testdata/ada.yaml"), "ada-lovelace")
	if err != nil {
		t.Fatal(err)
	}
	if r.ORCID == nil || r.ORCID.URI != "https://orcid.org/0000-0002-1825-0097" {
		t.Errorf("Export(ada).ORCID = %+v, want https://orcid.org/0000-0002-1825-0097", r.ORCID)
	}
}

func TestExportUnknownPerson(t *testing.T) {
	t.Parallel()
	if _, _, err := orcid.Export(mustSeed(t), "nobody"); err == nil {
		t.Error("Export(nobody) succeeded, want an error")
	}
}

// TestPostWorksValidateXSD checks the works in the shape ORCID's member
// API takes them (no put-code, no path, as its write_samples) against the
// bulk and work XSDs.
func TestPostWorksValidateXSD(t *testing.T) {
	t.Parallel()
	r, _, err := orcid.ExportValidated(mustLoad(t, "testdata/ada.yaml"), "ada-lovelace")
	if err != nil {
		t.Fatal(err)
	}
	var bulk bytes.Buffer
	if err := r.WritePostWorksXML(&bulk); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(bulk.Bytes(), []byte("put-code")) || bytes.Contains(bulk.Bytes(), []byte(`path="`)) {
		t.Errorf("works to post have put-codes or paths:\n%s", bulk.String())
	}
	validateXSD(t, bulk.Bytes(), bulkXSD)
	var one bytes.Buffer
	if err := r.WritePostWorkXML(&one, 0); err != nil {
		t.Fatal(err)
	}
	validateXSD(t, one.Bytes(), "testdata/xsd/record_3.0/work-3.0.xsd")
	// ORCID's own write samples validate with the same XSDs.
	validateXSD(t, mustRead(t, "testdata/samples/write/bulk-work-3.0.xml"), bulkXSD)
}
