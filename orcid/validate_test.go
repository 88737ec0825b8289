package orcid_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// TestExportRefusesInvalid checks that Export validates: a dataset built
// in Go with a bad ORCID check digit and a malformed date gives validate's
// errors and no record; ExportValidated trusts the caller.
func TestExportRefusesInvalid(t *testing.T) {
	t.Parallel()
	d := &dataset.Dataset{People: []profile.Person{{
		ID:          "ada",
		Name:        profile.Name{Display: "Ada Lovelace"},
		Identifiers: profile.PersonIdentifiers{ORCID: "0000-0002-1825-0098"},
		Awards:      []profile.Award{{Name: "Medal", Date: "1843/08"}},
	}}}
	r, _, err := orcid.Export(d, "ada")
	got, ok := errors.AsType[source.ErrorList](err)
	if !ok || r != nil {
		t.Fatalf("Export = %v, %v; want no record and a source.ErrorList", r, err)
	}
	want, _ := errors.AsType[source.ErrorList](validate.Dataset(d))
	if len(want) != 2 {
		t.Fatalf("validate.Dataset finds %d problems, want 2: %v", len(want), want)
	}
	paths := func(l source.ErrorList) (ps []string) {
		for _, e := range l {
			ps = append(ps, e.Path)
		}
		return ps
	}
	if diff := cmp.Diff(paths(want), paths(got)); diff != "" {
		t.Errorf("Export's errors differ from validate.Dataset's (-validate +export):\n%s", diff)
	}
	if r, _, err := orcid.ExportValidated(d, "ada"); err != nil || r == nil {
		t.Errorf("ExportValidated = %v, %v; want a record", r, err)
	}
}
