package orcid_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/source"
)

// TestReadPeopleWithoutIDs checks that the records of two people with no
// ORCID iD stay two people, each with the works of the file named after
// their record: they used to merge into one person with both people's
// positions, and the second person was lost.
func TestReadPeopleWithoutIDs(t *testing.T) {
	t.Parallel()
	d, err := dataset.Decode("two.yaml", strings.NewReader(`people:
  - id: jane
    name: {display: Jane Roe}
    positions: [{kind: employment, organization: acme, title: Engineer, start: "2020"}]
  - id: john
    name: {display: John Doe}
    positions: [{kind: employment, organization: acme, title: Analyst, start: "2021"}]
organizations:
  - {id: acme, name: Acme, kind: company}
publications:
  - {id: jane-paper, title: Jane's paper, kind: preprint, authors: [{ref: jane}], date: "2022"}
  - {id: john-paper, title: John's paper, kind: preprint, authors: [{ref: john}], date: "2023"}
`))
	if err != nil {
		t.Fatal(err)
	}
	var docs []dataset.Document
	for _, id := range []string{"jane", "john"} {
		r, _, err := orcid.Export(d, id)
		if err != nil {
			t.Fatal(err)
		}
		var rec, works bytes.Buffer
		if err := errors.Join(r.WriteXML(&rec), r.WriteWorksXML(&works)); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, dataset.Document{Name: id + ".xml", Data: rec.Bytes()}, dataset.Document{Name: id + ".works.xml", Data: works.Bytes()})
	}
	// Works first, and interleaved: the pairing is by file name, not order.
	docs = []dataset.Document{docs[3], docs[0], docs[1], docs[2]}
	got, err := orcid.Read(docs...)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.People) != 2 {
		t.Fatalf("%d people, want 2", len(got.People))
	}
	for _, p := range got.People {
		if len(p.Positions) != 1 {
			t.Errorf("%s has %d positions, want 1", p.Name.Display, len(p.Positions))
		}
		first := strings.Fields(p.Name.Display)[0]
		var titles []string
		for _, w := range got.Publications {
			for _, a := range w.Authors {
				if a.Ref == p.ID {
					titles = append(titles, w.Title)
				}
			}
		}
		if len(titles) != 1 || !strings.HasPrefix(titles[0], first) {
			t.Errorf("%s is the author of %q, want their own paper only", p.Name.Display, titles)
		}
	}

	// Works that cannot be told apart are refused, not given to anyone.
	docs[0].Name = "unpaired.xml"
	_, err = orcid.Read(docs...)
	if !errors.Is(err, orcid.ErrNotORCID) {
		t.Errorf("works of no known record: err = %v, want ErrNotORCID", err)
	}
	if list, ok := errors.AsType[source.ErrorList](err); !ok || len(list) != 1 || list[0].Pos.File != "unpaired.xml" {
		t.Errorf("works of no known record: err = %v, want one error about unpaired.xml", err)
	}
}

// TestReadWarnings checks that what an import leaves out is reported, at
// the file and path it comes from: a javascript: URL and an iD with a bad
// check digit used to vanish without a word.
func TestReadWarnings(t *testing.T) {
	t.Parallel()
	rec := `{"orcid-identifier": {"path": "0000-0002-1825-0097"},
  "person": {"name": {"credit-name": {"value": "Josiah Carberry"}},
    "researcher-urls": {"researcher-url": [{"url-name": "Home", "url": {"value": "javascript:alert(1)"}}]},
    "external-identifiers": {"external-identifier": [{"external-id-type": "ORCID", "external-id-value": "0000-0002-1825-0096"}]}}}`
	got, err := orcid.Read(dataset.Document{Name: "josiah.json", Data: []byte(rec)})
	if err != nil {
		t.Fatal(err)
	}
	text := got.Warnings.Error()
	if !strings.Contains(text, "josiah.json: person.researcher-urls.researcher-url[0]") || !strings.Contains(text, "javascript:alert(1)") {
		t.Errorf("warnings:\n%s\nwant the javascript: URL, at its file and path", text)
	}
	for _, w := range got.Warnings {
		if !errors.Is(w, orcid.ErrLeftOut) {
			t.Errorf("warning %v does not wrap ErrLeftOut", w)
		}
	}
}

// TestSniffDataset checks that our own JSON dataset is not taken for an
// ORCID record because it holds a key of ORCID's: its people used to be
// dropped.
func TestSniffDataset(t *testing.T) {
	t.Parallel()
	doc := `{"orcid-identifier": {"path": "0000-0002-1825-0097"}, "people": [{"id": "a", "name": {"display": "A"}}]}`
	if orcid.Sniff([]byte(doc)) {
		t.Error("Sniff takes a dataset with people for an ORCID record")
	}
	_, err := inputs.Loader().Decode("d.json", strings.NewReader(doc))
	if !errors.Is(err, source.ErrUnknownField) {
		t.Errorf("err = %v, want the stray key reported as an unknown field", err)
	}
}

// TestRecordLimit checks that ORCID input has the record limit of every
// input: a bulk of more works than the limit is refused.
func TestRecordLimit(t *testing.T) {
	t.Parallel()
	r, _ := exportSeed(t)
	works := write(t, worksXML, r)
	for _, limit := range []int{5, 100} {
		l := dataset.Loader{Formats: inputs.Formats(), Limits: dataset.Limits{MaxRecords: limit}}
		d, err := l.Decode("works.xml", bytes.NewReader(works))
		if limit == 5 && !errors.Is(err, source.ErrTooLarge) {
			t.Errorf("limit 5: %v records, err = %v; want ErrTooLarge", d, err)
		}
		if limit == 100 && (err != nil || len(d.Publications) != 12) {
			t.Errorf("limit 100: err = %v; want the 12 works", err)
		}
	}
}

// TestSkippedSectionsPositioned checks that the sections of a record the
// model does not hold are each reported once, at the line of their first
// item.
func TestSkippedSectionsPositioned(t *testing.T) {
	t.Parallel()
	name := "testdata/samples/read/record-3.0.xml"
	d, err := orcid.Read(dataset.Document{Name: name, Data: mustRead(t, name)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"activities-summary.fundings": 339, "activities-summary.peer-reviews": 512, "activities-summary.research-resources": 620}
	for _, w := range d.Warnings {
		if line, ok := want[w.Path]; ok {
			if w.Pos.File != name || w.Pos.Line != line || w.Pos.Column == 0 {
				t.Errorf("%s at %v, want %s:%d with a column", w.Path, w.Pos, name, line)
			}
			delete(want, w.Path)
		}
	}
	for path := range want {
		t.Errorf("no warning about %s", path)
	}
}

// TestReadOrigins checks that the records read from ORCID documents know
// where they come from, so that messages about them (such as the
// conflicts of merging) name the file and, for the person, the line.
func TestReadOrigins(t *testing.T) {
	t.Parallel()
	name := "testdata/samples/read/record-3.0.xml"
	d, err := orcid.Read(dataset.Document{Name: name, Data: mustRead(t, name)})
	if err != nil {
		t.Fatal(err)
	}
	pos, path := d.Locate(dataset.People, 0, "name")
	if pos.File != name || pos.Line == 0 || path != "person.name" {
		t.Errorf("person: %v %q, want a line of %s and person.name", pos, path, name)
	}
	for i := range d.Publications {
		if pos, path := d.Locate(dataset.Publications, i, "title"); pos.File != name || !strings.Contains(path, "work") {
			t.Errorf("publication %d: %v %q, want %s and the work's path", i, pos, path, name)
		}
	}
}
