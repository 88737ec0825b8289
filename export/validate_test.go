package export_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// invalidDataset is built in Go, so no loader has checked it: a script URL,
// an ORCID iD with a wrong check digit, a malformed date and a position at
// an organization the dataset does not have.
func invalidDataset() *dataset.Dataset {
	return &dataset.Dataset{People: []profile.Person{{
		ID:          "ada",
		Name:        profile.Name{Display: "Ada Lovelace"},
		Homepage:    "javascript:alert(1)",
		Identifiers: profile.PersonIdentifiers{ORCID: "0000-0002-1825-0098"},
		Positions: []profile.Position{{
			Organization: "analytical-society",
			Kind:         profile.PositionEmployment,
			Start:        "2015/09",
		}},
	}}}
}

// countingBytes counts what is written to it.
type countingBytes int

func (n *countingBytes) Write(p []byte) (int, error) { *n += countingBytes(len(p)); return len(p), nil }

// TestValidateFirst checks that every function refuses invalid data with
// validate's errors, having written nothing.
func TestValidateFirst(t *testing.T) {
	t.Parallel()
	want := []string{
		"People[0].Homepage",
		"People[0].Identifiers.ORCID",
		"People[0].Positions[0].Organization",
		"People[0].Positions[0].Start",
	}
	check := func(t *testing.T, err error) {
		t.Helper()
		list, ok := errors.AsType[source.ErrorList](err)
		if !ok {
			t.Fatalf("error = %v, want a source.ErrorList", err)
		}
		var got []string
		for _, e := range list {
			got = append(got, e.Path)
		}
		slices.Sort(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("problems (-want +got):\n%s", diff)
		}
	}
	d := invalidDataset()
	for _, f := range export.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			if !f.PerPerson {
				var n countingBytes
				_, err := export.Write(&n, f, d, export.Options{})
				check(t, err)
				if n != 0 {
					t.Errorf("Write wrote %d bytes", n)
				}
			}
			var n countingBytes
			_, err := export.WritePerson(&n, f, d, "ada", export.Options{})
			check(t, err)
			if n != 0 {
				t.Errorf("WritePerson wrote %d bytes", n)
			}
		})
	}
	t.Run("ProfileScript", func(t *testing.T) {
		s, err := export.ProfileScript(d, "ada", export.Options{})
		check(t, err)
		if s != "" {
			t.Errorf("ProfileScript = %q, want nothing", s)
		}
	})
	t.Run("ProfileJSONLD", func(t *testing.T) {
		b, err := export.ProfileJSONLD(d, "ada", export.Options{})
		check(t, err)
		if b != nil {
			t.Errorf("ProfileJSONLD = %q, want nothing", b)
		}
	})
	t.Run("Triples", func(t *testing.T) {
		seq, err := export.Triples(d, export.Options{})
		check(t, err)
		if seq != nil {
			t.Error("Triples returned a sequence")
		}
	})
	t.Run("ProfileTriples", func(t *testing.T) {
		seq, err := export.ProfileTriples(d, "ada", export.Options{})
		check(t, err)
		if seq != nil {
			t.Error("ProfileTriples returned a sequence")
		}
	})
	// Validated trusts the caller: the same data is written.
	nt, _ := export.Lookup("nt")
	var n countingBytes
	if _, err := export.Write(&n, nt, d, export.Options{Validated: true}); err != nil || n == 0 {
		t.Errorf("Write with Validated = %v after %d bytes, want the data written", err, n)
	}
}
