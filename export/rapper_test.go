package export_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/scholarld/scholarld/internal/tool"
)

// needRapper returns the path of raptor's rapper (see package tool).
func needRapper(t *testing.T) string {
	t.Helper()
	return tool.Need(t, "", "raptor2-utils", "rapper")
}

var rapperCount = regexp.MustCompile(`returned (\d+) triples`)

// TestRapper parses the Turtle and N-Triples dumps of the example, and of
// the hostile dataset, with raptor, a second independent parser, and checks
// that it finds as many statements as knakk/rdf does.
func TestRapper(t *testing.T) {
	rapper := needRapper(t)
	dir := t.TempDir()
	cases := []struct {
		name, format, syntax string
		data                 []byte
	}{
		{"seed.ttl", "ttl", "turtle", encode(t, loadSeed(t), "ttl")},
		{"seed.nt", "nt", "ntriples", encode(t, loadSeed(t), "nt")},
		{"hostile.ttl", "ttl", "turtle", encode(t, hostileDataset(t), "ttl")},
		{"hostile.nt", "nt", "ntriples", encode(t, hostileDataset(t), "nt")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, tc.name)
			if err := os.WriteFile(file, tc.data, 0o666); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd := exec.Command(rapper, "-i", tc.syntax, "-c", file)
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("rapper -i %s: %v\n%s", tc.syntax, err, stderr.String())
			}
			if bytes.Contains(stderr.Bytes(), []byte("Warning")) || bytes.Contains(stderr.Bytes(), []byte("Error")) {
				t.Errorf("rapper complains:\n%s", stderr.String())
			}
			m := rapperCount.FindSubmatch(stderr.Bytes())
			if m == nil {
				t.Fatalf("no triple count in rapper's output:\n%s", stderr.String())
			}
			got, _ := strconv.Atoi(string(m[1]))
			f := rdfTurtle
			if tc.format == "nt" {
				f = rdfNTriples
			}
			if want := len(decodeRDF(t, tc.data, f)); got != want {
				t.Errorf("rapper reads %d statements, knakk/rdf %d", got, want)
			}
		})
	}
}
