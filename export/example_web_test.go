package export_test

import (
	"fmt"
	"html/template"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/validate"
)

// A profile page served over HTTP, with its linked data in the head: the
// dataset is loaded and validated once, and each request makes the script
// element of one person with ProfileScript. It holds the lean profile, the
// one the person pages of package site embed, which rich-results
// validators accept as it is.
func ExampleProfileScript() {
	d, err := validate.Check(seed.Load()) // loaded and validated once
	if err != nil {
		fmt.Println(err)
		return
	}
	opts := export.Options{
		Base:       "https://www.example.edu/",
		PersonPath: "people/{id}", // pages without a final slash
		Validated:  true,
	}
	page := template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html><head><title>{{.ID}}</title>
{{.LinkedData}}</head>
<body><h1>{{.ID}}</h1></body></html>
`))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		script, err := export.ProfileScript(d, id, opts)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		page.Execute(w, struct {
			ID         string
			LinkedData template.HTML
		}{id, script})
	})

	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/ioannis-mitliagkas", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	for line := range strings.Lines(rec.Body.String()) {
		// The HTML, and the @id of the first two nodes: the page and the person.
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "<") || strings.HasPrefix(line, `"@id": "https://www.example.edu/people/`) {
			fmt.Println(line)
		}
	}
	// Output:
	// 200 text/html; charset=utf-8
	// <!DOCTYPE html>
	// <html><head><title>ioannis-mitliagkas</title>
	// <script type="application/ld+json">
	// "@id": "https://www.example.edu/people/ioannis-mitliagkas",
	// "@id": "https://www.example.edu/people/ioannis-mitliagkas#person",
	// </script>
	// </head>
	// <body><h1>ioannis-mitliagkas</h1></body></html>
}

// The profile document of a person is lean by default, what a web page
// embeds; Options.FullProfile asks for everything the dump says of them,
// the VIVO-ISF advising relationships among it.
func ExampleOptions_fullProfile() {
	d, err := validate.Check(seed.Load())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, full := range []bool{false, true} {
		doc, err := export.ProfileJSONLD(d, "ioannis-mitliagkas", export.Options{Validated: true, FullProfile: full})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("FullProfile %v: %d advising relationships\n", full, strings.Count(string(doc), "AdvisingRelationship"))
	}
	// Output:
	// FullProfile false: 0 advising relationships
	// FullProfile true: 15 advising relationships
}
