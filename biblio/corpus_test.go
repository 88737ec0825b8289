package biblio

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/internal/tool"
	"github.com/scholarld/scholarld/source"
)

// TestCorpusKeys reads the BibTeX files of testdata with pandoc
// (pandoc -f bibtex -t csljson), biber (biber --tool) and this package's
// parser, and checks that the three read the same entries: % comments,
// @comment, @preamble, @string and text between entries are read past
// alike.
func TestCorpusKeys(t *testing.T) {
	t.Parallel()
	pandoc := tool.Need(t, "", "pandoc", "pandoc")
	biber := tool.Need(t, "", "biber", "biber")
	files, err := filepath.Glob("testdata/corpus/*.bib")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, "testdata/orcid.bib", "testdata/hostile/comments.bib", "testdata/merge/lab.bib")
	entryRE := regexp.MustCompile(`(?m)^@([A-Za-z]+)\{([^,\n]*),`)
	for _, file := range files {
		if filepath.Base(file) == "broken.bib" {
			continue // pandoc refuses it whole; TestReadBroken reads it
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			entries, errs, _ := parseBibTeX(file, string(data), source.NewLines(file, data), expansionBudget(len(data), defaultMaxFile))
			if err := errs.Err(); err != nil {
				t.Fatal(err)
			}
			var ours []string
			for _, e := range entries {
				ours = append(ours, e.Key)
			}

			cmd := exec.Command(pandoc, "-f", "bibtex", "-t", "csljson")
			cmd.Stdin = bytes.NewReader(data)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("pandoc: %v", err)
			}
			var items []struct{ ID string }
			if err := json.Unmarshal(out, &items); err != nil {
				t.Fatal(err)
			}
			var fromPandoc []string
			for _, it := range items {
				fromPandoc = append(fromPandoc, it.ID)
			}

			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "in.bib"), data, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd = exec.Command(biber, "--tool", "--output-file=out.bib", "in.bib")
			cmd.Dir = dir
			if log, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("biber: %v\n%s", err, log)
			}
			out, err = os.ReadFile(filepath.Join(dir, "out.bib"))
			if err != nil {
				t.Fatal(err)
			}
			var fromBiber []string
			for _, m := range entryRE.FindAllSubmatch(out, -1) {
				switch strings.ToLower(string(m[1])) {
				case "comment", "preamble", "string":
				default:
					fromBiber = append(fromBiber, string(m[2]))
				}
			}
			slices.Sort(ours)
			slices.Sort(fromPandoc)
			slices.Sort(fromBiber)
			if diff := cmp.Diff(fromPandoc, ours); diff != "" {
				t.Errorf("keys (-pandoc +ours):\n%s", diff)
			}
			if diff := cmp.Diff(fromBiber, ours); diff != "" {
				t.Errorf("keys (-biber +ours):\n%s", diff)
			}
		})
	}
}
