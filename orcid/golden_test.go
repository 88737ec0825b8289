package orcid_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGolden pins the example's record, its works and the loss report.
// Regenerate with go test ./orcid -update, and review the diff like code.
func TestGolden(t *testing.T) {
	t.Parallel()
	r, loss := exportSeed(t)
	tests := []struct {
		golden string
		got    []byte
	}{
		{"seed-record.xml.golden", write(t, recordXML, r)},
		{"seed-record.json.golden", write(t, recordJSON, r)},
		{"seed-works.xml.golden", write(t, worksXML, r)},
		{"seed-works.json.golden", write(t, worksJSON, r)},
		{"seed-loss.txt.golden", []byte(loss.String())},
	}
	for _, tc := range tests {
		t.Run(tc.golden, func(t *testing.T) {
			golden := filepath.Join("testdata", tc.golden)
			if *update {
				if err := os.WriteFile(golden, tc.got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if diff := cmp.Diff(string(mustRead(t, golden)), string(tc.got)); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", tc.golden, diff)
			}
		})
	}
}

// TestDeterministic checks that exporting twice gives the same bytes.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, _ := exportSeed(t)
	b, _ := exportSeed(t)
	if diff := cmp.Diff(string(write(t, recordXML, a)), string(write(t, recordXML, b))); diff != "" {
		t.Errorf("two exports differ (-first +second):\n%s", diff)
	}
	if diff := cmp.Diff(string(write(t, worksJSON, a)), string(write(t, worksJSON, b))); diff != "" {
		t.Errorf("two exports differ (-first +second):\n%s", diff)
	}
}
