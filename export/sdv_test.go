package export_test

import (
	"html/template"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/sdvtest"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
)

// pageTemplate is the smallest page a Go web server would put the snippet
// of ProfileScript in.
var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Name}}</title>
{{.Script}}</head>
<body><h1>{{.Name}}</h1></body>
</html>
`))

// TestProfileScriptStructuredData runs a rich-results validator (Adobe's
// structured-data validator, see package sdvtest) on the snippet that
// ProfileScript gives for every person of the example, of the generated
// institute (200 people) and of the hostile dataset, each in the head of a
// minimal page made with html/template. The default snippet, the lean
// profile, must draw no error and no warning. The full one
// (Options.FullProfile) may draw only those docs/site.md explains (see
// explained): its VIVO-ISF advising relationships and schema.org Roles.
// $SDV_DIR names the directory of the validator's node_modules.
func TestProfileScriptStructuredData(t *testing.T) {
	v := sdvtest.New(t)
	datasets := synthtest.Datasets(t)
	datasets["hostile"] = hostileDataset(t)
	for _, name := range slices.Sorted(maps.Keys(datasets)) {
		for _, full := range []bool{false, true} {
			doc := "lean"
			if full {
				doc = "full"
			}
			t.Run(name+"/"+doc, func(t *testing.T) {
				pages := profilePages(t, datasets[name], export.Options{FullProfile: full})
				items := 0
				reasons := map[string]int{}
				for _, r := range v.Check(t, pages) {
					for _, i := range r.Issues {
						why := ""
						if full {
							why = explained(i)
						}
						if why == "" {
							t.Errorf("%s: %v", filepath.Base(r.File), i)
						}
						reasons[i.Severity+" "+why]++
					}
					if !slices.Contains(r.Items, "ProfilePage") || !slices.Contains(r.Items, "Person") {
						t.Errorf("%s: items %v, want a ProfilePage and a Person", filepath.Base(r.File), r.Items)
					}
					items += len(r.Items)
				}
				t.Logf("%d pages, %d items, issues: %v", len(pages), items, reasons)
			})
		}
	}
}

// profilePages writes, in a temporary directory, a page holding the
// snippet ProfileScript gives with opts for each person of d (the html
// document of Writer.WritePerson, the same, as TestHTMLSameGraph checks),
// and returns their files.
func profilePages(t *testing.T, d *dataset.Dataset, opts export.Options) []string {
	t.Helper()
	wr, err := export.NewWriter(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var pages []string
	for _, p := range d.People {
		script := template.HTML(personDoc(t, wr, "html", p.ID))
		page := filepath.Join(dir, p.ID+".html")
		f, err := os.Create(page)
		if err != nil {
			t.Fatal(err)
		}
		err = pageTemplate.Execute(f, struct {
			Name   string
			Script template.HTML
		}{p.Name.Display, script})
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, page)
	}
	return pages
}

// explained returns why the validator reports i on the full profile
// document (Options.FullProfile), in the words of docs/site.md
// ("Structured data"), or "" if nothing explains it. None of them may
// occur in the lean document, the default.
func explained(i sdvtest.Issue) string {
	node := i.Node()
	field := ""
	if len(i.FieldNames) == 1 {
		field = i.FieldNames[0]
	}
	switch {
	case i.Severity == "ERROR" && field == "@type" && len(node.Types()) > 0 && !slices.ContainsFunc(node.Types(), notVIVO):
		return "VIVO-ISF class"
	case i.Severity == "ERROR" && field == "@type" && node.Property == "vivo:dateTime" && slices.Equal(node.Types(), []string{"http://www.w3.org/2001/XMLSchema#dateTime"}):
		return "VIVO-ISF date, an xsd:dateTime literal read as a node"
	case i.Severity == "WARNING" && field != "" && !notVIVO(field):
		return "VIVO-ISF property"
	case i.Severity == "WARNING" && field != "" && field == node.Property && slices.ContainsFunc(node.Types(), isRole):
		return "Role pattern"
	}
	return ""
}

// notVIVO reports whether a class or property is not one of VIVO-ISF's or
// scholarld's own (the prefixes of the JSON-LD context: vivo, obo, sld).
func notVIVO(term string) bool {
	for _, prefix := range []string{"vivo:", "obo:", "sld:"} {
		if strings.HasPrefix(term, prefix) {
			return false
		}
	}
	return true
}

// isRole reports whether class is schema.org's Role or one of its
// subclasses the mapping uses.
func isRole(class string) bool {
	return class == "Role" || class == "OrganizationRole" || class == "EmployeeRole"
}
