package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBibTeXWithYAML loads a BibTeX file of someone else's papers with the
// example's YAML: the entry of a paper the YAML holds too (the same arXiv
// id) merges with it, and the others export to Turtle with their authors
// in the file's order.
func TestBibTeXWithYAML(t *testing.T) {
	bib := filepath.Join(t.TempDir(), "refs.bib")
	err := os.WriteFile(bib, []byte(`@misc{feature-learning,
  title = {Feature learning as alignment},
  author = {Mitliagkas, Ioannis and Someone, Else},
  year = 2024,
  eprint = {2402.05271},
  archivePrefix = {arXiv},
}

@article{zeta2021,
  author  = {Zeta, Zo{\"e} and Alpha, Al and M{\"u}ller, Bea},
  title   = {A {Study} of Ordering},
  journal = {Journal of Tests},
  year    = {2021},
  doi     = {10.5555/zeta.2021},
}
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	env := &Env{Stdout: &stdout, Stderr: &stderr, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	if err := Export(env, []string{"-in", "../seed", "-in", bib, "-format", "ttl", "-out", "-"}); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr.String())
	}
	ttl := stdout.String()
	// The arXiv paper is one work: the YAML's, which comes first.
	if n := strings.Count(ttl, "<https://arxiv.org/abs/2402.05271>"); n == 0 {
		t.Error("the merged paper is missing")
	}
	if strings.Contains(ttl, "publications/feature-learning/#work") {
		t.Error("the BibTeX entry of the example's paper was not merged with it")
	}
	// The other paper: its three authors in order, their names decoded.
	i := strings.Index(ttl, "<https://doi.org/10.5555/zeta.2021>")
	if i < 0 {
		t.Fatalf("the BibTeX paper is missing:\n%s", ttl)
	}
	rest := ttl[i:]
	zoe, al, bea := strings.Index(rest, `"Zoë Zeta"`), strings.Index(rest, `"Al Alpha"`), strings.Index(rest, `"Bea Müller"`)
	if zoe < 0 || al < zoe || bea < al {
		t.Errorf("authors not in the file's order (Zoë Zeta, Al Alpha, Bea Müller): %d %d %d\n%s", zoe, al, bea, rest[:min(len(rest), 1500)])
	}
	if !strings.Contains(rest, `"A Study of Ordering"`) {
		t.Error("the title's protective braces were not removed")
	}
}
