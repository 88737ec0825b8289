package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/orcid/api"
)

// Fetch a record and its works, then import them. The server here stands
// in for ORCID's public API and serves ORCID's sample record; with no
// BaseURL, the client asks https://pub.orcid.org/v3.0/.
func ExampleClient_Fetch() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v3.0/8888-8888-8888-8880/record" {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, "testdata/record-3.0.xml")
	}))
	defer srv.Close()

	c := &api.Client{
		BaseURL: srv.URL + "/v3.0/",
		Contact: "mailto:ada@example.org", // so that ORCID can reach you
	}
	docs, err := c.Fetch(context.Background(), "https://orcid.org/8888-8888-8888-8880")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, doc := range docs {
		fmt.Println(doc.Name)
	}
	d, err := orcid.Read(docs...)
	if err != nil {
		fmt.Println(err)
		return
	}
	p := d.People[0]
	fmt.Println(p.Name.Display, p.Identifiers.ORCID)

	// Errors wrap sentinels such as ErrNotFound.
	_, err = c.Record(context.Background(), "0000-0002-1825-0097")
	fmt.Println(errors.Is(err, api.ErrNotFound))
	// Output:
	// orcid:8888-8888-8888-8880/record.xml
	// credit-name 8888-8888-8888-8880
	// true
}
