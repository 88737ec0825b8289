package datacite_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/datacite"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// survey is the publication of the fixture, but for its origin.
var survey = publication.Publication{
	ID:    "10-5438-zhyx-n122",
	Title: "DataCite Member Survey 2022",
	Kind:  publication.KindJournalArticle,
	Authors: []publication.Contributor{
		{Name: "Rorie Edmunds"}, {Name: "Paul Vierkant", ORCID: "0000-0003-4448-3844"},
	},
	Abstract:    "At the end of 2022, we conducted our annual member survey, asking our members about their experience being part of the DataCite community and how DataCite services might alleviate any challenges they are facing. We thank the many members who participated in the survey for sharing their valuable perspectives with us. After analyzing their insights, we are pleased to publish the following summary of the main outcomes.",
	Date:        "2023",
	Identifiers: publication.Identifiers{DOI: "10.5438/zhyx-n122"},
	URL:         "https://datacite.org/blog/datacite-member-survey-2022/",
}

// surveyWarnings are the paths of the warnings about the fixture, below
// its attributes.
var surveyWarnings = []string{"creators[0].affiliation", "publisher", "language", "relatedIdentifiers[0]", "version", "rightsList"}

// forms returns the fixture in each form Read reads: the response, the
// record alone, and its attributes alone, with the path of the record
// and of its attributes in each.
func forms(t *testing.T) []struct {
	name, path, attrs string
	data              []byte
} {
	data := mustReadFile(t, fixture)
	var doc struct {
		Data struct {
			Attributes json.RawMessage `json:"attributes"`
		} `json:"data"`
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	return []struct {
		name, path, attrs string
		data              []byte
	}{
		{"response", "data", "data.attributes", data},
		{"record", "", "attributes", raw["data"]},
		{"attributes", "", "", doc.Data.Attributes},
	}
}

func TestReadForms(t *testing.T) {
	t.Parallel()
	for _, form := range forms(t) {
		t.Run(form.name, func(t *testing.T) {
			t.Parallel()
			name := form.name + ".json"
			d, err := datacite.Read(name, form.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if len(d.Publications) != 1 {
				t.Fatalf("%d publications, want 1", len(d.Publications))
			}
			got := d.Publications[0]
			wantPos := posOf(t, name, form.data, "{")
			if form.path == "data" {
				wantPos = posAfter(t, name, form.data, `"data": `)
			}
			if got.Origin.Path != form.path || got.Origin.Pos != wantPos {
				t.Errorf("origin %q at %v, want %q", got.Origin.Path, got.Origin.Pos, form.path)
			}
			got.Origin = source.Origin{}
			if diff := cmp.Diff(survey, got); diff != "" {
				t.Errorf("publication (-want +got):\n%s", diff)
			}
			var paths []string
			for _, w := range d.Warnings {
				paths = append(paths, strings.TrimPrefix(w.Path, form.attrs+"."))
				if !errors.Is(w, datacite.ErrLeftOut) {
					t.Errorf("warning %v does not wrap ErrLeftOut", w)
				}
			}
			if diff := cmp.Diff(surveyWarnings, paths); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			if w, want := d.Warnings[5].Pos, posAfter(t, name, form.data, `"rightsList": `); w != want {
				t.Errorf("rightsList warning at %v, want %v", w, want)
			}
		})
	}
}

func TestReadList(t *testing.T) {
	t.Parallel()
	const name = "testdata/dois-list.json"
	data := mustReadFile(t, name)
	d, err := datacite.Read(name, data)

	list, ok := errors.AsType[source.ErrorList](err)
	if !ok || len(list) != 1 || list[0].Path != "data[5].type" || !errors.Is(list[0], datacite.ErrNotDOI) ||
		list[0].Pos != posAfter(t, name, data, `"id": "datacite.blog",`+"\n      "+`"type": `) {
		t.Fatalf("Read error %v, want one at data[5].type", err)
	}
	want := []publication.Publication{
		{
			ID: "10-5281-zenodo-1000002", Title: "Example Toolkit: Version 2", Kind: publication.KindSoftware,
			Authors: []publication.Contributor{
				{Name: "The Example Consortium"}, {Name: "Marie Curie", ORCID: "0000-0002-1825-0097"}, {Name: "Lovelace, Ada"},
			},
			Abstract:    "A toolkit.\n\nSecond paragraph & more.",
			Venue:       publication.Venue{Name: "Zenodo", Kind: publication.VenueRepository},
			Date:        "2021-03-04",
			Identifiers: publication.Identifiers{DOI: "10.5281/zenodo.1000002"},
			URL:         "https://zenodo.org/records/1000002",
			Keywords:    []string{"Optimization", "optimization"},
			VersionOf:   "10-5281-zenodo-1000001",
			OtherTitles: []string{"ETK"},
		},
		{
			ID: "10-5281-zenodo-1000001", Title: "Example Toolkit", Kind: publication.KindSoftware,
			Authors:     []publication.Contributor{{Name: "The Example Consortium"}},
			Venue:       publication.Venue{Name: "Zenodo", Kind: publication.VenueRepository},
			Date:        "2020",
			Identifiers: publication.Identifiers{DOI: "10.5281/ZENODO.1000001"},
		},
		{
			ID: "10-48550-arxiv-2402-05271", Title: "On the analytical engine", Kind: publication.KindPreprint,
			Authors:     []publication.Contributor{{Name: "Ada Lovelace"}, {Name: "Charles Babbage"}},
			Venue:       publication.Venue{Name: "arXiv", Kind: publication.VenueRepository},
			Date:        "2024-02-07",
			Identifiers: publication.Identifiers{DOI: "10.48550/arxiv.2402.05271", ArXiv: "2402.05271"},
			VersionOf:   "10-5555-analytical-engine",
		},
		{
			ID: "10-5555-analytical-engine", Title: "On the analytical engine", Kind: publication.KindJournalArticle,
			Authors: []publication.Contributor{{Name: "Ada Lovelace"}},
			Venue: publication.Venue{Name: "Journal of Examples", Kind: publication.VenueJournal, Volume: "12", Issue: "3",
				Pages: "100–120", ISSN: "2050-084X"},
			Date:        "2024-05",
			Identifiers: publication.Identifiers{DOI: "10.5555/analytical-engine"},
		},
	}
	var origins []string
	for i := range d.Publications {
		origins = append(origins, d.Publications[i].Origin.Path)
		d.Publications[i].Origin = source.Origin{}
	}
	if diff := cmp.Diff(want, d.Publications); diff != "" {
		t.Errorf("publications (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"data[0]", "data[1]", "data[2]", "data[3]"}, origins); diff != "" {
		t.Errorf("origins (-want +got):\n%s", diff)
	}
	wantWarnings := []string{
		"data[0].attributes.creators[0].nameIdentifiers[0].nameIdentifier",
		"data[0].attributes.creators[2]",
		"data[0].attributes.creators[2].affiliation",
		"data[0].attributes.contributors[0]",
		"data[0].attributes.relatedIdentifiers[1]",
		"data[0].attributes.relatedIdentifiers[2]",
		"data[0].attributes.descriptions[1]",
		"data[3].attributes.publisher",
		"data[4]",
		"data[4].attributes.creators[0]",
	}
	if diff := cmp.Diff(wantWarnings, where(d.Warnings), cmp.Transformer("path", func(s string) string {
		return s[strings.IndexByte(s, ' ')+1:]
	})); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	for _, w := range d.Warnings {
		if !errors.Is(w, datacite.ErrLeftOut) {
			t.Errorf("warning %v does not wrap ErrLeftOut", w)
		}
		switch w.Path {
		case "data[0].attributes.relatedIdentifiers[1]":
			if !strings.Contains(w.Error(), "10.5281/zenodo.999999") || w.Pos != posOf(t, name, data, `{"relatedIdentifier": "10.5281/zenodo.999999"`) {
				t.Errorf("warning %q does not name the related DOI at its position", w)
			}
		case "data[4].attributes.creators[0]":
			if !strings.Contains(w.Error(), "0000-0002-1825-0097") {
				t.Errorf("warning %q does not give the nameless creator's ORCID iD", w)
			}
		}
	}
}
