package openalex_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/openalex"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// seeds adds the seed corpus of the fuzz tests: the fixtures, and the
// documents of the tests in their shapes.
func seeds(f *testing.F) {
	f.Add(mustRead(f, fixture))
	f.Add(mustRead(f, authorFixture))
	f.Add([]byte(strings.Join(jsonLines(f), "\n")))
	f.Add(gzipped(f, append(oneLine(f, 0), '\n')))
	f.Add([]byte(`{"meta": {"count": 1, "db_response_time_ms": 3}, "results": [` + work("") + `], "group_by": []}`))
	f.Add([]byte(work(`"abstract_inverted_index": {"b": [1], "a": [0, 2]}, "type": "article", "type_crossref": "proceedings-article"`)))
	f.Add([]byte(work(`"primary_location": {"landing_page_url": "http://arxiv.org/abs/2101.00001v2", "source": {"display_name": "arXiv", "type": "repository", "issn_l": "2167-8359"}}, "biblio": {"volume": "1", "first_page": "2", "last_page": "3"}`)))
}

// checkRecords fails if a record decoded does not validate, or if two
// records of a kind share an id: whatever the input, what the importer
// returns is valid.
func checkRecords(t *testing.T, d *dataset.Dataset) {
	t.Helper()
	if errs := validate.Records(d); len(errs) > 0 {
		t.Errorf("records do not validate:\n%v", errs)
	}
	ids := map[string]bool{}
	for _, id := range idsOf(d) {
		if ids[id] {
			t.Errorf("id %s given twice", id)
		}
		ids[id] = true
	}
}

func idsOf(d *dataset.Dataset) []string {
	var ids []string
	for _, p := range d.People {
		ids = append(ids, "person "+p.ID)
	}
	for _, o := range d.Organizations {
		ids = append(ids, "organization "+o.ID)
	}
	for _, p := range d.Publications {
		ids = append(ids, "publication "+p.ID)
	}
	return ids
}

func FuzzDecode(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		openalex.Sniff(data)
		d, err := openalex.Decode(dataset.Document{Name: "fuzz.json", Data: data}, dataset.Limits{MaxFileSize: 1 << 20})
		list, ok := errors.AsType[source.ErrorList](err)
		if err != nil && !ok {
			t.Fatalf("Decode: %T %v, want a source.ErrorList", err, err)
		}
		if d == nil {
			if err == nil {
				t.Fatal("Decode = nil, nil")
			}
			return
		}
		for _, e := range append(list, d.Warnings...) {
			if e.Pos.File != "fuzz.json" || !e.Pos.IsValid() {
				t.Errorf("%v: not at a line of fuzz.json", e)
			}
		}
		checkRecords(t, d)
	})
}

func FuzzReader(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		const chunkSize = 3
		r := openalex.NewReader("fuzz.jsonl", bytes.NewReader(data))
		r.SetChunkSize(chunkSize)
		r.SetMaxLineSize(4 << 10)
		all := new(dataset.Dataset)
		for {
			chunk, err := r.Next()
			list, isList := errors.AsType[source.ErrorList](err)
			if err != nil && !isList {
				if chunk != nil {
					t.Errorf("Next = a chunk and %v", err)
				}
				if err != io.EOF && !strings.HasPrefix(err.Error(), "openalex: reading fuzz.jsonl") {
					t.Errorf("Next: %v, want io.EOF or an error reading", err)
				}
				break
			}
			if chunk == nil {
				t.Fatalf("Next = nil, %v", err)
			}
			if n := chunk.Len() + len(list); n > chunkSize && chunk.Len() > 0 && len(chunk.Publications)+len(chunk.People) > 1 {
				t.Errorf("a chunk of %d records and problems, more than %d", n, chunkSize)
			}
			all.Append(chunk)
		}
		checkRecords(t, all)
	})
}
