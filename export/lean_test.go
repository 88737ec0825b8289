package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
)

// TestLeanPeopleNamed checks the default profile document of every person
// of the example, the generated institute and the hostile dataset: every
// node typed Person has a name, and every node it refers to by @id alone
// is described in the document, so a reader of the page finds every
// person named there. The full documents of the generated institute
// (Options.FullProfile), which refer to colleagues by IRI alone, must fail
// the same check: it can tell the two apart.
func TestLeanPeopleNamed(t *testing.T) {
	datasets := synthtest.Datasets(t)
	datasets["hostile"] = hostileDataset(t)
	for _, name := range slices.Sorted(maps.Keys(datasets)) {
		t.Run(name, func(t *testing.T) {
			d := datasets[name]
			wr, err := export.NewWriter(d, export.Options{})
			if err != nil {
				t.Fatal(err)
			}
			people := 0
			for _, p := range d.People {
				doc := personDoc(t, wr, "jsonld", p.ID)
				n, problems := unnamedPeople(t, doc)
				for _, problem := range problems {
					t.Errorf("%s: %s", p.ID, problem)
				}
				people += n
			}
			t.Logf("%d profiles, %d Person nodes, all named", len(d.People), people)
		})
	}
	t.Run("full", func(t *testing.T) {
		d := datasets["generated"]
		wr, err := export.NewWriter(d, export.Options{FullProfile: true})
		if err != nil {
			t.Fatal(err)
		}
		people := 0
		for _, p := range d.People {
			doc := personDoc(t, wr, "jsonld", p.ID)
			_, problems := unnamedPeople(t, doc)
			if slices.ContainsFunc(problems, func(s string) bool { return strings.Contains(s, "#person") }) {
				people++
			}
		}
		if people == 0 {
			t.Error("no full profile of the generated institute refers to a person it does not name: the check cannot tell the full document from the lean one")
		}
		t.Logf("%d of %d full profiles refer to a person they do not name", people, len(d.People))
	})
}

// unnamedPeople reads a JSON-LD document of compact form and returns the
// number of nodes typed Person in it, and what is wrong: a Person node
// without a name, or a node referred to by @id that the document does not
// describe.
func unnamedPeople(t *testing.T, doc []byte) (int, []string) {
	t.Helper()
	var top struct {
		Graph []any `json:"@graph"`
	}
	if err := json.Unmarshal(doc, &top); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	described := map[string]bool{}
	var refs []string
	var problems []string
	people := 0
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			id, _ := v["@id"].(string)
			if len(v) == 1 && id != "" {
				refs = append(refs, id)
				return
			}
			if id != "" {
				described[id] = true
			}
			if isPerson(v["@type"]) {
				people++
				if name, _ := v["name"].(string); name == "" {
					problems = append(problems, fmt.Sprintf("Person %q has no name", id))
				}
			}
			for k, e := range v {
				if k != "@context" {
					walk(e)
				}
			}
		}
	}
	walk(top.Graph)
	for _, id := range refs {
		if !described[id] {
			problems = append(problems, fmt.Sprintf("%s is referred to but not described", id))
		}
	}
	return people, problems
}

// isPerson reports whether a value of @type is or holds "Person".
func isPerson(types any) bool {
	switch ts := types.(type) {
	case string:
		return ts == "Person"
	case []any:
		return slices.Contains(ts, any("Person"))
	}
	return false
}

// personDoc returns the document of the person id in the format called
// format, as wr.WritePerson writes it.
func personDoc(t *testing.T, wr *export.Writer, format, id string) []byte {
	t.Helper()
	f, err := export.Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wr.WritePerson(&buf, f, id); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
