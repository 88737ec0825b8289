package biblio_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/biblio"
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// A problem is a warning or an error as the tests compare them: where,
// and what it wraps.
type problem struct {
	Line, Column int
	Path         string
	Is           string
}

// sentinels are the errors problems are told apart by.
var sentinels = []struct {
	name string
	err  error
}{
	{"left out", biblio.ErrLeftOut}, {"missing", biblio.ErrMissing}, {"syntax", source.ErrSyntax},
	{"checksum", profile.ErrChecksum}, {"malformed", profile.ErrMalformed},
	{"too large", source.ErrTooLarge}, {"encoding", biblio.ErrEncoding}, {"duplicate", source.ErrDuplicateKey},
}

func problems(t *testing.T, list source.ErrorList, file string) []problem {
	t.Helper()
	var out []problem
	for _, e := range list {
		if e.Pos.File != file {
			t.Errorf("%v: file %q, want %q", e, e.Pos.File, file)
		}
		p := problem{Line: e.Pos.Line, Column: e.Pos.Column, Path: e.Path}
		for _, s := range sentinels {
			if errors.Is(e, s.err) {
				p.Is = s.name
				break
			}
		}
		out = append(out, p)
	}
	return out
}

func errorList(t *testing.T, err error) source.ErrorList {
	t.Helper()
	if err == nil {
		return nil
	}
	list, ok := errors.AsType[source.ErrorList](err)
	if !ok {
		t.Fatalf("error %v is not a source.ErrorList", err)
	}
	return list
}

// TestReadBibTeXAuthorList checks that "and others" marks a truncated
// list and is no author, and that a name without letters is left out
// with a warning at the author field, in every form they take.
func TestReadBibTeXAuthorList(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, author string
		want         []publication.Contributor
		etAl         bool
		warnings     []problem
		errs         []problem
	}{
		{name: "and others", author: "Smith, John and Doe, Jane and others",
			want: []publication.Contributor{{Name: "John Smith"}, {Name: "Jane Doe"}}, etAl: true},
		{name: "upper case", author: "Smith, John AND Others",
			want: []publication.Contributor{{Name: "John Smith"}}, etAl: true},
		{name: "braced", author: "John Smith and {others}",
			want: []publication.Contributor{{Name: "John Smith"}}, etAl: true},
		{name: "others before the end", author: "Smith, John and others and Doe, Jane",
			want: []publication.Contributor{{Name: "John Smith"}, {Name: "Jane Doe"}}, etAl: true,
			warnings: []problem{{2, 3, "k.author", "left out"}}},
		{name: "two and in a row", author: "Smith, John and and Doe, Jane",
			want:     []publication.Contributor{{Name: "John Smith"}, {Name: "Jane Doe"}},
			warnings: []problem{{2, 3, "k.author", "left out"}}},
		{name: "white space", author: "Doe, Jane and ~ and {\u00a0}",
			want:     []publication.Contributor{{Name: "Jane Doe"}},
			warnings: []problem{{2, 3, "k.author", "left out"}, {2, 3, "k.author", "left out"}}},
		{name: "empty braces", author: "{} and Doe, Jane",
			want:     []publication.Contributor{{Name: "Jane Doe"}},
			warnings: []problem{{2, 3, "k.author", "left out"}}},
		{name: "only others", author: "others",
			errs: []problem{{1, 1, "k", "missing"}}},
		{name: "a word others in a name", author: "Others, Anna and Smith, John",
			want: []publication.Contributor{{Name: "Anna Others"}, {Name: "John Smith"}}},
		{name: "a corporate name", author: "{Others Inc.} and Smith, John",
			want: []publication.Contributor{{Name: "Others Inc."}, {Name: "John Smith"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			data := "@article{k,\n  author = {" + tc.author + "},\n  title = {T},\n}\n"
			d, err := biblio.ReadBibTeX("a.bib", []byte(data))
			if diff := cmp.Diff(tc.errs, problems(t, errorList(t, err), "a.bib")); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.warnings, problems(t, d.Warnings, "a.bib")); diff != "" {
				t.Errorf("warnings mismatch (-want +got):\n%s", diff)
			}
			if tc.errs != nil {
				return
			}
			if len(d.Publications) != 1 {
				t.Fatalf("%d publications, want 1", len(d.Publications))
			}
			p := d.Publications[0]
			if diff := cmp.Diff(tc.want, p.Authors); diff != "" {
				t.Errorf("authors mismatch (-want +got):\n%s", diff)
			}
			if p.EtAl != tc.etAl {
				t.Errorf("EtAl = %v, want %v", p.EtAl, tc.etAl)
			}
		})
	}
}

// TestReadBibTeXORCID checks the ORCID iDs read from testdata/orcid.bib:
// by number from a biblatex annotation, by name from Web of Science's
// ORCID-Numbers, in order from a plain orcid field; and the warnings and
// errors of what cannot be read or matched, at the field that gives it.
func TestReadBibTeXORCID(t *testing.T) {
	t.Parallel()
	const file = "testdata/orcid.bib"
	d, err := readBib(t, file)
	type author struct {
		Name  string
		ORCID profile.ORCID
	}
	type pub struct {
		Authors []author
		EtAl    bool
	}
	got := make(map[string]pub)
	for _, p := range d.Publications {
		var as []author
		for _, a := range p.Authors {
			as = append(as, author{a.Name, a.ORCID})
		}
		got[p.ID] = pub{as, p.EtAl}
	}
	want := map[string]pub{
		"annotated":          {[]author{{"Josiah Carberry", "0000-0002-1825-0097"}, {"Wen Nguyen", ""}, {"Chidinma Okonkwo", "0000-0001-5109-3700"}}, true},
		"annotated-problems": {[]author{{"Josiah Carberry", ""}, {"Wen Nguyen", ""}}, true},
		"wos-000934967300003": {[]author{{"Hannes Müller Schmied", "0000-0002-1694-233X"}, {"Jan van der Berg", "0000-0300-0300-0303"},
			{"Dukka B. Kc", ""}, {"Sheng Liu", ""}, {"Dorje Kc", ""}}, false},
		"ultralytics-like": {[]author{{"Glenn Example", "0000-0100-0100-0109"}, {"Ayush Sample", "0000-0200-0200-0206"},
			{"Jing Instance", "0000-0300-0300-0303"}}, false},
		"ultralytics-copied": {[]author{{"Glenn Example", ""}, {"Jing Instance", ""}}, false},
		"conflicting":        {[]author{{"Josiah Carberry", "0000-0002-1825-0097"}, {"Wen Nguyen", ""}}, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("authors mismatch (-want +got):\n%s", diff)
	}
	wantErrs := []problem{{14, 3, "annotated-problems.author+an:orcid", "checksum"}}
	if diff := cmp.Diff(wantErrs, problems(t, errorList(t, err), file)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
	wantWarns := []problem{
		{14, 3, "annotated-problems.author+an:orcid", "left out"}, // 2:family=…, a part of a name
		{14, 3, "annotated-problems.author+an:orcid", "left out"}, // 3=…, which is "others"
		{14, 3, "annotated-problems.author+an:orcid", "left out"}, // 4=…, beyond the list
		{14, 3, "annotated-problems.author+an:orcid", "left out"}, // =…, the whole list
		{25, 1, "WOS:000934967300003.orcid-numbers", "left out"},  // Sheng, Liu: no such author
		{25, 1, "WOS:000934967300003.orcid-numbers", "left out"},  // Kc, D.: two authors
		{42, 3, "ultralytics-copied.orcid", "left out"},           // 3 iDs for 2 authors
		{47, 3, "conflicting.author+an:orcid", "left out"},        // one iD for two authors
		{48, 3, "conflicting.orcid-numbers", "left out"},          // another iD for author 1
	}
	if diff := cmp.Diff(wantWarns, problems(t, d.Warnings, file)); diff != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s\n%v", diff, d.Warnings)
	}
}

// TestReadCSLAuthors checks CSL names: ORCID iDs in any form read
// canonical, a name without parts refused with an error at its place,
// pandoc's literal "others" read as a truncated list, and the keys of
// Crossref's names the model has no place for reported once each.
func TestReadCSLAuthors(t *testing.T) {
	t.Parallel()
	data := `[
  {"id": "crossref", "type": "article-journal", "title": "T",
   "author": [
     {"family": "Carberry", "given": "Josiah", "ORCID": "http://orcid.org/0000-0002-1825-0097", "authenticated-orcid": false, "sequence": "first", "affiliation": []},
     {},
     {"family": "Nguyen", "given": "Wen", "sequence": "additional", "affiliation": [{"name": "Somewhere"}]},
     {"literal": "The Consortium", "ORCID": "0000-0001-5109-3700"}
   ]},
  {"id": "pandoc", "type": "book", "title": "T",
   "author": [{"family": "Doe", "given": "Jane"}, {"literal": "others"}]},
  {"id": "bad-orcid", "type": "book", "title": "T",
   "author": [{"family": "Doe", "given": "Jane", "ORCID": "0000-0002-1825-0098"}]}
]`
	d, err := biblio.ReadCSLJSON("items.json", []byte(data))
	wantErrs := []problem{
		{5, 6, "crossref.author[1]", "missing"}, // {} names nobody: refused at its place
		{12, 15, "bad-orcid.author[0].ORCID", "checksum"},
	}
	if diff := cmp.Diff(wantErrs, problems(t, errorList(t, err), "items.json")); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
	wantWarns := []problem{
		{2, 3, "crossref.author[0].affiliation", "left out"},
		{2, 3, "crossref.author[0].authenticated-orcid", "left out"},
		{2, 3, "crossref.author[0].sequence", "left out"},
	}
	if diff := cmp.Diff(wantWarns, problems(t, d.Warnings, "items.json")); diff != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", diff)
	}
	type pub struct {
		Authors []publication.Contributor
		EtAl    bool
	}
	got := make(map[string]pub)
	for _, p := range d.Publications {
		got[p.ID] = pub{p.Authors, p.EtAl}
	}
	want := map[string]pub{
		"crossref": {[]publication.Contributor{{Name: "Josiah Carberry", ORCID: "0000-0002-1825-0097"},
			{Name: "Wen Nguyen"}, {Name: "The Consortium", ORCID: "0000-0001-5109-3700"}}, false},
		"pandoc":    {[]publication.Contributor{{Name: "Jane Doe"}}, true},
		"bad-orcid": {[]publication.Contributor{{Name: "Jane Doe"}}, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("authors mismatch (-want +got):\n%s", diff)
	}
}

// byline is a dataset of one work whose authors are a name with an iD,
// a person of the dataset with an iD, a name without, and a name that is
// nothing but "others", with a byline that goes on.
func byline() *dataset.Dataset {
	return &dataset.Dataset{
		People: []profile.Person{{ID: "wen", Name: profile.Name{Display: "Wen Nguyen", Given: "Wen", Family: "Nguyen"},
			Identifiers: profile.PersonIdentifiers{ORCID: "0000-0001-5109-3700"}}},
		Publications: []publication.Publication{{
			ID: "work", Title: "A Work", Kind: publication.KindJournalArticle, Date: "2021",
			Authors: []publication.Contributor{{Name: "Josiah Carberry", ORCID: "0000-0002-1825-0097"}, {Ref: "wen"},
				{Name: "Others"}, {Name: "Chidinma Okonkwo"}, {}},
			EtAl: true,
		}},
	}
}

// TestWriteAuthors checks what each writer makes of authors' iDs and of a
// truncated byline, and that reading BibTeX and CSL-JSON back gives the
// authors in order, with their iDs (and for BibTeX the truncation).
func TestWriteAuthors(t *testing.T) {
	t.Parallel()
	d := byline()
	var bib bytes.Buffer
	if err := biblio.WriteBibTeX(&bib, d); err != nil {
		t.Fatal(err)
	}
	wantBib := `@article{work,
  author = {Carberry, Josiah and Nguyen, Wen and {O}thers and Okonkwo, Chidinma and others},
  author+an:orcid = {1="0000-0002-1825-0097"; 2="0000-0001-5109-3700"},
  title = {A Work},
  year = {2021},
}
`
	if diff := cmp.Diff(wantBib, bib.String()); diff != "" {
		t.Errorf("BibTeX mismatch (-want +got):\n%s", diff)
	}
	wantAuthors := []publication.Contributor{{Name: "Josiah Carberry", ORCID: "0000-0002-1825-0097"},
		{Name: "Wen Nguyen", ORCID: "0000-0001-5109-3700"}, {Name: "Others"}, {Name: "Chidinma Okonkwo"}}
	again, err := biblio.ReadBibTeX("again.bib", bib.Bytes())
	if err != nil || len(again.Warnings) > 0 {
		t.Fatalf("reading our BibTeX: %v %v", err, again.Warnings)
	}
	if diff := cmp.Diff(wantAuthors, again.Publications[0].Authors); diff != "" || !again.Publications[0].EtAl {
		t.Errorf("BibTeX round trip: EtAl = %v, authors mismatch (-want +got):\n%s", again.Publications[0].EtAl, diff)
	}

	items := biblio.CSL(d)
	wantNames := []biblio.CSLName{
		{Family: "Carberry", Given: "Josiah", ORCID: "https://orcid.org/0000-0002-1825-0097"},
		{Family: "Nguyen", Given: "Wen", ORCID: "https://orcid.org/0000-0001-5109-3700"},
		{Literal: "Others"},
		{Family: "Okonkwo", Given: "Chidinma"},
	}
	if diff := cmp.Diff(wantNames, items[0].Author); diff != "" {
		t.Errorf("CSL names mismatch (-want +got):\n%s", diff)
	}
	var csl bytes.Buffer
	if err := biblio.WriteCSLJSON(&csl, d); err != nil {
		t.Fatal(err)
	}
	fromCSL, err := biblio.ReadCSLJSON("again.json", csl.Bytes())
	if err != nil || len(fromCSL.Warnings) > 0 {
		t.Fatalf("reading our CSL-JSON: %v %v", err, fromCSL.Warnings)
	}
	// CSL cannot say that the list goes on: EtAl is lost.
	if diff := cmp.Diff(wantAuthors, fromCSL.Publications[0].Authors); diff != "" || fromCSL.Publications[0].EtAl {
		t.Errorf("CSL round trip: EtAl = %v, authors mismatch (-want +got):\n%s", fromCSL.Publications[0].EtAl, diff)
	}

	var ris bytes.Buffer
	if err := biblio.WriteRIS(&ris, d); err != nil {
		t.Fatal(err)
	}
	var au []string
	for line := range strings.Lines(ris.String()) {
		if v, ok := strings.CutPrefix(line, "AU  - "); ok {
			au = append(au, strings.TrimSpace(v))
		}
	}
	if diff := cmp.Diff([]string{"Carberry, Josiah", "Nguyen, Wen", "Others", "Okonkwo, Chidinma"}, au); diff != "" {
		t.Errorf("RIS authors mismatch (-want +got):\n%s", diff)
	}
	if strings.Contains(ris.String(), "orcid") || strings.Contains(ris.String(), "0000-") {
		t.Errorf("RIS has an ORCID iD, which it has no tag for:\n%s", ris.String())
	}
}

// TestBibTeXRoundTripEtAl checks that BibTeX → model → BibTeX keeps "and
// others" and the order of the authors, and their iDs.
func TestBibTeXRoundTripEtAl(t *testing.T) {
	t.Parallel()
	d, err := readBib(t, "testdata/orcid.bib")
	if d == nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := biblio.WriteBibTeX(&buf, d); err != nil {
		t.Fatal(err)
	}
	again, err := biblio.ReadBibTeX("again.bib", buf.Bytes())
	if err != nil || len(again.Warnings) > 0 {
		t.Fatalf("reading our BibTeX: %v %v\n%s", err, again.Warnings, buf.String())
	}
	// The bylines only: the kinds BibTeX has no entry type for (software)
	// come back as others.
	type pub struct {
		Authors []publication.Contributor
		EtAl    bool
	}
	bylines := func(d *dataset.Dataset) map[string]pub {
		m := make(map[string]pub)
		for _, p := range d.Publications {
			m[p.ID] = pub{p.Authors, p.EtAl}
		}
		return m
	}
	if diff := cmp.Diff(bylines(d), bylines(again)); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s\n%s", diff, buf.String())
	}
	if !strings.Contains(buf.String(), "author = {Carberry, Josiah and Nguyen, Wen and Okonkwo, Chidinma and others},") {
		t.Errorf("no author list with \"and others\" in:\n%s", buf.String())
	}
}

// at returns the text of data from the position pos on, or "" if data
// has no such position.
func at(data []byte, pos source.Pos) string {
	lines := strings.SplitAfter(string(data), "\n")
	if pos.Line < 1 || pos.Line > len(lines) || pos.Column < 1 {
		return ""
	}
	rest := []rune(strings.Join(lines[pos.Line-1:], ""))
	if pos.Column-1 > len(rest) {
		return ""
	}
	return string(rest[pos.Column-1:])
}

// TestOrigins checks that every record read has an Origin at its entry or
// item: the file, the line and column of its @ or {, the entry key or
// item id as path, and its index among the records read, for every file
// of the corpus, and for entries sharing a line after CRLF line ends and
// characters of several bytes.
func TestOrigins(t *testing.T) {
	t.Parallel()
	type doc struct {
		name string
		data []byte
		read func(string, []byte) (*dataset.Dataset, error)
	}
	var docs []doc
	files, _ := filepath.Glob("testdata/corpus/*.bib")
	files = append(files, "testdata/orcid.bib")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc{f, data, biblio.ReadBibTeX})
	}
	docs = append(docs,
		doc{"crlf.bib", []byte("% Ünïcödé\r\n\r\n  @misc{a, title={T}, author={Ä, Ö}} @misc{b,\r\n title={T}, author={B}}@misc{c, title={T}, author={C}}\r\n"), biblio.ReadBibTeX},
		doc{"items.json", []byte("[\n  {\"id\": \"a\", \"type\": \"book\", \"title\": \"Ü\", \"author\": [{\"literal\": \"A\"}]}, {\"id\": \"b\", \"type\": \"book\", \"title\": \"T\", \"author\": [{\"literal\": \"B\"}]},\n{\"type\": \"book\", \"title\": \"T\", \"author\": [{\"literal\": \"C\"}]}\n]"), biblio.ReadCSLJSON},
	)
	for _, tc := range docs {
		d, _ := tc.read(tc.name, tc.data)
		if len(d.Publications) == 0 {
			t.Errorf("%s: no publications", tc.name)
		}
		for i, p := range d.Publications {
			o := p.Origin
			if o.Pos.File != tc.name || o.Name() != tc.name || o.Index != i {
				t.Errorf("%s: publication %d (%s): origin %+v, want file %s and index %d", tc.name, i, p.ID, o, tc.name, i)
			}
			text := at(tc.data, o.Pos)
			var ok bool
			if strings.HasSuffix(tc.name, ".json") {
				ok = strings.HasPrefix(text, "{") && (strings.HasPrefix(o.Path, "[") || strings.Contains(text, `"id": "`+o.Path+`"`))
			} else {
				_, rest, found := strings.Cut(text, "{")
				ok = strings.HasPrefix(text, "@") && found && strings.HasPrefix(strings.TrimSpace(rest), o.Path+",")
			}
			if !ok {
				t.Errorf("%s: publication %s at %v (path %q), where the text is %.30q", tc.name, p.ID, o.Pos, o.Path, text)
			}
		}
	}
}

// TestMergeWarningAtEntry checks that a conflict between a YAML
// publication and a BibTeX entry with the same DOI is reported by
// dataset.Merge at the entry: its file, line and column, and its key and
// the YAML name of the field, not a Go path.
func TestMergeWarningAtEntry(t *testing.T) {
	t.Parallel()
	const bib = "testdata/merge/lab.bib"
	d, err := dataset.Merge(inputs.Loader().Load("testdata/merge/lab.yaml", bib))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Publications) != 1 {
		t.Fatalf("%d publications, want the two merged into 1", len(d.Publications))
	}
	var got []problem
	for _, w := range d.Warnings {
		if errors.Is(w, dataset.ErrConflict) {
			got = append(got, problem{w.Pos.Line, w.Pos.Column, w.Path, w.Pos.File})
		}
	}
	want := []problem{{5, 1, "mitliagkas2016.authors", bib}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("conflict warnings mismatch (-want +got):\n%s\n%v", diff, d.Warnings)
	}
	if p := d.Publications[0]; !p.EtAl || p.Origin.Name() != "testdata/merge/lab.yaml" {
		t.Errorf("merged publication: EtAl %v from %s, want true (from the BibTeX) and the YAML's origin", p.EtAl, p.Origin.Name())
	}
}

// TestCrossrefORCID checks that an entry inherits the ORCID iDs of its
// crossref parent's authors with their list, and not for its own authors.
func TestCrossrefORCID(t *testing.T) {
	t.Parallel()
	data := `@inproceedings{own, author = {A, Ann}, crossref = {proc}, title = {T}}
@inproceedings{inherited, crossref = {proc}, title = {T}}
@proceedings{proc, author = {C, Cy and others}, author+an:orcid = {1="0000-0002-1825-0097"}, title = {Proc}, year = {2020}}
`
	d, err := biblio.ReadBibTeX("x.bib", []byte(data))
	if err != nil {
		t.Fatalf("ReadBibTeX: %v", err)
	}
	for _, w := range d.Warnings {
		if !strings.HasSuffix(w.Path, ".crossref") {
			t.Errorf("warning %v", w)
		}
	}
	type pub struct {
		Authors []publication.Contributor
		EtAl    bool
	}
	got := make(map[string]pub)
	for _, p := range d.Publications {
		got[p.ID] = pub{p.Authors, p.EtAl}
	}
	want := map[string]pub{
		"own":       {[]publication.Contributor{{Name: "Ann A"}}, false},
		"inherited": {[]publication.Contributor{{Name: "Cy C", ORCID: "0000-0002-1825-0097"}}, true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("authors mismatch (-want +got):\n%s", diff)
	}
}
