package serve_test

import (
	"bufio"
	"fmt"
	"net/http/httptest"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/serve"
	"github.com/scholarld/scholarld/site"
)

// A linked-data client and a browser ask for the same URL and get the
// same resource, in Turtle and in HTML.
func Example() {
	load := func() (*dataset.Dataset, error) { return (&dataset.Loader{FS: seed.FS}).Load(".") }
	h, err := serve.New(load, serve.Options{Site: site.Options{Base: "https://research.example.edu/"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, accept := range []string{"text/turtle", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "image/png"} {
		r := httptest.NewRequest("GET", "/people/ioannis-mitliagkas/", nil)
		r.Header.Set("Accept", accept)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Println(w.Code, w.Header().Get("Content-Type"), w.Header().Get("Vary"))
		if accept == "text/turtle" {
			sc := bufio.NewScanner(w.Body)
			for sc.Scan() {
				if line := sc.Text(); len(line) > 0 && line[0] == '<' {
					fmt.Println(line)
					break
				}
			}
		}
	}
	// Output:
	// 200 text/turtle; charset=utf-8 Accept, Accept-Encoding
	// <https://research.example.edu/people/ioannis-mitliagkas/> a schema:ProfilePage ;
	// 200 text/html; charset=utf-8 Accept, Accept-Encoding
	// 406 text/plain; charset=utf-8 Accept, Accept-Encoding
}
