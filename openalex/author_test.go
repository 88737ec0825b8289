package openalex_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/openalex"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

func datasetDoc(name, data string) (dataset.Document, dataset.Limits) {
	return dataset.Document{Name: name, Data: []byte(data)}, dataset.Limits{}
}

func TestAuthorFixture(t *testing.T) {
	// The fixture is hand-written after OpenAlex's Author object: see
	// testdata/README.md.
	d, errs := decode(t, authorFixture, mustRead(t, authorFixture))
	if errs != nil {
		t.Fatalf("errors: %v", errs)
	}
	want := []profile.Person{{
		ID: "jason-priem",
		Name: profile.Name{Display: "Jason Priem",
			Other: []string{"J. Priem", "Jason R. Priem", "J Priem"}},
		Identifiers: profile.PersonIdentifiers{ORCID: "0000-0001-6187-6610", Scopus: "36455008000",
			OpenAlex: "A5023888391"},
		Links:  []profile.Link{{Name: "Twitter", URL: "https://twitter.com/jasonpriem"}},
		Origin: source.Origin{Pos: source.Pos{File: authorFixture, Line: 1, Column: 1}},
	}}
	if diff := cmp.Diff(want, d.People); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
	wantOrgs := []profile.Organization{
		{ID: "impact-technology-development-united-states", Name: "Impact Technology Development (United States)",
			Kind: profile.OrgCompany, ROR: "05ppvf150", Location: profile.Location{Country: "US"},
			Origin: source.Origin{Path: "affiliations[0].institution", Pos: source.Pos{File: authorFixture}}},
		{ID: "university-of-north-carolina-at-chapel-hill", Name: "University of North Carolina at Chapel Hill",
			Kind: profile.OrgUniversity, ROR: "0130frc33", Location: profile.Location{Country: "US"},
			Origin: source.Origin{Path: "affiliations[1].institution", Index: 1, Pos: source.Pos{File: authorFixture}}},
	}
	if diff := cmp.Diff(wantOrgs, d.Organizations); diff != "" {
		t.Errorf("organizations (-want +got):\n%s", diff)
	}
	if pos := d.Organizations[0].Origin.Pos; pos.Line != 24 || pos.Column != 19 {
		t.Errorf("first organization at %v, want line 24, column 19, the affiliations", pos)
	}
	if diff := cmp.Diff([]string{"affiliations: left out"}, paths(d.Warnings, openalex.ErrLeftOut)); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	if err := validate.Dataset(d); err != nil {
		t.Errorf("imported records do not validate:\n%v", err)
	}
}

func TestScopus(t *testing.T) {
	tests := []struct{ in, want string }{
		{"36455008000", "36455008000"},
		{"http://www.scopus.com/inward/authorDetails.url?authorID=36455008000&partnerID=MN8TOARS", "36455008000"},
		{"https://www.scopus.com/authid/detail.uri?authorId=7004212771", "7004212771"},
		{"https://example.org/?authorID=36455008000", ""},
		{"0123456", ""},
		{"12345", ""},
		{"scopus", ""},
	}
	for _, tc := range tests {
		line := `{"id": "https://openalex.org/A1", "display_name": "Ada", "ids": {"scopus": "` + tc.in + `"}}`
		d, errs := decode(t, "a.json", []byte(line))
		if errs != nil || len(d.People) != 1 {
			t.Fatalf("%s: %d people, %v", tc.in, len(d.People), errs)
		}
		if got := d.People[0].Identifiers.Scopus; got != tc.want {
			t.Errorf("scopus %q gives %q, want %q", tc.in, got, tc.want)
		}
		if warned := len(d.Warnings) > 0; warned != (tc.want == "") {
			t.Errorf("scopus %q: warnings %v", tc.in, d.Warnings)
		}
	}
}
