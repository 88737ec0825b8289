package dataset_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

func TestLoadDirectory(t *testing.T) {
	t.Parallel()
	d, err := dataset.Load("testdata/multi")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := [3]int{len(d.People), len(d.Organizations), len(d.Publications)}, [3]int{1, 1, 1}; got != want {
		t.Fatalf("records = %v, want %v", got, want)
	}
	// Identifiers are canonical, whatever their written form.
	if got, want := d.People[0].Identifiers.ORCID, profile.ORCID("0000-0002-1825-0097"); got != want {
		t.Errorf("ORCID = %q, want %q", got, want)
	}
	if got, want := d.Organizations[0].ROR, profile.ROR("0161xgx34"); got != want {
		t.Errorf("ROR = %q, want %q", got, want)
	}
	id := d.Publications[0].Identifiers
	if diff := cmp.Diff(publication.Identifiers{ArXiv: "2402.05271v1", DOI: "10.1234/ABC"}, id); diff != "" {
		t.Errorf("identifiers (-want +got):\n%s", diff)
	}
	// A plain name is an author by name; order is kept.
	want := []publication.Contributor{{Ref: "ada"}, {Name: "Charles Babbage"}}
	if diff := cmp.Diff(want, d.Publications[0].Authors); diff != "" {
		t.Errorf("authors (-want +got):\n%s", diff)
	}
	// Every record knows its file and path.
	tests := []struct {
		s    dataset.Section
		sub  string
		want string
	}{
		{dataset.People, "positions[0].organization", "testdata/multi/people/ada.yaml:5:32"},
		{dataset.Organizations, "ror", "testdata/multi/organizations.json:3:68"},
		{dataset.Publications, "authors[1]", "testdata/multi/publications.yml:5:27"},
	}
	for _, tc := range tests {
		pos, _ := d.Origin(tc.s, 0).Locate(tc.sub)
		if pos.String() != tc.want {
			t.Errorf("Origin(%v, 0).Locate(%q) = %v, want %s", tc.s, tc.sub, pos, tc.want)
		}
	}
}

func TestLoadFS(t *testing.T) {
	t.Parallel()
	fromDisk, err := dataset.Load("testdata/multi")
	if err != nil {
		t.Fatal(err)
	}
	fromFS, err := (&dataset.Loader{FS: os.DirFS("testdata")}).Load("multi")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fromDisk.People, fromFS.People, cmpopts.IgnoreTypes(source.Origin{})); diff != "" {
		t.Errorf("LoadFS differs from Load (-Load +LoadFS):\n%s", diff)
	}
	pos, _ := fromFS.Origin(dataset.People, 0).Locate("id")
	if got, want := pos.String(), "multi/people/ada.yaml:2:9"; got != want {
		t.Errorf("position = %s, want %s", got, want)
	}
}

func TestLoadMissing(t *testing.T) {
	t.Parallel()
	_, err := dataset.Load("testdata/no-such-file.yaml")
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(missing) = %v, want an error wrapping os.ErrNotExist", err)
	}
}

// TestAppend checks that records built in Go keep dataset paths next to
// records loaded from files.
func TestAppend(t *testing.T) {
	t.Parallel()
	loaded, err := dataset.Decode("a.yaml", strings.NewReader("people:\n  - id: a\n    name: {display: A}\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := &dataset.Dataset{People: []profile.Person{{ID: "go"}}}
	d.Append(loaded)
	tests := []struct {
		i         int
		pos, path string
	}{
		{0, "-", "People[0].Name"},
		{1, "a.yaml:3:11", "people[0].name"},
	}
	for _, tc := range tests {
		pos, path := d.Locate(dataset.People, tc.i, "name")
		if pos.String() != tc.pos || path != tc.path {
			t.Errorf("record %d: Locate = %v %q, want %s %q", tc.i, pos, path, tc.pos, tc.path)
		}
	}
}

// TestPartial checks that decoding errors come with what could be decoded,
// but syntax errors with nothing.
func TestPartial(t *testing.T) {
	t.Parallel()
	d, err := dataset.Decode("p.yaml", strings.NewReader("people:\n  - id: a\n    name: {display: A}\n    colour: red\n"))
	if !errors.Is(err, source.ErrUnknownField) || d == nil || len(d.People) != 1 {
		t.Errorf("Parse(unknown field) = %v, %v; want the person and ErrUnknownField", d, err)
	}
	d, err = dataset.Decode("p.yaml", strings.NewReader("people: [\n"))
	if !errors.Is(err, source.ErrSyntax) || d != nil {
		t.Errorf("Parse(bad syntax) = %v, %v; want nil and ErrSyntax", d, err)
	}
}
