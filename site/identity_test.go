package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"

	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/ldtest"
)

// TestSameIRIs checks that the dump and the site of one dataset with one
// base name every record alike: each node that a page of the site names
// under the base, or types, is a node of the dump with that type. (The
// dump once named people …/people/id#person and the site
// …/people/id/#person.)
func TestSameIRIs(t *testing.T) {
	const base = "https://research.example.edu/"
	d := loadSeed(t)
	dir := build(t, d, Options{Base: base})

	nt, err := export.Lookup("nt")
	if err != nil {
		t.Fatal(err)
	}
	var dump bytes.Buffer
	if _, err := export.Write(&dump, nt, d, export.Options{Base: base, Validated: true}); err != nil {
		t.Fatal(err)
	}
	triples, err := rdf.NewTripleDecoder(&dump, rdf.NTriples).DecodeAll()
	if err != nil {
		t.Fatalf("knakk/rdf cannot read the dump: %v", err)
	}
	const rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	typed := map[string]bool{}    // subject + " " + class, in the dump
	subjects := map[string]bool{} // every IRI subject of the dump
	for _, tr := range triples {
		if tr.Subj.Type() != rdf.TermIRI {
			continue
		}
		subjects[tr.Subj.String()] = true
		if tr.Pred.String() == rdfType {
			typed[tr.Subj.String()+" "+tr.Obj.String()] = true
		}
	}

	checked := 0
	err = filepath.WalkDir(dir, func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		var docs [][]byte
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		switch filepath.Ext(name) {
		case ".jsonld":
			docs = append(docs, data)
		case ".html":
			for rest := string(data); ; {
				_, after, ok := strings.Cut(rest, `<script type="application/ld+json">`)
				if !ok {
					break
				}
				script, tail, _ := strings.Cut(after, "</script>")
				docs = append(docs, []byte(script))
				rest = tail
			}
		}
		rel, _ := filepath.Rel(dir, name)
		for _, doc := range docs {
			for _, q := range ldtest.Dataset(t, doc).GetQuads("@default") {
				s, ok := q.Subject.(ld.IRI)
				if !ok {
					continue
				}
				if q.Predicate.GetValue() == rdfType && !strings.HasSuffix(q.Object.GetValue(), "Page") {
					// (A page, ProfilePage or WebPage, is the site's own;
					// the dump describes what pages are about.)
					if !typed[s.Value+" "+q.Object.GetValue()] {
						t.Errorf("%s: <%s> a <%s>, which the dump does not say", rel, s.Value, q.Object.GetValue())
					}
					checked++
				}
				for _, iri := range []ld.Node{q.Subject, q.Object} {
					v, ok := iri.(ld.IRI)
					if !ok || !strings.HasPrefix(v.Value, base) {
						continue
					}
					// Every record the page names under the base is in the
					// dump; the pages themselves (no fragment) are the
					// site's own.
					if strings.Contains(v.Value, "#") && !subjects[v.Value] {
						t.Errorf("%s: <%s> is not a node of the dump", rel, v.Value)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d typed nodes in the site's pages: the test read too little", checked)
	}
}

// TestPersonScriptIsExports checks that the JSON-LD a person's page embeds
// is the lean profile document of package export (ProfileJSONLD without
// FullProfile) for the same base and patterns: one mapping, which a Go web
// page that embeds export's snippet shares with the site.
func TestPersonScriptIsExports(t *testing.T) {
	d := loadSeed(t)
	for _, opts := range []Options{
		{Base: "https://research.example.edu/"},
		{Base: "https://www.example.edu/lab/", PersonPath: "people/{id}.html", PublicationPath: "papers/{id}.html"},
	} {
		s, err := New(d, opts)
		if err != nil {
			t.Fatal(err)
		}
		dir := build(t, d, opts)
		eo := s.ExportOptions()
		eo.FullProfile = false
		for i, p := range d.People {
			page := read(t, filepath.Join(dir, filepath.FromSlash(s.people[i].file)))
			_, after, ok := strings.Cut(page, `<script type="application/ld+json">`)
			script, _, ok2 := strings.Cut(after, "</script>")
			if !ok || !ok2 {
				t.Fatalf("%s: no JSON-LD script in the page", s.people[i].file)
			}
			doc, err := export.ProfileJSONLD(d, p.ID, eo)
			if err != nil {
				t.Fatal(err)
			}
			want := ldtest.Canonical(t, ldtest.Dataset(t, doc))
			if diff := cmp.Diff(want, ldtest.Canonical(t, ldtest.Dataset(t, []byte(script)))); diff != "" {
				t.Errorf("%s%s: the page's JSON-LD is not export's lean profile (-export +page):\n%s", opts.Base, s.people[i].path, diff)
			}
		}
	}
}
