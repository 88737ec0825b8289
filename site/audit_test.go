package site

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/tool"
)

// TestLighthouse runs Lighthouse, with Chromium, on the person page and a
// publication page: SEO must score 100 and accessibility at least 95.
// $LIGHTHOUSE names the lighthouse command (npm i -E lighthouse@12.2.3).
func TestLighthouse(t *testing.T) {
	chrome := chromium(t)
	lh := tool.Need(t, "LIGHTHOUSE", "npm lighthouse@12.2.3", "lighthouse")
	srv, _, s := served(t, loadSeed(t), Options{})
	out := t.TempDir()
	for _, pg := range []struct{ name, path string }{
		{"person", s.people[s.personIndex(owner)].path},
		{"publication", s.pubs[s.pubIndex("solving-hidden-monotone-variational-inequalities")].path},
	} {
		t.Run(pg.name, func(t *testing.T) {
			report := filepath.Join(out, pg.name+".json")
			cmd := exec.Command(lh, srv.URL+"/"+pg.path,
				"--output=json", "--output-path="+report, "--quiet",
				"--only-categories=seo,accessibility",
				"--chrome-flags=--headless=new --no-sandbox --disable-gpu")
			cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("lighthouse: %v\n%s", err, b)
			}
			var r struct {
				Categories map[string]struct {
					Score     *float64
					AuditRefs []struct{ ID string }
				}
				Audits map[string]struct {
					Title string
					Score *float64
				}
			}
			if err := json.Unmarshal([]byte(read(t, report)), &r); err != nil {
				t.Fatal(err)
			}
			for cat, min := range map[string]float64{"seo": 1, "accessibility": 0.95} {
				c, ok := r.Categories[cat]
				if !ok || c.Score == nil {
					t.Fatalf("no %s score", cat)
				}
				t.Logf("%s: %s %.0f", pg.name, cat, *c.Score*100)
				if *c.Score < min {
					var failed []string
					for _, ref := range c.AuditRefs {
						if a := r.Audits[ref.ID]; a.Score != nil && *a.Score < 1 {
							failed = append(failed, ref.ID+" ("+a.Title+")")
						}
					}
					t.Errorf("%s score %.0f, want at least %.0f; failed audits: %s", cat, *c.Score*100, min*100, strings.Join(failed, "; "))
				}
			}
		})
	}
}

// htmlValidateConfig is strict: html-validate's recommended rules, with
// the document rules.
//
// require-sri asks for a subresource integrity on resources of other
// origins only, which is what it guards against: on the site's own
// style.css it would keep Chromium from loading the sheet when the site is
// opened from the disk.
const htmlValidateConfig = `{
  "extends": ["html-validate:recommended", "html-validate:document"],
  "rules": {"require-sri": ["error", {"target": "crossorigin"}]}
}`

// TestHTMLValidate runs html-validate on every page of the example's site
// and of the hostile dataset's site. $HTML_VALIDATE names the command.
func TestHTMLValidate(t *testing.T) {
	hv := tool.Need(t, "HTML_VALIDATE", "npm html-validate", "html-validate")
	config := filepath.Join(t.TempDir(), "htmlvalidate.json")
	if err := os.WriteFile(config, []byte(htmlValidateConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, dir := range map[string]string{
		"example": build(t, loadSeed(t), Options{}),
		"hostile": build(t, hostileDataset(t), Options{}),
	} {
		t.Run(name, func(t *testing.T) {
			var pages []string
			for _, f := range mustFiles(t, dir) {
				if strings.HasSuffix(f, ".html") {
					pages = append(pages, filepath.Join(dir, f))
				}
			}
			cmd := exec.Command(hv, append([]string{"--config", config, "--formatter", "text"}, pages...)...)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("html-validate: %v\n%s", err, b)
			}
		})
	}
}
