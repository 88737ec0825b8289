package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/scholarld/scholarld/internal/outdir"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

var now = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// TestDump runs the command as `go run ./examples/export` does and checks
// its report and the files it writes.
func TestDump(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	loss := filepath.Join(t.TempDir(), "loss.txt")
	if err := run([]string{"-out", dir, "-loss", loss}, &stdout, &stderr, now); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	// The report goes to standard error, with every other message:
	// standard output is for data, with -out - only. It pads file names
	// to a column: drop the padding, which depends on the length of the
	// temporary directory's name. Each line is kept, with its words one
	// space apart.
	var report strings.Builder
	for line := range strings.Lines(strings.NewReplacer(dir, "DIR", loss, "LOSS").Replace(stderr.String())) {
		report.WriteString(strings.Join(strings.Fields(line), " ") + "\n")
	}
	golden(t, "dump.golden", report.String())
	if stdout.Len() > 0 {
		t.Errorf("unexpected output on stdout:\n%s", stdout.String())
	}
	data, err := os.ReadFile(loss)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "loss.golden", string(data))
	sameAsGolden(t, dir, "export", map[string]string{
		"dataset.ttl":                      "seed.ttl.golden",
		"dataset.nt":                       "seed.nt.golden",
		"dataset.jsonld":                   "seed.jsonld.golden",
		"people/ioannis-mitliagkas.jsonld": "seed-profile.jsonld.golden",
		"people/ioannis-mitliagkas.html":   "seed-profile.html.golden",
	})
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && e.Name() != outdir.Marker {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	siblings, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range siblings {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("staging directory left behind: %s", e.Name())
		}
	}
}

// TestFullProfile checks that -full-profile writes each person's full
// profile page, where the default is the lean one TestDump checks.
func TestFullProfile(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-out", dir, "-format", "jsonld,html", "-full-profile"}, &stdout, &stderr, now); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	sameAsGolden(t, dir, "export", map[string]string{
		"people/ioannis-mitliagkas.jsonld": "seed-profile-full.jsonld.golden",
		"people/ioannis-mitliagkas.html":   "seed-profile-full.html.golden",
	})
}

func TestStdout(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-format", "ttl", "-out", "-"}, &stdout, &stderr, now); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	want, err := os.ReadFile("../../export/testdata/seed.ttl.golden")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stdout.Bytes(), want) {
		t.Error("-out - -format ttl differs from export/testdata/seed.ttl.golden")
	}
}

// TestBrokenInput checks that bad input gives every problem with its place,
// a failure, and no files.
func TestBrokenInput(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run([]string{"-in", "testdata/broken.yaml", "-out", dir}, &stdout, &stderr, now)
	if !errors.Is(err, errReported) {
		t.Fatalf("run = %v, want the errors reported", err)
	}
	golden(t, "broken.golden", stderr.String())
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written despite errors: %v", entries)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{
		{"-format", "ttl2"},
		{"-format", "ttl,nt", "-out", "-"},
		{"-base", "not a url"},
		{"extra-argument"},
		{"-in", "testdata/no-such-file.yaml"},
	}
	for _, args := range tests {
		var stdout, stderr bytes.Buffer
		if err := run(args, &stdout, &stderr, now); err == nil {
			t.Errorf("run(%q) succeeded, want an error", args)
		}
	}
}

// TestStdoutBrokenInput checks that -out - writes nothing when the input
// has errors, though it streams.
func TestStdoutBrokenInput(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run([]string{"-in", "testdata/broken.yaml", "-format", "nt", "-out", "-"}, &stdout, &stderr, now)
	if !errors.Is(err, errReported) || stdout.Len() != 0 {
		t.Errorf("run = %v with %d bytes on stdout; want the errors reported and nothing written", err, stdout.Len())
	}
}

// TestStreamedDump checks the streaming path (no profile pages asked for)
// writes what the in-memory path writes.
func TestStreamedDump(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-format", "ttl,nt", "-out", dir}, &stdout, &stderr, now); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	sameAsGolden(t, dir, "export", map[string]string{"dataset.ttl": "seed.ttl.golden", "dataset.nt": "seed.nt.golden"})
}

// TestORCIDBothWays writes the example's ORCID record, then reads it back
// with -in, as XML and as JSON, and exports it as Turtle.
func TestORCIDBothWays(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	loss := filepath.Join(t.TempDir(), "loss.txt")
	if err := run([]string{"-format", "orcid-xml,orcid-json", "-out", dir, "-loss", loss}, &stdout, &stderr, now); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	if report, _ := os.ReadFile(loss); !strings.Contains(string(report), "people[0].supervisions[13]: ORCID has no supervision section") {
		t.Errorf("the loss report does not list the supervisions:\n%s", report)
	}
	sameAsGolden(t, dir, "orcid", map[string]string{
		"orcid/ioannis-mitliagkas.xml":        "seed-record.xml.golden",
		"orcid/ioannis-mitliagkas.works.xml":  "seed-works.xml.golden",
		"orcid/ioannis-mitliagkas.json":       "seed-record.json.golden",
		"orcid/ioannis-mitliagkas.works.json": "seed-works.json.golden",
	})
	for _, ext := range []string{".xml", ".json"} {
		stdout.Reset()
		stderr.Reset()
		args := []string{
			"-in", filepath.Join(dir, "orcid", "ioannis-mitliagkas"+ext),
			"-in", filepath.Join(dir, "orcid", "ioannis-mitliagkas.works"+ext),
			"-format", "ttl,html", "-out", filepath.Join(dir, "from"+ext),
		}
		if err := run(args, &stdout, &stderr, now); err != nil {
			t.Fatalf("run(%q): %v\n%s", args, err, stderr.String())
		}
		ttl, err := os.ReadFile(filepath.Join(dir, "from"+ext, "dataset.ttl"))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`schema:name "Ioannis Mitliagkas"`, `schema:roleName "Associate Professor"`, `schema:name "Daniel Beaglehole"`} {
			if !bytes.Contains(ttl, []byte(want)) {
				t.Errorf("Turtle from the ORCID %s lacks %s", ext, want)
			}
		}
	}
}

// sameAsGolden checks that each file written in dir equals its golden file
// in the testdata of package pkg, which pins that package's output.
func sameAsGolden(t *testing.T, dir, pkg string, files map[string]string) {
	t.Helper()
	for file, golden := range files {
		got, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", pkg, "testdata", golden))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s/testdata/%s", file, pkg, golden)
		}
	}
}

// TestInvalidBothPaths checks that the streaming path (ttl) and the
// in-memory one (jsonld) report the same problems for the same input, and
// that neither creates the output directory, nor its parents.
func TestInvalidBothPaths(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "k.yaml")
	if err := os.WriteFile(bad, []byte("kind: [1]\npeople:\n  - id: a\n    name: {display: A}\n    colour: [red]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	var reports []string
	for _, format := range []string{"ttl", "jsonld"} {
		var stdout, stderr bytes.Buffer
		err := run([]string{"-in", bad, "-format", format, "-out", filepath.Join(root, "new", "dump")}, &stdout, &stderr, now)
		if !errors.Is(err, errReported) {
			t.Errorf("-format %s: err = %v, want the problems reported", format, err)
		}
		reports = append(reports, stderr.String())
	}
	if reports[0] != reports[1] || !strings.Contains(reports[0], "2 errors; nothing written") {
		t.Errorf("streaming reported:\n%s\nin memory:\n%s", reports[0], reports[1])
	}
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Errorf("invalid input left %v in the output's parent", entries)
	}
}

// TestBibliography checks the example's bibliography in BibTeX, CSL-JSON
// and RIS, whole and the person's: 10 works, the three titles of arXiv 2402.05271 as one entry
// whose note names the other two, authors in order, accents kept.
func TestBibliography(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-format", "bibtex,csljson,ris", "-out", dir}, &stdout, &stderr, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	for _, tc := range []struct{ file, entry string }{
		{"dataset.bib", "\n@"},
		{"dataset.csl.json", `"citation-key"`},
		{"dataset.ris", "TY  - "},
		// The person's bibliography: the example's one person authored
		// every work.
		{"people/ioannis-mitliagkas.bib", "\n@"},
		{"people/ioannis-mitliagkas.csl.json", `"citation-key"`},
		{"people/ioannis-mitliagkas.ris", "TY  - "},
	} {
		data, err := os.ReadFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		text := "\n" + string(data)
		if n := strings.Count(text, tc.entry); n != 10 {
			t.Errorf("%s: %d entries, want 10", tc.file, n)
		}
		for _, s := range []string{
			"Feature learning as alignment",
			"Gradient descent induces alignment between weights and the empirical NTK",
			"Gradient descent induces alignment between weights and the pre-activation tangents",
			"Ange-Clément",
		} {
			if !strings.Contains(text, s) {
				t.Errorf("%s: no %q", tc.file, s)
			}
		}
		i := strings.Index(text, "Akazan")
		if j, k := strings.Index(text[i+1:], "Jolicoeur-Martineau"), strings.Index(text[i+1:], "Mitliagkas"); i < 0 || j < 0 || k < j {
			t.Errorf("%s: the authors of 2410.15516 are not in byline order", tc.file)
		}
	}
}
