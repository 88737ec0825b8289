package openalex_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/scholarld/scholarld/openalex"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// work returns a small work on one line with the members more, such as
// `"type": "article"`, after its id, title and one author.
func work(more string) string {
	s := `{"id": "https://openalex.org/W1", "display_name": "A title", "authorships": [{"author": {"display_name": "Ada Lovelace"}}]`
	if more != "" {
		s += ", " + more
	}
	return s + "}"
}

func TestKinds(t *testing.T) {
	tests := []struct {
		name, more string
		kind       publication.Kind
		venueKind  publication.VenueKind
		warned     bool
	}{
		{"article", `"type": "article"`, publication.KindJournalArticle, "", false},
		{"article in a journal", `"type": "article", "primary_location": {"source": {"display_name": "PeerJ", "type": "journal"}}`, publication.KindJournalArticle, publication.VenueJournal, false},
		{"proceedings article", `"type": "article", "type_crossref": "proceedings-article"`, publication.KindConferencePaper, "", false},
		{"article at a conference", `"type": "article", "primary_location": {"source": {"display_name": "NeurIPS", "type": "conference"}}`, publication.KindConferencePaper, publication.VenueConference, false},
		{"workshop paper", `"type": "article", "type_crossref": "proceedings-article", "primary_location": {"source": {"display_name": "Workshop on Optimization", "type": "conference"}}`, publication.KindWorkshopPaper, publication.VenueWorkshop, false},
		{"posted content", `"type": "article", "type_crossref": "posted-content"`, publication.KindPreprint, "", false},
		{"preprint", `"type": "preprint", "primary_location": {"source": {"display_name": "arXiv (Cornell University)", "type": "repository"}}`, publication.KindPreprint, publication.VenueRepository, false},
		{"review", `"type": "review"`, publication.KindJournalArticle, "", false},
		{"book", `"type": "book"`, publication.KindBook, "", false},
		{"book chapter", `"type": "book-chapter"`, publication.KindChapter, "", false},
		{"dissertation", `"type": "dissertation"`, publication.KindThesis, "", false},
		{"dataset", `"type": "dataset"`, publication.KindDataset, "", false},
		{"report", `"type": "report"`, publication.KindReport, "", false},
		{"other", `"type": "other"`, publication.KindOther, "", false},
		{"editorial", `"type": "editorial"`, publication.KindOther, "", true},
		{"only a Crossref type", `"type_crossref": "journal-article"`, publication.KindJournalArticle, "", false},
		{"no type", ``, publication.KindOther, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, errs := decode(t, "w.json", []byte(work(tc.more)))
			if errs != nil || len(d.Publications) != 1 {
				t.Fatalf("Decode = %d publications, %v", len(d.Publications), errs)
			}
			p := d.Publications[0]
			if p.Kind != tc.kind || p.Venue.Kind != tc.venueKind {
				t.Errorf("kind %q, venue kind %q; want %q, %q", p.Kind, p.Venue.Kind, tc.kind, tc.venueKind)
			}
			warned := false
			for _, w := range d.Warnings {
				warned = warned || w.Path == "type"
			}
			if warned != tc.warned {
				t.Errorf("warned of the type: %v, want %v (warnings: %v)", warned, tc.warned, d.Warnings)
			}
			if err := validate.Dataset(d); err != nil {
				t.Errorf("does not validate:\n%v", err)
			}
		})
	}
}

func TestAbstract(t *testing.T) {
	tests := []struct {
		name, index string
		want        string
		problem     string // the path of the error or warning, below the record
		err         error
	}{
		{"in order", `{"Despite": [0], "growing": [1], "interest": [2]}`, "Despite growing interest", "", nil},
		{"shuffled", `{"c": [2], "a": [0, 3], "b": [1]}`, "a b c a", "", nil},
		{"a gap", `{"a": [0], "b": [5]}`, "a b", "", nil},
		{"a place twice", `{"a": [0], "b": [0], "c": [1]}`, "a c", "", nil},
		{"null", `null`, "", "", nil},
		{"empty", `{}`, "", "", nil},
		{"a far place", `{"a": [0], "b": [1000000000]}`, "", "abstract_inverted_index", openalex.ErrLeftOut},
		{"a huge place", `{"a": [0], "b": [99999999999999999999999]}`, "a", "abstract_inverted_index.b[0]", source.ErrType},
		{"a negative place", `{"a": [0], "b": [-1]}`, "a", "abstract_inverted_index.b[0]", source.ErrType},
		{"a fraction", `{"a": [0, 1.5], "b": [1]}`, "a b", "abstract_inverted_index.a[1]", source.ErrType},
		{"a word without places", `{"a": "zero", "b": [1]}`, "b", "abstract_inverted_index.a", source.ErrType},
		{"a nested array", `{"a": [[0]], "b": [1]}`, "b", "abstract_inverted_index.a[0]", source.ErrType},
		{"not an object", `["a", "b"]`, "", "abstract_inverted_index", source.ErrType},
		{"control characters", `{"a\u0007b": [0], "\t": [1], "c": [2]}`, "a b c", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, errs := decode(t, "w.json", []byte(work(`"abstract_inverted_index": `+tc.index)))
			if len(d.Publications) != 1 {
				t.Fatalf("no publication: %v", errs)
			}
			if got := d.Publications[0].Abstract; got != tc.want {
				t.Errorf("abstract %q, want %q", got, tc.want)
			}
			var got []problem
			for _, e := range append(errs, d.Warnings...) {
				got = append(got, problem{Path: e.Path, Err: e.Err})
			}
			var want []problem
			if tc.problem != "" {
				want = []problem{{Path: tc.problem, Err: tc.err}}
			}
			if diff := cmp.Diff(want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAbstractLinear(t *testing.T) {
	// 200,000 words, one per place, in reverse order: rebuilt in one pass.
	var b strings.Builder
	b.WriteString("{")
	const n = 200_000
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&b, `"w%d": [%d]`, i, i)
		if i > 0 {
			b.WriteString(", ")
		}
	}
	b.WriteString("}")
	d, errs := decode(t, "w.json", []byte(work(`"abstract_inverted_index": `+b.String())))
	if errs != nil {
		t.Fatal(errs)
	}
	abstract := d.Publications[0].Abstract
	if !strings.HasPrefix(abstract, "w0 w1 w2 ") || !strings.HasSuffix(abstract, fmt.Sprintf("w%d", n-1)) {
		t.Errorf("abstract %.20q…, want w0 w1 w2 … w%d", abstract, n-1)
	}
}

func TestAuthorships(t *testing.T) {
	line := `{"id": "https://openalex.org/W1", "display_name": "T", "authorships": [` +
		`{"author_position": "middle", "author": {"display_name": "Ada Lovelace", "orcid": "https://orcid.org/0000-0002-1825-0097"}}, ` +
		`{"author_position": "first", "raw_author_name": "C. Babbage", "author": {"display_name": ""}}, ` +
		`{"author_position": "last", "author": {"display_name": "Mary Somerville", "orcid": "https://orcid.org/0000-0002-1825-0098"}, "is_corresponding": true}, ` +
		`{"author_position": "middle", "author": {}}` +
		`]}`
	d, errs := decode(t, "w.json", []byte(line))
	if len(d.Publications) != 1 {
		t.Fatalf("no publication: %v", errs)
	}
	want := []publication.Contributor{
		{Name: "Ada Lovelace", ORCID: "0000-0002-1825-0097"},
		{Name: "C. Babbage"},
		{Name: "Mary Somerville"},
	}
	if diff := cmp.Diff(want, d.Publications[0].Authors); diff != "" {
		t.Errorf("authors, in the array's order (-want +got):\n%s", diff)
	}
	at := func(needle string) source.Pos {
		return source.Pos{File: "w.json", Line: 1, Column: col(t, line, needle)}
	}
	wantErrs := []problem{{at(`{"author_position": "last"`), "authorships[2].author.orcid", profile.ErrChecksum}}
	if diff := cmp.Diff(wantErrs, problems(errs), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	wantWarnings := []problem{
		{at(`{"author_position": "first"`), "authorships[1].author_position", openalex.ErrLeftOut},
		{at(`{"author_position": "last"`), "authorships[2].author_position", openalex.ErrLeftOut},
		{at(`{"author_position": "last"`), "authorships[2].is_corresponding", openalex.ErrLeftOut},
		{at(`{"author_position": "middle", "author": {}}`), "authorships[3]", openalex.ErrLeftOut},
	}
	if diff := cmp.Diff(wantWarnings, problems(d.Warnings), cmpopts.EquateErrors()); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

func TestIdentifiers(t *testing.T) {
	tests := []struct {
		name, more string
		ids        publication.Identifiers
		url        string
	}{
		{"DOI", `"doi": "https://doi.org/10.1234/ABC"`, publication.Identifiers{DOI: "10.1234/ABC"}, ""},
		{"DOI in ids", `"ids": {"doi": "https://doi.org/10.1234/abc", "pmid": "https://pubmed.ncbi.nlm.nih.gov/31452104"}`,
			publication.Identifiers{DOI: "10.1234/abc", PMID: "31452104"}, ""},
		{"landing page", `"primary_location": {"landing_page_url": "https://example.org/paper/1"}`, publication.Identifiers{}, "https://example.org/paper/1"},
		{"landing page and DOI", `"doi": "10.1234/abc", "primary_location": {"landing_page_url": "https://example.org/paper/1"}`,
			publication.Identifiers{DOI: "10.1234/abc"}, ""},
		{"arXiv", `"type": "preprint", "primary_location": {"landing_page_url": "http://arxiv.org/abs/2101.00001v2", "version": "submittedVersion"}`,
			publication.Identifiers{ArXiv: "2101.00001v2"}, ""},
		{"arXiv in another location", `"doi": "10.1234/abc", "primary_location": {"landing_page_url": "https://doi.org/10.1234/abc", "version": "publishedVersion"}, "locations": [{"landing_page_url": "https://doi.org/10.1234/abc", "version": "publishedVersion"}, {"landing_page_url": "https://arxiv.org/abs/2101.00001", "pdf_url": "https://arxiv.org/pdf/2101.00001", "version": "submittedVersion"}]`,
			publication.Identifiers{DOI: "10.1234/abc", ArXiv: "2101.00001"}, ""},
		{"an arXiv PDF is no landing page", `"primary_location": {"landing_page_url": "https://arxiv.org/pdf/2101.00001"}`, publication.Identifiers{}, "https://arxiv.org/pdf/2101.00001"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, errs := decode(t, "w.json", []byte(work(tc.more)))
			if errs != nil || len(d.Publications) != 1 {
				t.Fatalf("Decode = %d publications, %v", len(d.Publications), errs)
			}
			p := d.Publications[0]
			tc.ids.OpenAlex = "W1"
			if diff := cmp.Diff(tc.ids, p.Identifiers); diff != "" || p.URL != tc.url {
				t.Errorf("identifiers (-want +got):\n%s\nURL %q, want %q", diff, p.URL, tc.url)
			}
			if err := validate.Dataset(d); err != nil {
				t.Errorf("does not validate:\n%v", err)
			}
		})
	}
}

func TestRecordProblems(t *testing.T) {
	tests := []struct {
		name, line string
		records    int
		problems   []problem // Pos left out
	}{
		{"no id", `{"display_name": "T"}`, 0, []problem{{Path: "id", Err: openalex.ErrMissing}}},
		{"not an OpenAlex id", `{"id": "https://example.org/W1"}`, 0, []problem{{Path: "id", Err: profile.ErrMalformed}}},
		{"an institution", `{"id": "https://openalex.org/I70931966", "display_name": "Université de Montréal"}`, 0,
			[]problem{{Path: "id", Err: openalex.ErrLeftOut}}},
		{"a member unknown", work(`"new_member": {"a": 1}`), 1, []problem{{Path: "new_member", Err: openalex.ErrLeftOut}}},
		{"a member unknown but empty", work(`"new_member": []`), 1, nil},
		{"an author's member on a work", work(`"display_name_alternatives": ["X"]`), 1,
			[]problem{{Path: "display_name_alternatives", Err: openalex.ErrLeftOut}}},
		{"an author's ignored member on a work", work(`"works_api_url": "https://api.openalex.org/works"`), 1,
			[]problem{{Path: "works_api_url", Err: openalex.ErrLeftOut}}},
		{"a work's member on an author", `{"id": "https://openalex.org/A1", "display_name": "Ada", "authorships": []}`, 1,
			[]problem{{Path: "authorships", Err: openalex.ErrLeftOut}}},
		{"bookkeeping", work(`"cited_by_count": 962, "counts_by_year": [{"year": 2025, "cited_by_count": 30}], "updated_date": "2025-06-11"`), 1, nil},
		{"a member twice", work(`"display_name": "Again"`), 1, []problem{{Path: "display_name", Err: source.ErrDuplicateKey}}},
		{"a name twice in an authorship", `{"id": "https://openalex.org/W1", "display_name": "T", "authorships": [{"author": {"display_name": "A", "display_name": "B"}}]}`, 1,
			[]problem{{Path: "authorships[0].author.display_name", Err: source.ErrDuplicateKey}}},
		{"no title", `{"id": "https://openalex.org/W1", "authorships": [{"author": {"display_name": "A"}}]}`, 0,
			[]problem{{Path: "display_name", Err: openalex.ErrMissing}}},
		{"no authorship", `{"id": "https://openalex.org/W1", "display_name": "T", "authorships": []}`, 0,
			[]problem{{Path: "authorships", Err: openalex.ErrMissing}}},
		{"authorships not an array", `{"id": "https://openalex.org/W1", "display_name": "T", "authorships": {}}`, 0,
			[]problem{{Path: "authorships", Err: source.ErrType}, {Path: "authorships", Err: openalex.ErrMissing}}},
		{"an author without a name", `{"id": "https://openalex.org/A1", "display_name": " "}`, 0,
			[]problem{{Path: "display_name", Err: openalex.ErrMissing}}},
		{"a bad date", work(`"publication_date": "2018-02-30", "publication_year": 2018`), 1,
			[]problem{{Path: "publication_date", Err: profile.ErrMalformed}}},
		{"a bad DOI", work(`"doi": "https://doi.org/11.1/x"`), 1, []problem{{Path: "doi", Err: publication.ErrMalformed}}},
		{"two DOIs", work(`"doi": "https://doi.org/10.1234/a", "ids": {"doi": "https://doi.org/10.1234/b"}`), 1,
			[]problem{{Path: "ids.doi", Err: openalex.ErrLeftOut}}},
		{"a bad ISSN", work(`"primary_location": {"source": {"display_name": "J", "issn_l": "1234-5678"}}`), 1,
			[]problem{{Path: "primary_location.source.issn_l", Err: publication.ErrChecksum}}},
		{"pages without a venue", work(`"biblio": {"volume": "6", "first_page": "1"}`), 1,
			[]problem{{Path: "biblio", Err: openalex.ErrLeftOut}}},
		{"grants, MeSH, a retraction", work(`"grants": [{"funder_display_name": "NSF", "award_id": "1"}], "mesh": [{"descriptor_name": "Humans"}], "is_retracted": true`), 1,
			[]problem{{Path: "grants", Err: openalex.ErrLeftOut}, {Path: "mesh", Err: openalex.ErrLeftOut}, {Path: "is_retracted", Err: openalex.ErrLeftOut}}},
		{"an institution without a ROR id", `{"id": "https://openalex.org/W1", "display_name": "T", "authorships": [{"author": {"display_name": "A"}, "institutions": [{"display_name": "Somewhere"}]}]}`, 1,
			[]problem{{Path: "authorships[0].institutions[0]", Err: openalex.ErrLeftOut}}},
		{"a bad ROR id", `{"id": "https://openalex.org/W1", "display_name": "T", "authorships": [{"author": {"display_name": "A"}, "institutions": [{"display_name": "X", "ror": "https://ror.org/0161xgx35"}]}]}`, 1,
			[]problem{{Path: "authorships[0].institutions[0].ror", Err: profile.ErrChecksum}}},
		{"a country that is none", `{"id": "https://openalex.org/W1", "display_name": "T", "authorships": [{"author": {"display_name": "A"}, "institutions": [{"display_name": "X", "ror": "https://ror.org/0161xgx34", "country_code": "QQ"}]}]}`, 2,
			[]problem{{Path: "authorships[0].institutions[0].country_code", Err: openalex.ErrLeftOut}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, errs := decode(t, "w.json", []byte(tc.line))
			if n := d.Len(); n != tc.records {
				t.Errorf("%d records, want %d", n, tc.records)
			}
			var got []problem
			for _, e := range append(errs, d.Warnings...) {
				if !e.Pos.IsValid() {
					t.Errorf("%v: no position", e)
				}
				got = append(got, problem{Path: e.Path, Err: e.Err})
			}
			if diff := cmp.Diff(tc.problems, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if err := validate.Dataset(d); err != nil {
				t.Errorf("does not validate:\n%v", err)
			}
		})
	}
}

func TestIDs(t *testing.T) {
	// Works are named by their OpenAlex ids, whatever their titles; two
	// authors of one name in a file get ids with suffixes, in the file's
	// order.
	lines := []string{
		work(""),
		strings.Replace(work(""), "W1", "W2", 1),
		`{"id": "https://openalex.org/A1", "display_name": "Ada Lovelace"}`,
		strings.Replace(work(""), "W1", "W3", 1),
		`{"id": "https://openalex.org/A2", "display_name": "Ada Lovelace"}`,
		`{"id": "https://openalex.org/A3", "display_name": "李娜"}`,
		`{"id": "https://openalex.org/W4", "display_name": "数据", "authorships": [{"author": {"display_name": "李娜"}}]}`,
	}
	d, errs := decode(t, "w.jsonl", []byte(strings.Join(lines, "\n")))
	if errs != nil {
		t.Fatal(errs)
	}
	var got []string
	for _, p := range d.Publications {
		got = append(got, p.ID)
	}
	for _, p := range d.People {
		got = append(got, p.ID)
	}
	want := []string{"w1", "w2", "w3", "w4", "ada-lovelace", "ada-lovelace-2", "a3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if err := validate.Dataset(d); err != nil {
		t.Errorf("does not validate:\n%v", err)
	}
}

func TestDecodeErrorsAreLists(t *testing.T) {
	// Whatever the input, Decode returns nil or a source.ErrorList.
	for _, in := range []string{"", "{", "[]", `"x"`, "{}\n{}", "\x1f\x8b", "null"} {
		_, err := openalex.Decode(datasetDoc("x.json", in))
		if _, ok := errors.AsType[source.ErrorList](err); err != nil && !ok {
			t.Errorf("Decode(%q) = %T %v, want a source.ErrorList", in, err, err)
		}
	}
}
