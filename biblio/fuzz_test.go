package biblio_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/biblio"
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// addFiles adds the files matching pattern to f's seed corpus.
func addFiles(f *testing.F, pattern string) {
	files, _ := filepath.Glob(pattern)
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkRead checks what a reader made of data: a source.ErrorList or no
// error, no author without a name, iDs in canonical form, and every
// record's Origin at the start of its entry or item (an @ or a {) in the
// file.
func checkRead(t *testing.T, name string, data []byte, d *dataset.Dataset, err error, start string) {
	t.Helper()
	if _, ok := errors.AsType[source.ErrorList](err); err != nil && !ok {
		t.Fatalf("error %v is not a source.ErrorList", err)
	}
	if d == nil {
		if err == nil {
			t.Fatal("no dataset and no error")
		}
		return
	}
	for i, p := range d.Publications {
		for j, a := range p.Authors {
			if a.Name == "" {
				t.Errorf("%s: author %d has no name: %+v", p.ID, j, a)
			}
			if a.ORCID != "" {
				if id, err := profile.ParseORCID(string(a.ORCID)); err != nil || id != a.ORCID {
					t.Errorf("%s: author %d: ORCID iD %q not canonical: %v", p.ID, j, a.ORCID, err)
				}
			}
		}
		o := p.Origin
		if o.Name() != name || o.Index != i || !strings.HasPrefix(at(data, o.Pos), start) {
			t.Errorf("%s: origin %+v, where the text is %.20q, want %s in %s, index %d", p.ID, o, at(data, o.Pos), start, name, i)
		}
	}
}

// writeAll writes d in every format: it must not fail.
func writeAll(t *testing.T, d *dataset.Dataset) []byte {
	t.Helper()
	var bib, csl, ris bytes.Buffer
	if err := errors.Join(biblio.WriteBibTeX(&bib, d), biblio.WriteCSLJSON(&csl, d), biblio.WriteRIS(&ris, d)); err != nil {
		t.Fatal(err)
	}
	return bib.Bytes()
}

// FuzzReadBibTeX reads any input as BibTeX: an error is fine, a panic, a
// nameless author or a record without its position is not; what is read
// is written in every format, and the BibTeX written is read again.
func FuzzReadBibTeX(f *testing.F) {
	addFiles(f, "testdata/corpus/*.bib")
	addFiles(f, "testdata/*.bib")
	addFiles(f, "testdata/merge/*.bib")
	for _, s := range []string{
		"@misc{a, author={A and others}, author+an:orcid={1=\"0000-0002-1825-0097\"; 2:family=x; =y; 99=\"z\"; 0=w; x=; ;}, title={T}}",
		"@misc{a, author={A and B}, author+an:orcid={1=0000-0002-1825-0097,0000-0001-5109-3700; 2=\"\"}, title={T}}",
		"@article{b, author={Kc, D. and Kc, E. and {\\\"O}z, {\\\"U}}, ORCID-Numbers={Kc, D./0000-0002-1825-0097\n Kc,\n E./bad; /x; y; Oz, U/https://orcid.org/0000-0001-5109-3700}, title={T}}",
		"@misc{c, author={A and B and others}, orcid={0000-0002-1825-0097 and , ; 0000-0001-5109-3700}, title={T}}",
		"@misc{d, author={ and ~ and {} and others and {others} and Others}, title={T}}",
		"@misc{e, author={others}, title={T}}",
		"@misc{f, author={,, and , and {o}thers}, title={T}}",
		"\r\n@misc{g, author={Ä and others}, title={T}} @misc{h, author={B}, title={T}}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := biblio.ReadBibTeX("f.bib", data)
		checkRead(t, "f.bib", data, d, err, "@")
		if d == nil {
			return
		}
		bib := writeAll(t, d)
		again, err := biblio.ReadBibTeX("again.bib", bib)
		checkRead(t, "again.bib", bib, again, err, "@")
	})
}

// FuzzReadCSLJSON reads any input as CSL-JSON, as FuzzReadBibTeX does.
func FuzzReadCSLJSON(f *testing.F) {
	for _, s := range []string{
		`[{"id": "a", "type": "book", "title": "T", "author": [{"family": "A", "ORCID": "http://orcid.org/0000-0002-1825-0097", "sequence": "first"}, {}, {"literal": "others"}]}]`,
		`[{"id": "", "type": "book", "title": "T", "author": [{"literal": "others"}, {"given": "B", "ORCID": "x"}, {"suffix": "Jr."}]}, 1, {}]`,
		`[{"id": "a", "author": [{"family": "A", "affiliation": [{"name": "U"}], "_orcid": "0000-0002-1825-0097"}], "title": "T"}, {"id": "a", "title": "T", "author": [{"literal": "A"}]}]`,
		"[\r\n{\"id\": \"é\", \"title\": \"T\", \"author\": [{\"literal\": \"Ü\"}]},{\"id\": \"b\", \"title\": \"T\", \"author\": [{\"literal\": \"B\"}]}]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := biblio.ReadCSLJSON("f.json", data)
		checkRead(t, "f.json", data, d, err, "{")
		if d != nil {
			writeAll(t, d)
		}
	})
}

// modelText reports whether s is text the model holds (what validate's
// text rule allows: UTF-8 without control characters but tab and line
// feed), with a letter or digit, so that it is not blank.
func modelText(s string) bool {
	if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
		return false
	}
	letter := false
	for _, r := range s {
		if r != '\n' && r != '\t' && unicode.IsControl(r) || r == '\u00a0' {
			return false
		}
		letter = letter || unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return letter
}

// FuzzWriteBibTeX writes a publication whose title, author, abstract and
// venue are any text the model holds, and reads it back with ReadBibTeX:
// it must read back as written, white space aside.
func FuzzWriteBibTeX(f *testing.F) {
	f.Add("The set {x", "Acme, Inc.", "Intro\n@misc{x,", "J } {", "1--2")
	f.Add("An R Package", "Smith and Wesson", "50% #1 \\textbf{", "``q''", "a---b")
	f.Add("{}}{", "others", "~^$_&", "-–—", "\"")
	f.Add("x", "van der Berg, Jan", "{\\\"o}", "@", "'''")
	f.Fuzz(func(t *testing.T, title, author, abstract, venue, pages string) {
		for _, s := range []string{title, author, abstract, venue, pages} {
			if !modelText(s) {
				return
			}
		}
		p := publication.Publication{ID: "w", Kind: publication.KindJournalArticle, Title: title, Abstract: abstract,
			Authors: []publication.Contributor{{Name: author}}, Venue: publication.Venue{Name: venue, Pages: pages}}
		var buf bytes.Buffer
		if err := biblio.WriteBibTeX(&buf, &dataset.Dataset{Publications: []publication.Publication{p}}); err != nil {
			t.Fatal(err)
		}
		d, err := biblio.ReadBibTeX("w.bib", buf.Bytes())
		if err != nil {
			t.Fatalf("%v, reading:\n%s", err, buf.Bytes())
		}
		if len(d.Publications) != 1 {
			t.Fatalf("%d publications read from:\n%s", len(d.Publications), buf.Bytes())
		}
		want := p
		want.Title, want.Abstract = collapseSpace(p.Title), collapseSpace(p.Abstract)
		want.Venue = publication.Venue{Name: collapseSpace(venue), Pages: collapseSpace(pages), Kind: publication.VenueJournal}
		want.Authors = []publication.Contributor{{Name: collapseSpace(author)}}
		if diff := cmp.Diff(want, d.Publications[0], ignoreOrigin); diff != "" {
			t.Errorf("read back (-want +got):\n%s\nfrom:\n%s", diff, buf.Bytes())
		}
	})
}
