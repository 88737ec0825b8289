package crossref_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/crossref"
	"github.com/scholarld/scholarld/publication"
)

func TestKinds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typ, subtype, container string
		kind                    publication.Kind
		venue                   publication.VenueKind
	}{
		{"journal-article", "", "Nature", publication.KindJournalArticle, publication.VenueJournal},
		{"proceedings-article", "", "Proceedings of ICML", publication.KindConferencePaper, publication.VenueConference},
		{"proceedings-article", "", "Workshop on Optimization", publication.KindWorkshopPaper, publication.VenueWorkshop},
		{"posted-content", "preprint", "", publication.KindPreprint, ""},
		{"posted-content", "working_paper", "", publication.KindReport, ""},
		{"posted-content", "", "", publication.KindOther, ""},
		{"book", "", "Lecture Notes in Computer Science", publication.KindBook, publication.VenueBookSeries},
		{"monograph", "", "", publication.KindBook, ""},
		{"edited-book", "", "", publication.KindBook, ""},
		{"book-chapter", "", "A Book", publication.KindChapter, ""},
		{"reference-entry", "", "", publication.KindChapter, ""},
		{"dissertation", "", "", publication.KindThesis, ""},
		{"report", "", "", publication.KindReport, ""},
		{"dataset", "", "", publication.KindDataset, ""},
		{"component", "", "", publication.KindOther, ""},
		{"peer-review", "", "", publication.KindOther, ""},
		{"other", "", "", publication.KindOther, ""},
		{"no-such-type", "", "", publication.KindOther, ""},
	}
	for _, tc := range tests {
		t.Run(tc.typ+"/"+tc.subtype, func(t *testing.T) {
			t.Parallel()
			doc := fmt.Sprintf(`{"DOI": "10.1234/k", "type": %q, "subtype": %q, "title": ["T"], "author": [{"name": "N"}], "container-title": [%q]}`,
				tc.typ, tc.subtype, tc.container)
			d, err := crossref.Read("k.json", []byte(doc))
			if err != nil || len(d.Publications) != 1 {
				t.Fatalf("Read: %v, %d publications", err, len(d.Publications))
			}
			p := d.Publications[0]
			if p.Kind != tc.kind || p.Venue.Kind != tc.venue {
				t.Errorf("kind %q, venue %q; want %q, %q", p.Kind, p.Venue.Kind, tc.kind, tc.venue)
			}
			if tc.typ == "no-such-type" && (len(d.Warnings) != 1 || d.Warnings[0].Path != "type") {
				t.Errorf("warnings %v, want one about the type", d.Warnings)
			}
		})
	}
}

// TestText checks the text of titles and abstracts: markup dropped,
// entities decoded, paragraphs kept, other titles gathered.
func TestText(t *testing.T) {
	t.Parallel()
	doc := `{"DOI": "10.1234/t", "type": "journal-article",
	  "title": ["Growth of <i>E. coli</i> at 37&#x00B0;C", "Croissance d'<i>E. coli</i>"],
	  "subtitle": ["A <b>study</b>"], "short-title": ["E. coli growth"], "original-title": ["Growth of E. coli at 37°C: A study"],
	  "author": [{"given": " Ada\n", "family": "Lovelace", "suffix": "Jr."}],
	  "abstract": "<jats:title>Abstract</jats:title><jats:sec><jats:title>Background</jats:title><jats:p>Cells  grow\n fast &amp; well.</jats:p></jats:sec><jats:sec><jats:title>Results</jats:title><jats:p>R<jats:sup>2</jats:sup> = 0.9; p &lt; 0.05.</jats:p></jats:sec>",
	  "subject": ["Microbiology", " Microbiology ", "Cell Biology"]}`
	d, err := crossref.Read("t.json", []byte(doc))
	if err != nil || len(d.Publications) != 1 {
		t.Fatalf("Read: %v", err)
	}
	p := d.Publications[0]
	got := []any{p.Title, p.OtherTitles, p.Authors, p.Abstract, p.Keywords}
	want := []any{
		"Growth of E. coli at 37°C: A study",
		[]string{"Croissance d'E. coli", "E. coli growth"},
		[]publication.Contributor{{Name: "Ada Lovelace Jr."}},
		"Background\n\nCells grow fast & well.\n\nResults\n\nR2 = 0.9; p < 0.05.",
		[]string{"Microbiology", "Cell Biology"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
}

// TestByline checks an "et al." author, which ends a truncated byline,
// and pages given with an article number.
func TestByline(t *testing.T) {
	t.Parallel()
	doc := `{"DOI": "10.1234/e", "title": ["T"], "subtitle": ["T"], "container-title": ["J"], "page": "1-10", "article-number": "e42",
	  "author": [{"given": "A", "family": "B"}, {"name": "et al."}]}`
	d, err := crossref.Read("e.json", []byte(doc))
	if err != nil || len(d.Publications) != 1 {
		t.Fatalf("Read: %v", err)
	}
	p := d.Publications[0]
	got := []any{p.Title, p.OtherTitles, p.Authors, p.EtAl, p.Venue.Pages, where(d.Warnings)}
	want := []any{"T", []string(nil), []publication.Contributor{{Name: "A B"}}, true, "1-10",
		[]string{posAfter(t, "e.json", []byte(doc), `"article-number": `).String() + " article-number"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
