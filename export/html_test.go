package export_test

import (
	"bytes"
	"encoding/json"
	"html/template"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/validate"
)

// hostile is text that would break out of a script element, a comment, a
// JSON string or a JavaScript string if written as it is.
const hostile = "</script><script>alert(1)</script> <!-- --> <![CDATA[ ]]> \" ' \\ ` & &amp; < > \u2028 \u2029 \"\"\" \n line"

// notText are the string fields that hold ids, references, URLs or codes,
// not free text.
var notText = map[string]bool{
	"ID": true, "Ref": true, "Organization": true, "Parent": true, "Institution": true,
	"VersionOf": true, "URL": true, "PageURL": true, "Homepage": true, "Image": true, "Concept": true, "Country": true,
	"GoogleScholar": true, "DBLP": true, "SemanticScholar": true, "OpenReview": true, "Scopus": true,
	"ResearcherID": true, "Emails": true, "Countries": true, "Scheme": true,
}

// poison sets every free-text string field below v to hostile text.
func poison(v reflect.Value, field string) {
	switch v.Kind() {
	case reflect.Pointer:
		poison(v.Elem(), field)
	case reflect.Struct:
		for i := range v.NumField() {
			poison(v.Field(i), v.Type().Field(i).Name)
		}
	case reflect.Slice:
		for i := range v.Len() {
			poison(v.Index(i), field)
		}
	case reflect.String:
		if v.Type() == reflect.TypeFor[string]() && !notText[field] && v.CanSet() {
			v.SetString(hostile + " " + field)
		}
	}
}

func hostileDataset(t *testing.T) *dataset.Dataset {
	t.Helper()
	d, err := validate.Check(dataset.Load("../validate/testdata/ada.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	poison(reflect.ValueOf(d), "")
	if err := validate.Dataset(d); err != nil {
		t.Fatalf("hostile text should still be valid: %v", err)
	}
	if !strings.HasPrefix(d.People[0].Name.Display, "</script>") || !strings.HasPrefix(d.Publications[0].Venue.Name, "</script>") {
		t.Fatal("poison did not reach the text fields")
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
	if got := doc.Graph[1]["name"]; got != hostile+" Display" {
		t.Errorf("name read back = %q, want the hostile text", got)
	}
	canonical(t, jsonldDataset(t, []byte(body))) // json-gold reads it

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
	fromJSONLD := canonical(t, jsonldDataset(t, encode(t, d, "jsonld")))
	fromTurtle := canonical(t, knakkDataset(decodeRDF(t, encode(t, d, "ttl"), rdfTurtle)))
	fromNT := canonical(t, knakkDataset(decodeRDF(t, encode(t, d, "nt"), rdfNTriples)))
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
