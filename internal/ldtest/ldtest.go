// Package ldtest is the JSON-LD side of the tests that read back what the
// writers write with json-gold, the independent JSON-LD processor:
// schema.org's context, and a document loader that serves it offline.
// Only tests import it.
package ldtest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/piprate/json-gold/ld"
)

// Context is schema.org's JSON-LD context, release 30.0, unchanged (see
// schemaorg-30.0-context.LICENSE).
//
//go:embed schemaorg-30.0-context.jsonld
var Context []byte

// context is Context decoded, once.
var context = sync.OnceValues(func() (any, error) {
	var doc any
	err := json.Unmarshal(Context, &doc)
	return doc, err
})

// Loader returns a document loader that serves the schema.org context for
// every name it goes by and refuses every other document, so that no test
// touches the network.
func Loader() ld.DocumentLoader {
	doc, err := context()
	if err != nil {
		panic(err) // the embedded file is not JSON: every test says so
	}
	l := ld.NewCachingDocumentLoader(refuse{})
	for _, u := range []string{"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"} {
		l.AddDocument(u, doc)
	}
	return l
}

type refuse struct{}

func (refuse) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, fmt.Errorf("test: no network: refusing to load %s", u)
}
