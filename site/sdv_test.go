package site

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/sdvtest"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
)

// TestStructuredData runs a rich-results validator (Adobe's
// structured-data validator, see package sdvtest) on every page of the
// example's site, of the generated institute's (200 people, 2,000
// publications) and of the hostile dataset's: it must report no error and
// no warning, and every page but the index must have structured data. $SDV_DIR names the directory
// of the validator's node_modules.
func TestStructuredData(t *testing.T) {
	v := sdvtest.New(t)
	datasets := synthtest.Datasets(t)
	datasets["hostile"] = hostileDataset(t)
	for _, name := range []string{"example", "generated", "hostile"} {
		t.Run(name, func(t *testing.T) {
			dir := build(t, datasets[name], Options{Validated: true})
			var pages []string
			for _, f := range mustFiles(t, dir) {
				if strings.HasSuffix(f, ".html") {
					pages = append(pages, filepath.Join(dir, f))
				}
			}
			results := v.Check(t, pages)
			items, issues := 0, 0
			for _, r := range results {
				rel, err := filepath.Rel(dir, r.File)
				if err != nil {
					t.Fatal(err)
				}
				for _, i := range r.Issues {
					t.Errorf("%s: %v", rel, i)
				}
				if len(r.Items) == 0 && rel != "index.html" {
					t.Errorf("%s: no structured data", rel)
				}
				items += len(r.Items)
				issues += len(r.Issues)
			}
			if len(results) != len(pages) || len(pages) < 5 {
				t.Fatalf("%d verdicts on %d pages", len(results), len(pages))
			}
			t.Logf("%d pages, %d items, %d issues", len(pages), items, issues)
		})
	}
}
