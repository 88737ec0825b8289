package crossref_test

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/crossref"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// TestReadErrors checks that broken and wrong-typed values are errors at
// their position and path, wrapping the right sentinel, and that the work
// is kept without the value when it can be.
func TestReadErrors(t *testing.T) {
	t.Parallel()
	const ok = `"DOI": "10.1234/ok", "type": "journal-article", "title": ["T"], "author": [{"given": "A", "family": "B"}]`
	tests := []struct {
		name     string
		doc      string
		marker   string // the text just before the bad value
		path     string
		sentinel error
		kept     int
		date     profile.Date // of the first publication kept
	}{
		{"ORCID checksum", `{"DOI": "10.1234/x", "title": ["T"], "author": [{"given": "A", "family": "B", "ORCID": "http://orcid.org/0000-0002-1825-0096"}]}`,
			`"ORCID": `, "author[0].ORCID", profile.ErrChecksum, 1, ""},
		{"ORCID malformed", `{"DOI": "10.1234/x", "title": ["T"], "author": [{"name": "N", "ORCID": "orcid.org/123"}]}`,
			`"ORCID": `, "author[0].ORCID", profile.ErrMalformed, 1, ""},
		{"ORCID a number", `{"DOI": "10.1234/x", "title": ["T"], "author": [{"name": "N", "ORCID": 12}]}`,
			`"ORCID": `, "author[0].ORCID", source.ErrType, 1, ""},
		{"title a string", `{"DOI": "10.1234/x", "title": "T", "author": [{"name": "N"}]}`,
			`"title": `, "title", source.ErrType, 0, ""},
		{"title item a number", `{"DOI": "10.1234/x", "title": [7, "T"], "author": [{"name": "N"}]}`,
			`"title": [`, "title[0]", source.ErrType, 1, ""},
		{"author an object", `{"DOI": "10.1234/x", "title": ["T"], "author": {"given": "A"}}`,
			`"author": `, "author", source.ErrType, 0, ""},
		{"given a number", `{"DOI": "10.1234/x", "title": ["T"], "author": [{"given": 5, "family": "B"}]}`,
			`"given": `, "author[0].given", source.ErrType, 1, ""},
		{"author a string", `{"DOI": "10.1234/x", "title": ["T"], "author": ["A. B.", {"name": "N"}]}`,
			`"author": [`, "author[0]", source.ErrType, 1, ""},
		{"DOI malformed", `{"DOI": "doi:11.1/x", "title": ["T"], "author": [{"name": "N"}]}`,
			`"DOI": `, "DOI", profile.ErrMalformed, 1, ""},
		{"month 13, online date kept", `{` + ok + `, "issued": {"date-parts": [[2014, 13]]}, "published-online": {"date-parts": [[2014, 2]]}}`,
			`"date-parts": [`, "issued.date-parts[0]", profile.ErrMalformed, 1, "2014-02"},
		{"day 30 of February", `{` + ok + `, "issued": {"date-parts": [["2015", "2", "30"]]}}`,
			`"date-parts": [`, "issued.date-parts[0]", profile.ErrMalformed, 1, ""},
		{"part not a number", `{` + ok + `, "issued": {"date-parts": [["2014a"]]}}`,
			`"date-parts": [[`, "issued.date-parts[0][0]", source.ErrType, 1, ""},
		{"part a fraction", `{` + ok + `, "issued": {"date-parts": [[2014, 1.5]]}}`,
			`"date-parts": [[2014, `, "issued.date-parts[0][1]", source.ErrType, 1, ""},
		{"huge year", `{` + ok + `, "issued": {"date-parts": [[123456789012345678901234567890]]}}`,
			`"date-parts": [[`, "issued.date-parts[0][0]", profile.ErrMalformed, 1, ""},
		{"four parts", `{` + ok + `, "issued": {"date-parts": [[2014, 1, 2, 3]]}}`,
			`"date-parts": [`, "issued.date-parts[0]", source.ErrType, 1, ""},
		{"date-parts an object", `{` + ok + `, "issued": {"date-parts": {"year": 2014}}}`,
			`"date-parts": `, "issued.date-parts", source.ErrType, 1, ""},
		{"issued a string", `{` + ok + `, "issued": "2014"}`,
			`"issued": `, "issued", source.ErrType, 1, ""},
		{"ISSN checksum", `{` + ok + `, "container-title": ["J"], "ISSN": ["1234-5678"]}`,
			`"ISSN": [`, "ISSN[0]", profile.ErrChecksum, 1, ""},
		{"ISBN malformed", `{` + ok + `, "ISBN": ["12"]}`,
			`"ISBN": [`, "ISBN[0]", profile.ErrMalformed, 1, ""},
		{"volume true", `{` + ok + `, "container-title": ["J"], "volume": true}`,
			`"volume": `, "volume", source.ErrType, 1, ""},
		{"relation id malformed", `{` + ok + `, "relation": {"is-preprint-of": [{"id-type": "doi", "id": "nonsense"}]}}`,
			`"id": `, "relation.is-preprint-of[0].id", profile.ErrMalformed, 1, ""},
		{"relation a list", `{` + ok + `, "relation": []}`,
			`"relation": `, "relation", source.ErrType, 1, ""},
		{"work a number", `[42, {` + ok + `, "ISSN": []}]`,
			`[`, "[0]", source.ErrType, 1, ""},
		{"syntax error after a good work", `[{` + ok + `}, {"DOI": ]`,
			`}, {"DOI": `, "[1]", source.ErrSyntax, 1, ""},
		{"duplicate key", `{` + ok + `, "title": ["U"]}`,
			`}], `, "title", source.ErrDuplicateKey, 0, ""},
		{"not a work list", `{"message-type": "member-list", "message": {"items": [{` + ok + `}]}}`,
			`"message-type": `, "message-type", crossref.ErrNotWork, 0, ""},
		{"failed call", `{"status": "failed", "message-type": "validation-failure", "message": [{"type": "x"}]}`,
			`"status": `, "status", crossref.ErrNotWork, 0, ""},
		{"a string", `"10.1234/x"`, ``, "", crossref.ErrNotWork, 0, ""},
		{"work-list without items", `{"message-type": "work-list", "message": {"total-results": 0}}`,
			`"message": `, "message", source.ErrType, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			data := []byte(tc.doc)
			d, err := crossref.Read("bad.json", data)
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
