package dataset_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// loadMerged loads the files of fsys, in order, and merges them.
func loadMerged(t *testing.T, fsys fstest.MapFS, names ...string) (*dataset.Dataset, error) {
	t.Helper()
	l := dataset.Loader{FS: fsys}
	return dataset.Merge(l.Load(names...))
}

func TestMergeSamePerson(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte(`people:
  - id: ada
    name: {display: Ada Lovelace}
    identifiers: {orcid: 0000-0002-1825-0097}
    homepage: https://ada.example/
`)},
		"b.yaml": {Data: []byte(`people:
  - id: lovelace
    name: {display: Ada Lovelace, family: Lovelace}
    identifiers: {orcid: "0000000218250097", dblp: 37/8466}
    homepage: https://other.example/
publications:
  - id: notes
    title: Notes
    kind: other
    authors: [{ref: lovelace}]
`)},
	}
	d, err := loadMerged(t, fsys, "a.yaml", "b.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.People) != 1 {
		t.Fatalf("%d people, want 1 merged", len(d.People))
	}
	p := d.People[0]
	want := profile.Person{
		ID:          "ada",
		Name:        profile.Name{Display: "Ada Lovelace", Family: "Lovelace"},
		Identifiers: profile.PersonIdentifiers{ORCID: "0000-0002-1825-0097", DBLP: "37/8466"},
		Homepage:    "https://ada.example/", // the earlier input wins
		Origin:      p.Origin,
	}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("merged person (-want +got):\n%s", diff)
	}
	if got := d.Publications[0].Authors[0].Ref; got != "ada" {
		t.Errorf("author ref = %q, want the kept id, ada", got)
	}
	// One conflict, the homepage, positioned at the later value and
	// naming the earlier.
	if len(d.Warnings) != 1 {
		t.Fatalf("warnings = %v, want 1", d.Warnings)
	}
	w := d.Warnings[0]
	if !errors.Is(w, dataset.ErrConflict) || w.Pos != (source.Pos{File: "b.yaml", Line: 5, Column: 15}) || w.Path != "people[0].homepage" {
		t.Errorf("warning = %v, want a conflict at b.yaml:5:15 people[0].homepage", w)
	}
	if want := "a.yaml:5:15"; !strings.Contains(w.Error(), want) {
		t.Errorf("warning %q does not name the earlier position %s", w, want)
	}
}

func TestMergeSharedORCID(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte("people:\n  - id: ada\n    name: {display: Ada Lovelace}\n    identifiers: {orcid: 0000-0002-1825-0097}\n")},
		"b.yaml": {Data: []byte("people:\n  - id: grace\n    name: {display: Grace Hopper}\n    identifiers: {orcid: 0000-0002-1825-0097}\n")},
	}
	_, err := loadMerged(t, fsys, "a.yaml", "b.yaml")
	list, ok := errors.AsType[source.ErrorList](err)
	if !ok || len(list) != 1 || !errors.Is(list[0], dataset.ErrSharedORCID) {
		t.Fatalf("err = %v, want one ErrSharedORCID", err)
	}
	if got, want := list[0].Pos, (source.Pos{File: "b.yaml", Line: 4, Column: 26}); got != want {
		t.Errorf("error at %v, want %v", got, want)
	}
}

func TestMergeNotWithinAFile(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte("people:\n  - id: ada\n    name: {display: Ada}\n  - id: ada\n    name: {display: Ada}\n")},
	}
	d, err := loadMerged(t, fsys, "a.yaml")
	if err != nil || len(d.People) != 2 {
		t.Errorf("Merge = %d people, %v; want both kept, for validation to report", len(d.People), err)
	}
}

func TestMergeTwoSidedSupervision(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"advisor.yaml": {Data: []byte(`people:
  - id: yoshua
    name: {display: Yoshua}
    supervisions:
      - {student: {ref: ioannis}, level: postdoc, role: principal, status: past}
`)},
		"student.yaml": {Data: []byte(`people:
  - id: ioannis
    name: {display: Ioannis}
    education:
      - organization: stanford
        degree: PhD
        advisors: [{ref: yoshua}, {name: Someone Else}]
`)},
	}
	d, err := loadMerged(t, fsys, "advisor.yaml", "student.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]profile.PersonRef{{Name: "Someone Else"}}, d.People[1].Education[0].Advisors); diff != "" {
		t.Errorf("advisors, the supervision stated once (-want +got):\n%s", diff)
	}
}

// TestMergeVersions checks that a preprint and its published version,
// which share an arXiv id, stay two versions of one work, and that a
// conflict between author lists names both places and the names.
func TestMergeVersions(t *testing.T) {
	d, err := dataset.Merge(dataset.Load("testdata/versions"))
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ ID, VersionOf, ArXiv, DOI string }
	var got []row
	for _, p := range d.Publications {
		got = append(got, row{p.ID, p.VersionOf, string(p.Identifiers.ArXiv), string(p.Identifiers.DOI)})
	}
	want := []row{
		{"adam-preprint", "adam", "2410.08198", ""},
		{"adam", "", "", "10.5555/adam.2025"},
		{"other", "", "", "10.5555/other"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("publications (-want +got):\n%s", diff)
	}
	var warnings []string
	for _, w := range d.Warnings {
		warnings = append(warnings, w.Error())
	}
	wantWarnings := []string{
		"testdata/versions/b-published.yaml:2:5: publications[0]: the published version of arXiv id 2410.08198 at testdata/versions/a-preprint.yaml:2:5 (publications[0]): kept as two versions of one work, the preprint's version_of naming the other: two versions of one work",
		"testdata/versions/c-same.yaml:5:14: publications[0].authors: [Ada Lovelace, Grace Hopper, Alan Turing, and 1 more] here, [Ada Lovelace] at testdata/versions/b-published.yaml:11:14 (publications[1].authors) of the same publication; the earlier input's is kept: conflicting values",
	}
	if diff := cmp.Diff(wantWarnings, warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}
