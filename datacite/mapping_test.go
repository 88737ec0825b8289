package datacite_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/datacite"
	"github.com/scholarld/scholarld/publication"
)

func TestKinds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		general string
		kind    publication.Kind
		venue   publication.VenueKind // of a record with a publisher and no container
	}{
		{"Dataset", publication.KindDataset, publication.VenueRepository},
		{"Software", publication.KindSoftware, publication.VenueRepository},
		{"ComputationalNotebook", publication.KindSoftware, publication.VenueRepository},
		{"Text", publication.KindJournalArticle, ""},
		{"JournalArticle", publication.KindJournalArticle, ""},
		{"DataPaper", publication.KindJournalArticle, ""},
		{"Preprint", publication.KindPreprint, publication.VenueRepository},
		{"Dissertation", publication.KindThesis, ""},
		{"Report", publication.KindReport, ""},
		{"ConferencePaper", publication.KindConferencePaper, ""},
		{"ConferenceProceeding", publication.KindBook, ""},
		{"Book", publication.KindBook, ""},
		{"BookChapter", publication.KindChapter, ""},
		{"Image", publication.KindOther, ""},
		{"Workflow", publication.KindOther, ""},
		{"Other", publication.KindOther, ""},
		{"NoSuchType", publication.KindOther, ""},
	}
	for _, tc := range tests {
		t.Run(tc.general, func(t *testing.T) {
			t.Parallel()
			doc := fmt.Sprintf(`{"doi": "10.1234/k", "titles": [{"title": "T"}], "creators": [{"name": "N"}], "publisher": "Zenodo", "types": {"resourceTypeGeneral": %q}}`, tc.general)
			d, err := datacite.Read("k.json", []byte(doc))
			if err != nil || len(d.Publications) != 1 {
				t.Fatalf("Read: %v", err)
			}
			if p := d.Publications[0]; p.Kind != tc.kind || p.Venue.Kind != tc.venue {
				t.Errorf("kind %q, venue %q; want %q, %q", p.Kind, p.Venue.Kind, tc.kind, tc.venue)
			}
		})
	}
}

func TestNames(t *testing.T) {
	t.Parallel()
	tests := []struct{ creator, want string }{
		{`{"name": "Vierkant, Paul", "nameType": "Personal", "givenName": "Paul", "familyName": "Vierkant"}`, "Paul Vierkant"},
		{`{"name": "Vierkant, Paul", "nameType": "Personal"}`, "Paul Vierkant"},
		{`{"name": "Vierkant, Paul"}`, "Vierkant, Paul"},
		{`{"givenName": "Paul", "familyName": "Vierkant"}`, "Paul Vierkant"},
		{`{"familyName": "Vierkant"}`, "Vierkant"},
		{`{"name": "DataCite, Inc.", "nameType": "Organizational", "givenName": "ignored"}`, "DataCite, Inc."},
		{`{"name": "  The   Consortium "}`, "The Consortium"},
	}
	for _, tc := range tests {
		doc := `{"doi": "10.1234/n", "titles": [{"title": "T"}], "creators": [` + tc.creator + `]}`
		d, err := datacite.Read("n.json", []byte(doc))
		if err != nil || len(d.Publications) != 1 {
			t.Fatalf("Read(%s): %v", tc.creator, err)
		}
		if got := d.Publications[0].Authors[0].Name; got != tc.want {
			t.Errorf("name of %s = %q, want %q", tc.creator, got, tc.want)
		}
	}
}

// TestVersionLinks checks which way each relation type links, and that a
// conflict keeps the stronger link.
func TestVersionLinks(t *testing.T) {
	t.Parallel()
	rec := func(doi, rel, to string) string {
		related := ""
		if rel != "" {
			related = fmt.Sprintf(`, "relatedIdentifiers": [{"relatedIdentifier": %q, "relatedIdentifierType": "DOI", "relationType": %q}]`, to, rel)
		}
		return fmt.Sprintf(`{"type": "dois", "attributes": {"doi": %q, "titles": [{"title": "T"}], "creators": [{"name": "N"}]%s}}`, doi, related)
	}
	tests := []struct {
		rel  string
		want []string // VersionOf of 10.1234/a and 10.1234/b
	}{
		{"IsVersionOf", []string{"10-1234-b", ""}},
		{"HasVersion", []string{"", "10-1234-a"}},
		{"IsPreprintOf", []string{"10-1234-b", ""}},
		{"HasPreprint", []string{"", "10-1234-a"}},
		{"IsPreviousVersionOf", []string{"10-1234-b", ""}},
		{"IsNewVersionOf", []string{"", "10-1234-a"}},
		{"References", []string{"", ""}},
	}
	for _, tc := range tests {
		doc := `{"data": [` + rec("10.1234/a", tc.rel, "10.1234/b") + "," + rec("10.1234/b", "", "") + `]}`
		d, err := datacite.Read("v.json", []byte(doc))
		if err != nil || len(d.Publications) != 2 {
			t.Fatalf("%s: Read: %v", tc.rel, err)
		}
		got := []string{d.Publications[0].VersionOf, d.Publications[1].VersionOf}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: VersionOf (-want +got):\n%s", tc.rel, diff)
		}
	}
	// a is a version of b and the previous version of c: the version link wins.
	doc := `{"data": [` + `{"type": "dois", "attributes": {"doi": "10.1234/a", "titles": [{"title": "T"}], "creators": [{"name": "N"}], "relatedIdentifiers": [` +
		`{"relatedIdentifier": "10.1234/c", "relatedIdentifierType": "DOI", "relationType": "IsPreviousVersionOf"},` +
		`{"relatedIdentifier": "10.1234/b", "relatedIdentifierType": "DOI", "relationType": "IsVersionOf"}]}},` +
		rec("10.1234/b", "", "") + "," + rec("10.1234/c", "", "") + `]}`
	d, err := datacite.Read("v.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Publications[0].VersionOf; got != "10-1234-b" {
		t.Errorf("VersionOf = %q, want 10-1234-b", got)
	}
	if len(d.Warnings) != 1 || d.Warnings[0].Path != "data[0].attributes.relatedIdentifiers[0]" {
		t.Errorf("warnings %v, want one about the weaker link", d.Warnings)
	}
}

// TestEtAl checks that a creator named "et al." ends a truncated byline.
func TestEtAl(t *testing.T) {
	t.Parallel()
	doc := `{"doi": "10.1234/e", "titles": [{"title": "T"}], "creators": [{"name": "B, A", "nameType": "Personal"}, {"name": "Et Al."}]}`
	d, err := datacite.Read("e.json", []byte(doc))
	if err != nil || len(d.Publications) != 1 {
		t.Fatalf("Read: %v", err)
	}
	p := d.Publications[0]
	if diff := cmp.Diff([]publication.Contributor{{Name: "A B"}}, p.Authors); diff != "" || !p.EtAl || len(d.Warnings) != 0 {
		t.Errorf("authors (-want +got):\n%s\nEtAl %v, warnings %v", diff, p.EtAl, d.Warnings)
	}
}
