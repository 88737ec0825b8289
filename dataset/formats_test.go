package dataset_test

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/scholarld/scholarld/biblio"
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/source"
)

const bibEntry = "@article{a, author = {Doe, Jane}, title = {T}, journal = {J}, year = 2020}\n"

// TestZeroLoaderBibTeX checks that the zero Loader, which lists no format,
// reads YAML and JSON only, whatever the program links (this test links
// package biblio): it does not take a .bib file for BibTeX, skips it in a
// directory, and says why it cannot read one named.
func TestZeroLoaderBibTeX(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"d/refs.bib":    {Data: []byte(bibEntry)},
		"d/people.yaml": {Data: []byte("people:\n  - id: a\n    name: {display: A}\n")},
	}
	var zero dataset.Loader
	if f := zero.Detect(dataset.Document{Name: "refs.bib", Data: []byte(bibEntry)}); f.Name != dataset.YAML().Name {
		t.Errorf("zero Loader: Detect(refs.bib) = %q, want %q", f.Name, dataset.YAML().Name)
	}

	zero.FS = fsys
	files, err := zero.Files("d")
	if err != nil || len(files) != 1 || files[0] != "d/people.yaml" {
		t.Errorf("zero Loader: Files(d) = %q, %v; want only d/people.yaml", files, err)
	}
	d, err := zero.Load("d/refs.bib")
	list, _ := errors.AsType[source.ErrorList](err)
	if !errors.Is(err, dataset.ErrUnknownFormat) || !errors.Is(err, source.ErrSyntax) || list[0].Pos.File != "d/refs.bib" {
		t.Errorf("zero Loader: Load(d/refs.bib) = %v; want an error at d/refs.bib wrapping ErrUnknownFormat, then the syntax error", err)
	}
	if d != nil && d.Len() != 0 {
		t.Errorf("zero Loader: Load(d/refs.bib) read %d records", d.Len())
	}

	bib := dataset.Loader{FS: fsys, Formats: []dataset.Format{biblio.BibTeX()}}
	if f := bib.Detect(dataset.Document{Name: "refs.bib", Data: []byte(bibEntry)}); f.Name != "bibtex" {
		t.Errorf("BibTeX Loader: Detect(refs.bib) = %q, want bibtex", f.Name)
	}
	d, err = bib.Load("d")
	if err != nil || len(d.Publications) != 1 || len(d.People) != 1 {
		t.Errorf("BibTeX Loader: Load(d) = %v, %v; want the entry and the person", d, err)
	}
}

// TestDetectOrder checks that a Loader tries its formats in order, then
// YAML and JSON, and that Detect gives the one element of Formats for every
// document of its format, as grouping documents by format needs.
func TestDetectOrder(t *testing.T) {
	t.Parallel()
	prefix := func(name, p string) dataset.Format {
		return dataset.Format{Name: name, Match: func(doc dataset.Document) bool {
			return len(doc.Data) >= len(p) && string(doc.Data[:len(p)]) == p
		}}
	}
	l := dataset.Loader{Formats: []dataset.Format{prefix("ab", "ab"), prefix("a", "a"), {Name: "no match"}}}
	tests := []struct{ data, want string }{
		{"abc", "ab"},
		{"acb", "a"},
		{"people: []", "yaml"},
	}
	for _, tc := range tests {
		f := l.Detect(dataset.Document{Name: "x", Data: []byte(tc.data)})
		if f.Name != tc.want {
			t.Errorf("Detect(%q) = %q, want %q", tc.data, f.Name, tc.want)
		}
	}
	one := l.Detect(dataset.Document{Data: []byte("abc")})
	two := l.Detect(dataset.Document{Data: []byte("abd")})
	if one != two || one != &l.Formats[0] {
		t.Errorf("Detect gave %p and %p for two documents of one format, want %p", one, two, &l.Formats[0])
	}
}
