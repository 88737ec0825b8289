package resolve_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/scholarld/scholarld/resolve"
)

// Fetch the record of a DOI. The server here stands in for doi.org and
// Crossref's REST API, and serves a real Crossref record; with no base
// URLs, the client asks https://doi.org/ and https://api.crossref.org/.
func ExampleClient_Fetch() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ra/10.7554/elife.01567", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `[{"DOI": "10.7554/elife.01567", "RA": "Crossref"}]`)
	})
	mux.HandleFunc("GET /works/10.7554/elife.01567", func(w http.ResponseWriter, r *http.Request) {
		message, err := os.ReadFile("testdata/crossref/10.7554_elife.01567.json")
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(w, `{"status":"ok","message-type":"work","message":%s}`, message)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c := &resolve.Client{
		DOIBaseURL:  srv.URL,
		CrossrefURL: srv.URL,
		Mailto:      "ada@example.org", // so that Crossref can reach you
	}
	docs, err := c.Fetch(context.Background(), "https://doi.org/10.7554/elife.01567")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, doc := range docs {
		// The name says where the document came from: here, the test
		// server's address; by default, api.crossref.org.
		fmt.Println(strings.Replace(doc.Name, srv.Listener.Addr().String(), "api.crossref.org", 1))
		fmt.Println(strings.Contains(string(doc.Data), `"message-type":"work"`))
	}

	// Errors wrap sentinels such as ErrNotFound.
	_, err = c.Fetch(context.Background(), "doi:10.7554/elife.99999")
	fmt.Println(errors.Is(err, resolve.ErrNotFound))
	// Output:
	// doi:10.7554/elife.01567 (api.crossref.org)
	// true
	// true
}
