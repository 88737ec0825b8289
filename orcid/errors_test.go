package orcid_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/source"
)

const (
	nsRecord     = `xmlns:record="http://www.orcid.org/ns/record" xmlns:person="http://www.orcid.org/ns/person" xmlns:common="http://www.orcid.org/ns/common" xmlns:activities="http://www.orcid.org/ns/activities" xmlns:work="http://www.orcid.org/ns/work"`
	recordOpen   = `<record:record ` + nsRecord + ">\n"
	worksSummary = recordOpen + `  <activities:activities-summary>
    <activities:works>
      <activities:group>
        <common:external-ids/>
        <work:work-summary put-code="1"><work:title><common:title>A</common:title></work:title><work:type>other</work:type></work:work-summary>
        <work:work-summary put-code="two"><work:title><common:title>B</common:title></work:title><work:type>other</work:type></work:work-summary>
      </activities:group>
    </activities:works>
  </activities:activities-summary>
</record:record>
`
	jsonWorks = `{
  "orcid-identifier": {"path": "0000-0002-1825-0097"},
  "activities-summary": {
    "works": {
      "group": [
        {"external-ids": {"external-id": []},
         "work-summary": [
           {"put-code": 1, "title": {"title": {"value": "A"}}, "type": "other"},
           {"put-code": "two", "title": {"title": {"value": "B"}}, "type": "other"}
         ]}
      ]
    }
  }
}
`
)

// TestDecodeErrors checks that malformed input gives a source.ErrorList
// whose first error has the line, the column and the path of the problem.
func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, data string
		want             error
		line, col        int
		path             string
	}{
		{"XML: mismatched tag", "r.xml", recordOpen + "  <person:person>\n</record:record>\n",
			source.ErrSyntax, 3, 17, "record.person"},
		{"XML: unclosed root", "r.xml", recordOpen + "  <person:person/>\n",
			source.ErrSyntax, 3, 1, "record"},
		{"XML: put-code not a number", "r.xml", worksSummary,
			source.ErrType, 7, 43, "record.activities-summary.works.group[0].work-summary[1]"},
		{"XML: bad date and time", "r.xml", recordOpen + "  <person:person>\n    <common:last-modified-date>yesterday</common:last-modified-date>\n  </person:person>\n</record:record>\n",
			source.ErrType, 3, 69, "record.person.last-modified-date"},
		{"XML: two roots", "r.xml", `<work:work xmlns:work="http://www.orcid.org/ns/work"/>` + "\n<work:work xmlns:work=\"http://www.orcid.org/ns/work\"/>\n",
			source.ErrSyntax, 2, 1, ""},
		{"XML: not ORCID's", "r.xml", "<html>\n</html>\n",
			orcid.ErrNotORCID, 1, 1, "html"},
		{"XML: a funding", "f.xml", `<funding:funding xmlns:funding="http://www.orcid.org/ns/funding"/>`,
			orcid.ErrUnsupported, 1, 1, "funding"},
		{"JSON: syntax", "r.json", "{\n  \"person\": {\n    \"name\": }\n}\n",
			source.ErrSyntax, 3, 13, "person.name"},
		{"JSON: put-code not a number", "r.json", jsonWorks,
			source.ErrType, 9, 25, "activities-summary.works.group[0].work-summary[1].put-code"},
		{"JSON: an array for a value", "w.json", "{\"title\": {\"title\": {\"value\": \"A\"}},\n \"type\": \"other\",\n \"journal-title\": [1]}\n",
			source.ErrType, 3, 19, "journal-title"},
		{"JSON: data after the object", "r.json", "{\"bulk\": []}\n{}\n",
			source.ErrSyntax, 2, 1, ""},
		{"JSON: an array", "r.json", "[{\"bulk\": []}]",
			orcid.ErrNotORCID, 1, 1, ""},
		{"JSON: scholarld's format", "d.json", "{\"people\": []}",
			orcid.ErrNotORCID, 1, 1, ""},
		{"JSON: which section?", "x.json", "{\"content\": \"psychoceramics\"}",
			orcid.ErrNotORCID, 1, 1, ""},
		{"JSON: fundings", "f.json", "{\"group\": [{\"funding-summary\": []}]}",
			orcid.ErrUnsupported, 1, 1, ""},
		{"neither", "n.txt", "\n  hello",
			orcid.ErrNotORCID, 2, 3, ""},
		{"empty", "e.xml", "",
			orcid.ErrNotORCID, 1, 1, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := orcid.Decode(tc.file, strings.NewReader(tc.data))
			var list source.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Decode = %v, want a source.ErrorList", err)
			}
			e := list[0]
			if !errors.Is(e, tc.want) {
				t.Errorf("error %v does not wrap %v", e, tc.want)
			}
			if e.Pos.File != tc.file || e.Pos.Line != tc.line || e.Pos.Column != tc.col || e.Path != tc.path {
				t.Errorf("error at %v path %q, want %s:%d:%d path %q (%v)", e.Pos, e.Path, tc.file, tc.line, tc.col, tc.path, e)
			}
		})
	}
}

// TestDecodeByName checks that a JSON item whose keys fit several sections
// is placed by its file name.
func TestDecodeByName(t *testing.T) {
	t.Parallel()
	data := []byte(`{"content": "psychoceramics"}`)
	for name, want := range map[string]string{"keyword.json": "topic", "other-names-3.0.json": "other name", "biography.json": "biography"} {
		d, err := orcid.Read(dataset.Document{Name: name, Data: data})
		if err != nil {
			t.Errorf("Parse(%s) = %v", name, err)
			continue
		}
		p := d.People[0]
		got := map[bool]string{len(p.Topics) == 1: "topic", len(p.Name.Other) == 1: "other name", p.Biography != "": "biography"}[true]
		if got != want {
			t.Errorf("Parse(%s) gave a %s, want a %s", name, got, want)
		}
	}
}

func TestSniff(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want bool
	}{
		{"testdata/samples/read/record-3.0.xml", true},
		{"testdata/samples/api/record-3.0.json", true},
		{"testdata/samples/write/bulk-work-3.0.json", true},
		{"testdata/samples/write/employment-3.0.json", true},
		{"testdata/samples/read/funding-3.0.xml", true},
		{"testdata/ada.yaml", false},
		{"../internal/seed/organizations.yaml", false},
	}
	for _, tc := range tests {
		if got := orcid.Sniff(mustRead(t, tc.file)); got != tc.want {
			t.Errorf("Sniff(%s) = %v, want %v", tc.file, got, tc.want)
		}
	}
	for _, data := range []string{`{"people": [{"id": "x"}]}`, `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>`, ``, `{`} {
		if orcid.Sniff([]byte(data)) {
			t.Errorf("Sniff(%q) = true, want false", data)
		}
	}
}
