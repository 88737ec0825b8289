package crossref_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/crossref"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// elife is the publication of the fixture, but for its abstract and
// origin.
var elife = publication.Publication{
	ID:    "10-7554-elife-01567",
	Title: "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth",
	Kind:  publication.KindJournalArticle,
	Authors: []publication.Contributor{
		{Name: "Martial Sankar"}, {Name: "Kaisa Nieminen"}, {Name: "Laura Ragni"},
		{Name: "Ioannis Xenarios"}, {Name: "Christian S Hardtke"},
	},
	Venue:       publication.Venue{Name: "eLife", Kind: publication.VenueJournal, Volume: "3", ISSN: "2050-084X"},
	Date:        "2014-02-11",
	Identifiers: publication.Identifiers{DOI: "10.7554/elife.01567"},
	Keywords: []string{"General Immunology and Microbiology", "General Biochemistry, Genetics and Molecular Biology",
		"General Medicine", "General Neuroscience"},
}

// elifeWarnings are the paths of the warnings about the fixture.
var elifeWarnings = []string{"publisher", "license", "funder", "author[0].affiliation", "reference", "language",
	"relation.is-supplemented-by", "assertion"}

// checkElife checks what Read made of the fixture, at path in data.
func checkElife(t *testing.T, name string, data []byte, path string) {
	t.Helper()
	d, err := crossref.Read(name, data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(d.Publications) != 1 {
		t.Fatalf("%d publications, want 1", len(d.Publications))
	}
	got := d.Publications[0]
	if !strings.HasPrefix(got.Abstract, "Among various advantages, their small size") || !strings.HasSuffix(got.Abstract, "equidistant phloem pole formation.") || strings.Contains(got.Abstract, "<") {
		t.Errorf("abstract %q is not the text of the fixture's JATS", got.Abstract)
	}
	wantPos := source.Pos{File: name, Line: 1, Column: 1}
	if path != "" {
		wantPos = posAfter(t, name, data, `"message": `)
	}
	if got.Origin.Path != path || got.Origin.Pos != wantPos {
		t.Errorf("origin %q at %v, want %q at %v", got.Origin.Path, got.Origin.Pos, path, wantPos)
	}
	got.Abstract, got.Origin = "", source.Origin{}
	if diff := cmp.Diff(elife, got); diff != "" {
		t.Errorf("publication (-want +got):\n%s", diff)
	}
	var paths []string
	for _, w := range d.Warnings {
		paths = append(paths, strings.TrimPrefix(w.Path, source.JoinPath(path, "")+"."))
		if !errors.Is(w, crossref.ErrLeftOut) {
			t.Errorf("warning %v does not wrap ErrLeftOut", w)
		}
	}
	if diff := cmp.Diff(elifeWarnings, paths); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	if w := d.Warnings[2]; w.Pos != posAfter(t, name, data, `"funder": `) {
		t.Errorf("funder warning at %v, want at the funder array %v", w.Pos, posAfter(t, name, data, `"funder": `))
	}
}

func TestReadMessage(t *testing.T) {
	t.Parallel()
	checkElife(t, fixture, mustReadFile(t, fixture), "")
}

func TestReadWrapped(t *testing.T) {
	t.Parallel()
	data := []byte(`{"status": "ok", "message-type": "work", "message-version": "1.0.0", "message": ` +
		string(mustReadFile(t, fixture)) + "}\n")
	checkElife(t, "wrapped.json", data, "message")
}

func TestReadList(t *testing.T) {
	t.Parallel()
	const name = "testdata/work-list.json"
	data := mustReadFile(t, name)
	d, err := crossref.Read(name, data)

	// The item that is not a work is an error; the others are read.
	list, ok := errors.AsType[source.ErrorList](err)
	if !ok || len(list) != 1 || list[0].Path != "message.items[3]" || !errors.Is(list[0], source.ErrType) ||
		list[0].Pos != posOf(t, name, data, `"not a work"`) {
		t.Fatalf("Read error %v, want one wrong type at message.items[3]", err)
	}
	want := []publication.Publication{
		{
			ID: "10-1101-2013-09-20-000001", Title: "Automated quantitative histology reveals vascular morphodynamics",
			Kind: publication.KindPreprint,
			Authors: []publication.Contributor{
				{Name: "Martial Sankar", ORCID: "0000-0002-1825-0097"},
				{Name: "Kaisa Nieminen", ORCID: "0000-0001-5109-3700"},
				{Name: "The Arabidopsis Consortium"},
			},
			Venue:       publication.Venue{Name: "bioRxiv", Kind: publication.VenueRepository},
			Date:        "2013-09-20",
			Identifiers: publication.Identifiers{DOI: "10.1101/2013.09.20.000001"},
			VersionOf:   "10-7554-elife-01567",
		},
		{
			ID: "10-7554-elife-01567", Title: elife.Title, Kind: publication.KindJournalArticle,
			Authors:     []publication.Contributor{{Name: "Martial Sankar"}, {Name: "Christian S Hardtke"}},
			Venue:       publication.Venue{Name: "eLife", Kind: publication.VenueJournal, Volume: "3", Pages: "e01567", ISSN: "2050-084X"},
			Date:        "2014-02-11",
			Identifiers: publication.Identifiers{DOI: "10.7554/elife.01567"},
		},
		{
			ID: "10-5555-published-elsewhere", Title: "A version of a work this file does not hold", Kind: publication.KindJournalArticle,
			Authors:     []publication.Contributor{{Name: "Ada Lovelace"}},
			Venue:       publication.Venue{Name: "Journal of Examples", Kind: publication.VenueJournal},
			Date:        "2020",
			Identifiers: publication.Identifiers{DOI: "10.5555/published-elsewhere"},
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
	if diff := cmp.Diff([]string{"message.items[0]", "message.items[1]", "message.items[2]"}, origins); diff != "" {
		t.Errorf("origins (-want +got):\n%s", diff)
	}

	type warning struct {
		Pos      source.Pos
		Path     string
		Sentinel error
	}
	wantWarnings := []warning{
		{posAfter(t, name, data, `"group-title": `), "message.items[0].group-title", crossref.ErrLeftOut},
		{posAfter(t, name, data, `"Nieminen", "sequence": `), "message.items[0].author[1].sequence", crossref.ErrSequence},
		{posOf(t, name, data, `{"sequence": "additional", "affiliation"`), "message.items[0].author[2]", crossref.ErrLeftOut},
		{posAfter(t, name, data, `"additional", "affiliation": `), "message.items[0].author[2].affiliation", crossref.ErrLeftOut},
		{posAfter(t, name, data, `"is-version-of": [`), "message.items[2].relation.is-version-of[0]", crossref.ErrLeftOut},
		{posOf(t, name, data, "{\n        \"DOI\": \"10.7554/ELIFE.01567\""), "message.items[4]", crossref.ErrLeftOut},
		{posOf(t, name, data, "{\n        \"DOI\": \"10.5555/workshop-paper\""), "message.items[5]", crossref.ErrLeftOut},
		{posOf(t, name, data, `{"sequence": "first"}, {"sequence": "additional", "ORCID"`), "message.items[5].author[0]", crossref.ErrLeftOut},
		{posAfter(t, name, data, `"author": [{"sequence": "first"}, `), "message.items[5].author[1]", crossref.ErrLeftOut},
	}
	var got []warning
	for _, w := range d.Warnings {
		g := warning{w.Pos, w.Path, nil}
		for _, s := range []error{crossref.ErrSequence, crossref.ErrLeftOut} {
			if errors.Is(w, s) {
				g.Sentinel = s
			}
		}
		got = append(got, g)
	}
	// Warnings are sorted by position.
	if diff := cmp.Diff(wantWarnings, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	for _, w := range d.Warnings {
		if w.Path == "message.items[2].relation.is-version-of[0]" && !strings.Contains(w.Error(), "10.5555/the-other-version") {
			t.Errorf("warning %q does not name the related DOI", w)
		}
	}
}
