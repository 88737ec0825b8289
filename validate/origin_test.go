package validate_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// TestReorderedRecords checks that errors point at the right lines after
// the loaded records are sorted and filtered: each record carries its own
// origin.
func TestReorderedRecords(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"people.yaml": {Data: []byte(`people:
  - id: ada
    name: {display: Ada}
    positions:
      - {organization: nowhere, title: Analyst, start: "1842"}
  - id: bob
    name: {display: Bob}
    identifiers: {orcid: 0000-0002-1825-0096}
  - id: cy
    name: {display: Cy}
    topics: [{label: ""}]
`)},
		"more.yaml": {Data: []byte(`people:
  - id: dee
    name: {display: Dee}
    homepage: "javascript:alert(1)"
`)},
	}
	l := dataset.Loader{FS: fsys}
	d, err := l.Load(".")
	if err != nil {
		t.Fatal(err)
	}
	want := places(t, validate.Dataset(d))
	if len(want) != 5 {
		t.Fatalf("in file order, %d problems, want 5:\n%v", len(want), validate.Dataset(d))
	}

	// Sorted by id, newest first: the same problems at the same places.
	slices.SortFunc(d.People, func(a, b profile.Person) int { return strings.Compare(b.ID, a.ID) })
	if got := places(t, validate.Dataset(d)); !slices.Equal(got, want) {
		t.Errorf("after sorting:\n got %q\nwant %q", got, want)
	}

	// Without bob: bob's problem is gone, the others stay where they were.
	d.People = slices.DeleteFunc(d.People, func(p profile.Person) bool { return p.ID == "bob" })
	got := places(t, validate.Dataset(d))
	kept := slices.DeleteFunc(slices.Clone(want), func(s string) bool { return strings.Contains(s, "people.yaml:8:") })
	if len(kept) != 4 || !slices.Equal(got, kept) {
		t.Errorf("after filtering:\n got %q\nwant %q", got, kept)
	}
}

// places returns each error's position and path.
func places(t *testing.T, err error) []string {
	t.Helper()
	var out []string
	for _, e := range asList(t, err) {
		out = append(out, e.Pos.String()+" "+e.Path)
	}
	return out
}

func asList(t *testing.T, err error) source.ErrorList {
	t.Helper()
	list, ok := errors.AsType[source.ErrorList](err)
	if err != nil && !ok {
		t.Fatalf("error %v is not a source.ErrorList", err)
	}
	return list
}

// TestDuplicateAcrossFiles checks that a duplicate publication names the
// file of the first one, when one dataset holds several files.
func TestDuplicateAcrossFiles(t *testing.T) {
	t.Parallel()
	pub := "publications:\n  - {id: p, title: T, kind: preprint, authors: [A], date: \"2020\"}\n"
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte("people: []\n")},
		"b.yaml": {Data: []byte(pub)},
		"c.yaml": {Data: []byte(pub)},
	}
	l := dataset.Loader{FS: fsys}
	d, err := l.Load(".")
	if err != nil {
		t.Fatal(err)
	}
	err = validate.Dataset(d)
	if err == nil || !strings.Contains(err.Error(), "c.yaml:2:10: publications[0].id") || !strings.Contains(err.Error(), "publications[0] in b.yaml") {
		t.Errorf("err = %v, want the duplicate in c.yaml naming b.yaml", err)
	}
}
