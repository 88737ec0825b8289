package biblio_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/scholarld/scholarld/biblio"
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// ignoreOrigin compares publications read from different files, or built
// in Go, by what they say.
var ignoreOrigin = cmpopts.IgnoreFields(publication.Publication{}, "Origin")

func readBib(t *testing.T, file string) (*dataset.Dataset, error) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return biblio.ReadBibTeX(file, data)
}

func byID(d *dataset.Dataset) map[string]publication.Publication {
	m := make(map[string]publication.Publication)
	for _, p := range d.Publications {
		m[p.ID] = p
	}
	return m
}

func names(p publication.Publication) []string {
	var out []string
	for _, a := range p.Authors {
		out = append(out, a.Name)
	}
	return out
}

// TestReadCorpus checks what the corpus of BibTeX as tools write it reads
// as: names in byline order with their accents, kinds, identifiers,
// macros and crossrefs, and that every file's dataset validates.
func TestReadCorpus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file, id string
		want     publication.Publication
	}{
		{"zotero.bib", "okonkwo-sparse-2021", publication.Publication{
			Title: "Sparse Gaussian Processes for Streaming Sensor Data", Kind: publication.KindJournalArticle,
			Authors:  []publication.Contributor{{Name: "Chidinma Okonkwo"}, {Name: "Jan van der Berg"}, {Name: "Jörg Müller"}, {Name: "Inés Álvarez"}},
			Abstract: "We study GP regression with 50% fewer inducing points & show that it works.",
			Venue:    publication.Venue{Name: "Journal of Invented Results", Kind: publication.VenueJournal, Volume: "42", Issue: "3", Pages: "101–117", ISSN: "1234-5679"},
			Date:     "2021-03", Identifiers: publication.Identifiers{DOI: "10.5555/sparse.gp.2021"},
			URL: "https://example.org/okonkwo2021", Keywords: []string{"Gaussian processes", "streaming"},
		}},
		{"zotero.bib", "dupont-reseaux-2019", publication.Publication{
			Title: "Réseaux de neurones et équations différentielles\u00a0: une étude", Kind: publication.KindConferencePaper,
			Authors: []publication.Contributor{{Name: "Ange-Clément Dupont"}, {Name: "Hans Strauß"}, {Name: "Søren Østergaard"}},
			Venue:   publication.Venue{Name: "Proceedings of the Imaginary Conference on Learning", Kind: publication.VenueConference, Pages: "12–20"},
			Date:    "2019",
		}},
		{"zotero.bib", "king-book-2010", publication.Publication{
			Title: "A Book of Examples", Kind: publication.KindBook,
			Authors:     []publication.Contributor{{Name: "Martin King, Jr."}, {Name: "The Example Consortium"}},
			Date:        "2010",
			Identifiers: publication.Identifiers{ISBN: "9780306406157"},
		}},
		{"betterbibtex.bib", "nakamuralearningratesthat2022", publication.Publication{
			Title: "Learning Rates That Adapt: A Study of SGD", Kind: publication.KindJournalArticle,
			Authors:     []publication.Contributor{{Name: "Yuki Nakamura"}, {Name: "Dar'ya Ivanova"}, {Name: "Emre Çelik"}},
			Venue:       publication.Venue{Name: "Journal of Invented Results (Online)", Kind: publication.VenueJournal, Volume: "44", Issue: "1", Pages: "1–29"},
			Date:        "2022-07-15",
			Identifiers: publication.Identifiers{DOI: "10.5555/lr.adapt.2022"},
			Keywords:    []string{"optimization", "sgd"},
		}},
		{"scholar.bib", "smith2020deep", publication.Publication{
			Title: "Deep learning for invented problems", Kind: publication.KindJournalArticle,
			Authors: []publication.Contributor{{Name: "John Smith"}, {Name: "Jane Doe"}}, EtAl: true,
			Venue: publication.Venue{Name: "arXiv preprint arXiv:2001.01234", Kind: publication.VenueJournal},
			Date:  "2020",
		}},
		{"scholar.bib", "doe2018fast", publication.Publication{
			Title: "Fast and Robust Inference", Kind: publication.KindWorkshopPaper,
			Authors: []publication.Contributor{{Name: "Jane Doe"}, {Name: "John Smith"}},
			Venue:   publication.Venue{Name: "Proceedings of the Workshop on Invented Methods", Kind: publication.VenueWorkshop, Pages: "1–8"},
			Date:    "2018",
		}},
		{"scholar.bib", "rossi2015tesi", publication.Publication{
			Title: "Metodi numerici per problemi inventati", Kind: publication.KindThesis,
			Authors: []publication.Contributor{{Name: "Marco Rossi"}},
			Venue:   publication.Venue{Name: "Università di Esempio"},
			Date:    "2015",
		}},
		{"dblp.bib", "conf-icil-bergma23", publication.Publication{
			Title: "Streaming Inference at Scale", Kind: publication.KindConferencePaper,
			Authors:     []publication.Contributor{{Name: "Jan van der Berg"}, {Name: "Jörg Müller"}, {Name: "Inés Álvarez"}},
			Venue:       publication.Venue{Name: "Proceedings of the 7th Imaginary Conference on Learning, ICIL 2023", Kind: publication.VenueConference, Series: "Proceedings of Invented Research", Volume: "99", Pages: "100–110"},
			Date:        "2023",
			Identifiers: publication.Identifiers{DOI: "10.5555/icil.2023.100", DBLP: "conf/icil/BergMA23"},
		}},
		{"dblp.bib", "journals-corr-abs-2101-00001", publication.Publication{
			Title: "A Preprint on DBLP", Kind: publication.KindPreprint,
			Authors:     []publication.Contributor{{Name: "Yuki Nakamura"}, {Name: "Emre Çelik"}},
			Venue:       publication.Venue{Name: "arXiv", Kind: publication.VenueRepository},
			Date:        "2021",
			Identifiers: publication.Identifiers{ArXiv: "2101.00001", DBLP: "journals/corr/abs-2101-00001"},
		}},
		{"arxiv.bib", "nakamura2024invented", publication.Publication{
			Title: "Invented Results in Preprint Form", Kind: publication.KindPreprint,
			Authors:     []publication.Contributor{{Name: "Yuki Nakamura"}, {Name: "Chidinma Okonkwo"}, {Name: "Ludwig von Beispiel"}},
			Venue:       publication.Venue{Name: "arXiv", Kind: publication.VenueRepository},
			Date:        "2024",
			Identifiers: publication.Identifiers{ArXiv: "2403.01234"},
			URL:         "https://arxiv.org/abs/2403.01234",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file+"/"+tc.id, func(t *testing.T) {
			t.Parallel()
			d, err := readBib(t, filepath.Join("testdata/corpus", tc.file))
			if err != nil {
				t.Fatalf("ReadBibTeX: %v", err)
			}
			got, ok := byID(d)[tc.id]
			if !ok {
				t.Fatalf("no publication %q among %v", tc.id, byID(d))
			}
			tc.want.ID = tc.id
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty(), ignoreOrigin); diff != "" {
				t.Errorf("publication mismatch (-want +got):\n%s", diff)
			}
		})
	}
	files, _ := filepath.Glob("testdata/corpus/*.bib")
	for _, f := range files {
		if filepath.Base(f) == "broken.bib" {
			continue
		}
		d, err := readBib(t, f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if err := validate.Dataset(d); err != nil {
			t.Errorf("validate %s: %v", f, err)
		}
	}
}

// TestReadWarnings checks that the fields the model cannot hold are
// reported, at their positions, and none silently dropped.
func TestReadWarnings(t *testing.T) {
	t.Parallel()
	d, err := readBib(t, "testdata/corpus/zotero.bib")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]source.Pos{
		"okonkwo_sparse_2021.language":  {File: "testdata/corpus/zotero.bib", Line: 9, Column: 2},
		"okonkwo_sparse_2021.urldate":   {File: "testdata/corpus/zotero.bib", Line: 11, Column: 2},
		"okonkwo_sparse_2021.file":      {File: "testdata/corpus/zotero.bib", Line: 17, Column: 2},
		"dupont_reseaux_2019.address":   {File: "testdata/corpus/zotero.bib", Line: 22, Column: 2},
		"dupont_reseaux_2019.publisher": {File: "testdata/corpus/zotero.bib", Line: 25, Column: 2},
		"dupont_reseaux_2019.editor":    {File: "testdata/corpus/zotero.bib", Line: 27, Column: 2},
		"king_book_2010.publisher":      {File: "testdata/corpus/zotero.bib", Line: 35, Column: 2},
	}
	got := make(map[string]source.Pos)
	for _, w := range d.Warnings {
		if !errors.Is(w, biblio.ErrLeftOut) {
			t.Errorf("warning %v does not wrap ErrLeftOut", w)
		}
		got[w.Path] = w.Pos
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", diff)
	}
}

// TestReadBroken checks that broken entries give positioned errors with
// their keys, and that the good entries of the same file load.
func TestReadBroken(t *testing.T) {
	t.Parallel()
	d, err := readBib(t, "testdata/corpus/broken.bib")
	list, ok := errors.AsType[source.ErrorList](err)
	if !ok {
		t.Fatalf("ReadBibTeX(broken.bib) = %v, want a source.ErrorList", err)
	}
	type at struct {
		Line, Column int
		Path         string
		Syntax       bool
	}
	var got []at
	for _, e := range list {
		if e.Pos.File != "testdata/corpus/broken.bib" {
			t.Errorf("error %v: file %q", e, e.Pos.File)
		}
		got = append(got, at{e.Pos.Line, e.Pos.Column, e.Path, errors.Is(e, source.ErrSyntax)})
	}
	want := []at{
		{9, 1, "unclosed", true},
		{25, 13, "badmacro.journal", true},
		{32, 3, "baddoi.doi", false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s\n%v", diff, err)
	}
	if !errors.Is(list[2], publication.ErrMalformed) {
		t.Errorf("error %v does not wrap publication.ErrMalformed", list[2])
	}
	var ids []string
	for _, p := range d.Publications {
		ids = append(ids, p.ID)
	}
	if diff := cmp.Diff([]string{"good1", "good2", "baddoi", "good3"}, ids); diff != "" {
		t.Errorf("loaded publications mismatch (-want +got):\n%s", diff)
	}
}

// TestBibTeXRoundTrip checks that BibTeX → model → BibTeX → model keeps
// every field the model holds.
func TestBibTeXRoundTrip(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("testdata/corpus/*.bib")
	for _, f := range files {
		if filepath.Base(f) == "broken.bib" {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			d, err := readBib(t, f)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := biblio.WriteBibTeX(&buf, d); err != nil {
				t.Fatal(err)
			}
			again, err := biblio.ReadBibTeX("again.bib", buf.Bytes())
			if err != nil {
				t.Fatalf("reading our own BibTeX: %v\n%s", err, buf.String())
			}
			if diff := cmp.Diff(d.Publications, again.Publications, cmpopts.EquateEmpty(), ignoreOrigin); diff != "" {
				t.Errorf("round trip mismatch (-want +got):\n%s\n%s", diff, buf.String())
			}
			for _, w := range again.Warnings {
				t.Errorf("reading our own BibTeX: warning %v", w)
			}
		})
	}
}

// TestLoaderReadsBibTeX checks that the Loader reads .bib files, and
// merges them side by side with YAML.
func TestLoaderReadsBibTeX(t *testing.T) {
	t.Parallel()
	d, err := inputs.Loader().Load("testdata/corpus/arxiv.bib", "testdata/corpus/dblp.bib")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(d.Publications); got != 4 {
		t.Errorf("Load(arxiv.bib, dblp.bib) has %d publications, want 4", got)
	}
	doc := dataset.Document{Name: "refs.txt", Data: []byte("% comment\n@misc{a, title={T}}")}
	if f := inputs.Loader().Detect(doc); f.Name != "bibtex" {
		t.Errorf("Detect(a file starting with an @ entry) = %q, want bibtex", f.Name)
	}
}
