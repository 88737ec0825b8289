package graph

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/publication"
)

// TestPublicationIRIsExact checks that references to publications get the
// IRI of exactly the publication named, across many ids, block boundaries
// and an identifier longer than a block.
func TestPublicationIRIsExact(t *testing.T) {
	t.Parallel()
	long := publication.DOI("10.5555/" + strings.Repeat("x", 70<<10))
	var d dataset.Dataset
	want := map[string]string{}
	for i := range 5000 {
		p := publication.Publication{ID: fmt.Sprintf("p%d", i)}
		switch i % 3 {
		case 0:
			p.Identifiers.DOI = publication.DOI(fmt.Sprintf("10.5555/%d", i))
		case 1:
			p.Identifiers.ArXiv = publication.ArXiv(fmt.Sprintf("2401.%05d", i))
		}
		if i == 2500 {
			p.Identifiers.DOI = long
		}
		d.Publications = append(d.Publications, p)
	}
	m, err := NewMapper(&d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Publications {
		want[p.ID] = m.names.Publication(&p)
	}
	for _, p := range d.Publications {
		if got := m.pub(p.ID).Value; got != want[p.ID] {
			t.Fatalf("pub(%q) = %.80q, want %.80q", p.ID, got, want[p.ID])
		}
	}
	if got := m.pub("p2500").Value; got != long.URL() {
		t.Errorf("pub(p2500) = %.80q…, want the long DOI's URL", got)
	}
	if got, want := m.pub("unknown").Value, DefaultBase+"publications/unknown/#work"; got != want {
		t.Errorf("pub(unknown) = %q, want %q", got, want)
	}
}
