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
	"testing"

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

// Options returns json-gold's options of the tests: JSON-LD 1.1, the
// offline Loader, and URDNA2015 canonical N-Quads out.
func Options() *ld.JsonLdOptions {
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = Loader()
	opts.Algorithm = ld.AlgorithmURDNA2015
	opts.Format = "application/n-quads"
	opts.ProcessingMode = ld.JsonLd_1_1
	return opts
}

// Dataset reads a JSON-LD document into an RDF dataset with json-gold.
func Dataset(t testing.TB, jsonld []byte) *ld.RDFDataset {
	t.Helper()
	var doc any
	if err := json.Unmarshal(jsonld, &doc); err != nil {
		t.Fatalf("JSON-LD is not JSON: %v", err)
	}
	opts := Options()
	opts.Format = ""
	out, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		t.Fatalf("json-gold ToRDF: %v", err)
	}
	return out.(*ld.RDFDataset)
}

// Canonical returns the URDNA2015 canonical N-Quads of a dataset: blank
// nodes relabelled, statements sorted, so that two graphs are the same
// exactly when their Canonical strings are.
func Canonical(t testing.TB, ds *ld.RDFDataset) string {
	t.Helper()
	out, err := ld.NewJsonLdApi().Normalize(ds, Options())
	if err != nil {
		t.Fatalf("json-gold Normalize: %v", err)
	}
	return out.(string)
}
