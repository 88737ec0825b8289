package jsonimport

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/publication"
)

func TestLinksResolve(t *testing.T) {
	t.Parallel()
	type link struct {
		from    int
		to      string
		reverse bool
		rank    int
	}
	tests := []struct {
		name     string
		links    []link
		want     []string // VersionOf of a, b, c
		warnings []string // the Name of each link warned about
	}{
		{"preprint of", []link{{0, "b", false, 0}}, []string{"b", "", ""}, nil},
		{"has preprint", []link{{1, "a", true, 0}}, []string{"b", "", ""}, nil},
		{"stated by both", []link{{0, "b", false, 0}, {1, "a", true, 0}}, []string{"b", "", ""}, nil},
		{"outside the file", []link{{0, "zz", false, 0}}, []string{"", "", ""}, []string{"0→zz"}},
		{"itself", []link{{0, "a", false, 0}}, []string{"", "", ""}, nil},
		{"second version of", []link{{0, "b", false, 0}, {0, "c", false, 0}}, []string{"b", "", ""}, []string{"0→c"}},
		{"rank wins", []link{{0, "c", false, 1}, {0, "b", false, 0}}, []string{"b", "", ""}, []string{"0→c"}},
		{"cycle", []link{{0, "b", false, 0}, {1, "c", false, 0}, {2, "a", false, 0}}, []string{"b", "c", ""}, []string{"2→a"}},
		{"chain", []link{{0, "b", false, 0}, {2, "b", true, 0}}, []string{"b", "c", ""}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pubs := []publication.Publication{{ID: "a"}, {ID: "b"}, {ID: "c"}}
			var l Links
			for i, p := range pubs {
				l.Identify(i, DOIKey(publication.DOI("10.1234/"+p.ID)))
			}
			for _, k := range tc.links {
				l.Add(Link{From: k.from, Key: DOIKey(publication.DOI("10.1234/" + k.to)), Reverse: k.reverse, Rank: k.rank,
					Name: string(rune('0'+k.from)) + "→" + k.to})
			}
			var warned []string
			l.Resolve(pubs, func(link Link, reason string) { warned = append(warned, link.Name) })
			var got []string
			for _, p := range pubs {
				got = append(got, p.VersionOf)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("VersionOf (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.warnings, warned); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestKeys(t *testing.T) {
	t.Parallel()
	if DOIKey("10.1234/AbC") != DOIKey("10.1234/aBc") {
		t.Errorf("DOI keys differ in case")
	}
	if got, want := ArXivKey("2402.05271v2"), "arxiv:2402.05271"; got != want {
		t.Errorf("ArXivKey = %q, want %q", got, want)
	}
}
