package crossref_test

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/crossref"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// FuzzRead checks that Read never panics, that every problem it reports
// has a position in the file, and that whatever records it returns pass
// validation.
func FuzzRead(f *testing.F) {
	message := mustReadFile(f, fixture)
	f.Add(message)
	f.Add(mustReadFile(f, "testdata/work-list.json"))
	f.Add([]byte(`{"status": "ok", "message-type": "work", "message": ` + string(message) + `}`))
	f.Add([]byte(`[{"DOI": "10.1234/a", "title": ["T"], "author": [{"name": "N"}], "relation": {"is-preprint-of": [{"id-type": "doi", "id": "10.1234/b"}]}},` +
		`{"DOI": "10.1234/b", "title": ["U"], "author": [{"given": "G", "family": "F", "ORCID": "http://orcid.org/0000-0002-1825-0097"}], "relation": {"is-preprint-of": [{"id-type": "doi", "id": "10.1234/a"}]}}]`))
	f.Add([]byte(`{"DOI": "10.1234/x", "title": ["<jats:p>T</jats:p>"], "author": [{"given": "\u0000"}], "issued": {"date-parts": [[2014, 13, 40]]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := crossref.Read("f.json", data)
		if err != nil {
			list, ok := errors.AsType[source.ErrorList](err)
			if !ok {
				t.Fatalf("error %v is not a source.ErrorList", err)
			}
			for _, e := range list {
				if e.Pos.File != "f.json" || e.Pos.Line < 1 {
					t.Errorf("error without a position: %v", e)
				}
			}
		}
		if d == nil {
			t.Fatal("no dataset")
		}
		if err := validate.Dataset(d); err != nil {
			t.Errorf("records do not validate: %v", err)
		}
	})
}
