package datacite_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/datacite"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// TestReadErrors checks that broken and wrong-typed values are errors at
// their position and path, wrapping the right sentinel, and that the
// record is kept without the value when it can be.
func TestReadErrors(t *testing.T) {
	t.Parallel()
	const ok = `"doi": "10.1234/ok", "titles": [{"title": "T"}], "creators": [{"name": "N", "nameType": "Organizational"}], "types": {"resourceTypeGeneral": "Dataset"}`
	tests := []struct {
		name     string
		doc      string
		marker   string // the text just before the bad value
		path     string
		sentinel error
		kept     int
		date     profile.Date // of the first publication kept
	}{
		{"ORCID of a creator", `{"doi": "10.1234/x", "titles": [{"title": "T"}], "creators": [{"givenName": "A", "familyName": "B", "nameIdentifiers": [{"nameIdentifier": "https://orcid.org/0000-0002-1825-0096", "nameIdentifierScheme": "ORCID"}]}]}`,
			`"nameIdentifier": `, "creators[0].nameIdentifiers[0].nameIdentifier", profile.ErrChecksum, 1, ""},
		{"ORCID in a response", `{"data": {"id": "10.1234/x", "type": "dois", "attributes": {"titles": [{"title": "T"}], "creators": [{"name": "N", "nameIdentifiers": [{"nameIdentifier": "0000-0002-1825-009", "nameIdentifierScheme": "ORCID"}]}]}}}`,
			`"nameIdentifier": `, "data.attributes.creators[0].nameIdentifiers[0].nameIdentifier", profile.ErrMalformed, 1, ""},
		{"creators an object", `{"doi": "10.1234/x", "titles": [{"title": "T"}], "creators": {"name": "N"}}`,
			`"creators": `, "creators", source.ErrType, 0, ""},
		{"givenName a number", `{"doi": "10.1234/x", "titles": [{"title": "T"}], "creators": [{"givenName": 5, "familyName": "B"}]}`,
			`"givenName": `, "creators[0].givenName", source.ErrType, 1, ""},
		{"title a number", `{"doi": "10.1234/x", "titles": [{"title": 5}, {"title": "T"}], "creators": [{"name": "N"}]}`,
			`"title": `, "titles[0].title", source.ErrType, 1, ""},
		{"titles a string", `{"doi": "10.1234/x", "titles": "T", "creators": [{"name": "N"}]}`,
			`"titles": `, "titles", source.ErrType, 0, ""},
		{"DOI malformed", `{"doi": "10.12/x", "titles": [{"title": "T"}], "creators": [{"name": "N"}]}`,
			`"doi": `, "doi", profile.ErrMalformed, 1, ""},
		{"DOI too long", `{"doi": "10.1234/` + strings.Repeat("x", 5000) + `", "titles": [{"title": "T"}], "creators": [{"name": "N"}]}`,
			`"doi": `, "doi", profile.ErrMalformed, 1, ""},
		{"Issued month 13, year kept", `{` + ok + `, "publicationYear": 2014, "dates": [{"date": "2014-13-01", "dateType": "Issued"}]}`,
			`"date": `, "dates[0].date", profile.ErrMalformed, 1, "2014"},
		{"Issued a number", `{` + ok + `, "dates": [{"date": 2014, "dateType": "Issued"}]}`,
			`"date": `, "dates[0].date", source.ErrType, 1, ""},
		{"publicationYear not a year", `{` + ok + `, "publicationYear": "2014-05"}`,
			`"publicationYear": `, "publicationYear", profile.ErrMalformed, 1, ""},
		{"publicationYear true", `{` + ok + `, "publicationYear": true}`,
			`"publicationYear": `, "publicationYear", source.ErrType, 1, ""},
		{"dates an object", `{` + ok + `, "dates": {"date": "2014"}}`,
			`"dates": `, "dates", source.ErrType, 1, ""},
		{"container ISSN", `{` + ok + `, "container": {"title": "J", "identifier": "1234-5678", "identifierType": "ISSN"}}`,
			`"identifier": `, "container.identifier", profile.ErrChecksum, 1, ""},
		{"types a string", `{"doi": "10.1234/x", "titles": [{"title": "T"}], "creators": [{"name": "N"}], "types": "Dataset"}`,
			`"types": `, "types", source.ErrType, 1, ""},
		{"related DOI malformed", `{` + ok + `, "relatedIdentifiers": [{"relatedIdentifier": "nonsense", "relatedIdentifierType": "DOI", "relationType": "IsVersionOf"}]}`,
			`"relatedIdentifier": `, "relatedIdentifiers[0].relatedIdentifier", profile.ErrMalformed, 1, ""},
		{"arXiv identifier malformed", `{` + ok + `, "alternateIdentifiers": [{"alternateIdentifier": "arXiv:9999.1", "alternateIdentifierType": "arXiv"}]}`,
			`"alternateIdentifier": `, "alternateIdentifiers[0].alternateIdentifier", profile.ErrMalformed, 1, ""},
		{"record a number", `{"data": [42, {"type": "dois", "attributes": {` + ok + `}}]}`,
			`"data": [`, "data[0]", source.ErrType, 1, ""},
		{"attributes a list", `{"data": {"type": "dois", "attributes": []}}`,
			`"attributes": `, "data.attributes", source.ErrType, 0, ""},
		{"syntax error after a good record", `{"data": [{"type": "dois", "attributes": {` + ok + `}}, {"type": ]}`,
			`}}, {"type": `, "data[1]", source.ErrSyntax, 1, ""},
		{"not a DOI record", `{"data": {"id": "datacite", "type": "providers", "attributes": {"name": "DataCite"}}}`,
			`"type": `, "data.type", datacite.ErrNotDOI, 0, ""},
		{"error answer", `{"errors": [{"status": "404", "title": "The resource you are looking for doesn't exist."}]}`,
			`"errors": `, "errors", datacite.ErrNotDOI, 0, ""},
		{"a string", `"10.1234/x"`, ``, "", datacite.ErrNotDOI, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			data := []byte(tc.doc)
			d, err := datacite.Read("bad.json", data)
			list, ok := errors.AsType[source.ErrorList](err)
			if !ok || len(list) != 1 {
				t.Fatalf("Read error %v, want one error", err)
			}
			e := list[0]
			if !errors.Is(e, tc.sentinel) {
				t.Errorf("error %v does not wrap %v", e, tc.sentinel)
			}
			if want := posAfter(t, "bad.json", data, tc.marker); e.Pos != want || e.Path != tc.path {
				t.Errorf("error at %v %q, want %v %q: %v", e.Pos, e.Path, want, tc.path, e)
			}
			if len(d.Publications) != tc.kept {
				t.Fatalf("%d publications kept, want %d", len(d.Publications), tc.kept)
			}
			if tc.kept > 0 && d.Publications[0].Date != tc.date {
				t.Errorf("date %q, want %q", d.Publications[0].Date, tc.date)
			}
			if len(e.Error()) > 400 {
				t.Errorf("error message of %d bytes: %s", len(e.Error()), e)
			}
		})
	}
}
