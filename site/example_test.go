package site_test

import (
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/site"
)

// Example plans the site of the embedded example and lists its pages; Write
// would write them all to a directory, and WriteFile writes one, as a
// server does.
func Example() {
	d, err := dataset.Merge(dataset.Loader{FS: seed.FS}.Load("."))
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := site.New(d, site.Options{Base: "https://lab.example.org/"})
	if err != nil {
		fmt.Println(err)
		return
	}
	page, _ := s.PersonPath("ioannis-mitliagkas")
	fmt.Println(page)
	if strings.HasSuffix(page, "/") {
		page += "index.html" // a directory's page
	}
	var b strings.Builder
	if err := s.WriteFile(&b, page); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(b.String(), `<script type="application/ld+json">`))
	pages := 0
	for _, f := range s.Files() {
		if strings.HasSuffix(f, ".html") {
			pages++
		}
	}
	fmt.Println(pages, "pages")
	// Output:
	// people/ioannis-mitliagkas/
	// true
	// 14 pages
}
