package datacite_test

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/datacite"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// FuzzRead checks that Read never panics, that every problem it reports
// has a position in the file, and that whatever records it returns pass
// validation.
func FuzzRead(f *testing.F) {
	f.Add(mustReadFile(f, fixture))
	f.Add(mustReadFile(f, "testdata/dois-list.json"))
	f.Add([]byte(`{"doi": "10.1234/x", "titles": [{"title": "<p>T</p>", "titleType": "Subtitle"}, {"title": "U"}], "creators": [{"name": "B, A", "nameType": "Personal"}], "dates": [{"date": "2014-13-40/2015", "dateType": "Issued"}]}`))
	f.Add([]byte(`[{"attributes": {"doi": "10.48550/arXiv.2402.05271", "titles": [{"title": "T"}], "creators": [{"name": "N"}], "relatedIdentifiers": [{"relatedIdentifier": "arXiv:2402.05271v2", "relatedIdentifierType": "arXiv", "relationType": "IsVersionOf"}]}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := datacite.Read("f.json", data)
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
