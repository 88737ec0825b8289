package graph

import (
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/publication"
)

// TestPagination checks that only the classes whose domain has
// schema:pagination (schema.org 30.0) are given one.
func TestPagination(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		kind publication.Kind
		want bool
	}{
		{publication.KindJournalArticle, true},
		{publication.KindConferencePaper, true},
		{publication.KindPreprint, true},
		{publication.KindReport, true},
		{publication.KindChapter, true},
		{publication.KindThesis, false},
		{publication.KindBook, false},
		{publication.KindDataset, false},
		{publication.KindSoftware, false},
		{publication.KindOther, false},
	} {
		t.Run(string(tc.kind), func(t *testing.T) {
			t.Parallel()
			p := publication.Publication{ID: "p", Kind: tc.kind, Title: "T", Venue: publication.Venue{Name: "V", Pages: "1–10"}}
			m, err := NewMapper(&dataset.Dataset{Publications: []publication.Publication{p}}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, prop := range m.Publication(&p).Nodes[0].Props {
				got = got || prop.Predicate == propPagination
			}
			if got != tc.want {
				t.Errorf("Publication(kind %s) has pagination: %v, want %v", tc.kind, got, tc.want)
			}
		})
	}
}
