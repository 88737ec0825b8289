package export_test

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/hostile"
	"github.com/scholarld/scholarld/internal/ldtest"
)

func hostileDataset(t *testing.T) *dataset.Dataset {
	t.Helper()
	d, err := hostile.Dataset("../validate/testdata/ada.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestScriptInert checks that the HTML snippet stays one inert script
// element whatever the text fields hold, that its JSON reads back to the
// same text, and that it works in html/template.
func TestScriptInert(t *testing.T) {
	d := hostileDataset(t)
	script, err := export.ProfileScript(d, "ada-lovelace", export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	snippet := string(script)
	const open, end = `<script type="application/ld+json">` + "\n", "</script>\n"
	body, ok := strings.CutPrefix(snippet, open)
	body, ok2 := strings.CutSuffix(body, end)
	if !ok || !ok2 {
		t.Fatalf("snippet is not one script element:\n%s", snippet)
	}
	for _, bad := range []string{"<", ">", "&", "\u2028", "\u2029"} {
		if strings.Contains(body, bad) {
			t.Errorf("the script's content holds %q", bad)
		}
	}
	var doc struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatalf("script content is not JSON: %v", err)
	}
	if got := doc.Graph[1]["name"]; got != hostile.Text+" Display" {
		t.Errorf("name read back = %q, want the hostile text", got)
	}
	ldtest.Canonical(t, ldtest.Dataset(t, []byte(body))) // json-gold reads it

	page := template.Must(template.New("page").Parse("<html><head>{{.}}</head><body><p>x</p></body></html>"))
	var out bytes.Buffer
	if err := page.Execute(&out, template.HTML(snippet)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), snippet) || strings.Count(strings.ToLower(out.String()), "</script") != 1 {
		t.Errorf("html/template page does not hold the snippet as one script element:\n%s", out.String())
	}
}

// TestHostileRoundTrip checks that hostile text survives every format as
// the same graph.
func TestHostileRoundTrip(t *testing.T) {
	d := hostileDataset(t)
	fromJSONLD := ldtest.Canonical(t, ldtest.Dataset(t, encode(t, d, "jsonld")))
	fromTurtle := ldtest.Canonical(t, knakkDataset(decodeRDF(t, encode(t, d, "ttl"), rdfTurtle)))
	fromNT := ldtest.Canonical(t, knakkDataset(decodeRDF(t, encode(t, d, "nt"), rdfNTriples)))
	if diff := cmp.Diff(fromTurtle, fromJSONLD); diff != "" {
		t.Errorf("JSON-LD and Turtle disagree on hostile text (-turtle +jsonld):\n%s", diff)
	}
	if diff := cmp.Diff(fromTurtle, fromNT); diff != "" {
		t.Errorf("N-Triples and Turtle disagree on hostile text (-turtle +ntriples):\n%s", diff)
	}
	if !strings.Contains(fromTurtle, `\"\"\"`) {
		t.Error("the hostile text did not reach the graph")
	}
}
