package export_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/export"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// golden compares got with testdata/name, rewriting the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// TestGolden pins every linked-data format byte for byte for the example:
// the whole dataset, and the profile page of its person, lean (the
// default) and full. (Package orcid
// pins the ORCID records; TestORCIDFormats checks they are its.)
func TestGolden(t *testing.T) {
	d := loadSeed(t)
	for _, f := range export.Formats() {
		if _, ok := f.Works(); ok {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if !f.PerPerson {
				if _, err := export.Write(&buf, f, d, export.Options{}); err != nil {
					t.Fatal(err)
				}
				golden(t, "seed"+f.Ext+".golden", buf.Bytes())
			}

			if !f.RDF() {
				return // no profile page, or one with no lean form
			}
			buf.Reset()
			if _, err := export.WritePerson(&buf, f, d, "ioannis-mitliagkas", export.Options{}); err != nil {
				t.Fatal(err)
			}
			golden(t, "seed-profile"+f.Ext+".golden", buf.Bytes())
			buf.Reset()
			if _, err := export.WritePerson(&buf, f, d, "ioannis-mitliagkas", export.Options{FullProfile: true}); err != nil {
				t.Fatal(err)
			}
			golden(t, "seed-profile-full"+f.Ext+".golden", buf.Bytes())
		})
	}
}

// TestDeterministic encodes the example twice.
func TestDeterministic(t *testing.T) {
	d := loadSeed(t)
	for _, f := range export.Formats() {
		if f.PerPerson {
			continue
		}
		if a, b := encode(t, d, f.Name), encode(t, d, f.Name); !bytes.Equal(a, b) {
			t.Errorf("%s: two encodings of the same data differ", f.Name)
		}
	}
}
