package validate_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/validate"
)

// pub returns a publication with the given id, version_of, DOI and arXiv id.
func pub(id, versionOf string, doi publication.DOI, arxiv publication.ArXiv) publication.Publication {
	return publication.Publication{ID: id, VersionOf: versionOf, Identifiers: publication.Identifiers{DOI: doi, ArXiv: arxiv}}
}

// TestIndexExact checks that an Index compares ids and identifiers exactly,
// however long they are: ids that differ only in their last byte after
// 64 KiB, or in case, are different publications, and DOIs that differ
// only in a character their canonical form keeps are different DOIs.
func TestIndexExact(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 64<<10)
	first := &dataset.Dataset{Publications: []publication.Publication{
		pub(long+"1", "", publication.DOI("10.5555/"+long+"a"), "2402.05271"),
		pub(long+"2", "", publication.DOI("10.5555/"+long+"b"), ""),
		pub("Pub-1", "", "", ""),
		pub("pub-1", "", "", ""),
		pub("p-dash", "", "10.5555/a-b", ""),
		pub("p-underscore", "", "10.5555/a_b", ""),
		pub("v", long+"1", "", "2402.05271v1"),
		pub("w", long+"3", "", ""),
	}}
	second := &dataset.Dataset{Publications: []publication.Publication{
		pub(long+"1", "", "", ""),
		pub("z", "", publication.DOI("10.5555/"+strings.ToUpper(long)+"A"), ""), // DOIs ignore case
	}}
	x := validate.NewIndex()
	x.Add(first)
	x.Add(second)
	for id, want := range map[string]bool{
		long + "1": true, long + "2": true, long + "3": false, long: false, long[1:] + "1": false,
		"Pub-1": true, "pub-1": true, "PUB-1": false,
	} {
		if got := x.HasPublication(id); got != want {
			t.Errorf("HasPublication(%.10q… of %d bytes) = %v, want %v", id, len(id), got, want)
		}
	}
	want := []problem{
		{"-", "Publications[0].ID", validate.ErrDuplicate},
		{"-", "Publications[1].Identifiers.DOI", validate.ErrDuplicate},
		{"-", "Publications[7].VersionOf", validate.ErrReference},
	}
	if diff := cmp.Diff(want, problems(t, x.Close()), sameError); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestIndexVersions checks what needs every chunk: a cycle of versions
// across publications, and arXiv ids shared by versions whose main
// publication comes in a later chunk, or by a publication that is no
// version of it.
func TestIndexVersions(t *testing.T) {
	t.Parallel()
	first := &dataset.Dataset{Publications: []publication.Publication{
		pub("a", "b", "", ""),
		pub("b", "a", "", ""),
		pub("m", "main", "", "2402.05271v2"),
		pub("n", "main", "", "2402.05271v1"),
		pub("o", "", "", "2402.05271v3"),
	}}
	second := &dataset.Dataset{Publications: []publication.Publication{
		pub("main", "", "", "2402.05271"),
	}}
	x := validate.NewIndex()
	x.Add(first)
	x.Add(second)
	want := []problem{
		{"-", "Publications[0].VersionOf", validate.ErrCycle},
		{"-", "Publications[1].VersionOf", validate.ErrCycle},
		{"-", "Publications[4].Identifiers.ArXiv", validate.ErrDuplicate},
	}
	if diff := cmp.Diff(want, problems(t, x.Close()), sameError); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
