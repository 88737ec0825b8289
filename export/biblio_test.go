package export_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/validate"
)

// TestPersonBibliography checks the bibliography WritePerson writes for
// each person: in CSL-JSON, the publications of which they are an author
// and the versions of those, in the order of the dataset, one record each,
// except that a version whose main publication is there too is no entry
// of its own (package biblio names it in the main one's note). Each entry
// is the one of the dataset's bibliography, authors and note alike.
func TestPersonBibliography(t *testing.T) {
	datasets := synthtest.Datasets(t)
	datasets["seed"] = loadSeed(t)
	datasets["other version"] = otherVersion(t)
	csl, err := export.Lookup("csljson")
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range datasets {
		t.Run(name, func(t *testing.T) {
			wr, err := export.NewWriter(d, export.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var whole bytes.Buffer
			if _, err := wr.Write(&whole, csl); err != nil {
				t.Fatal(err)
			}
			var all []map[string]any
			if err := json.Unmarshal(whole.Bytes(), &all); err != nil {
				t.Fatal(err)
			}
			entry := map[string]map[string]any{}
			for _, it := range all {
				entry[it["id"].(string)] = it
			}
			versions := 0
			for _, person := range d.People {
				mine := map[string]bool{}
				for _, p := range d.Publications {
					for _, a := range p.Authors {
						mine[p.ID] = mine[p.ID] || a.Ref == person.ID
					}
				}
				in := map[string]bool{}
				for _, p := range d.Publications {
					in[p.ID] = mine[p.ID] || mine[p.VersionOf]
				}
				var want []string
				for _, p := range d.Publications {
					switch {
					case !in[p.ID]:
					case p.VersionOf != "" && p.VersionOf != p.ID && in[p.VersionOf]:
						versions++
					default:
						want = append(want, p.ID)
					}
				}
				var buf bytes.Buffer
				st, err := wr.WritePerson(&buf, csl, person.ID)
				if err != nil {
					t.Fatal(err)
				}
				var items []map[string]any
				if err := json.Unmarshal(buf.Bytes(), &items); err != nil {
					t.Fatalf("%s: %v", person.ID, err)
				}
				var got []string
				for _, it := range items {
					id, _ := it["id"].(string)
					got = append(got, id)
					if diff := cmp.Diff(entry[id], it); diff != "" {
						t.Errorf("%s: entry %s differs from the dataset's (-dataset +person):\n%s", person.ID, id, diff)
					}
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s: works (-want +got):\n%s", person.ID, diff)
				}
				if st.Records != len(want) {
					t.Errorf("%s: Stats.Records = %d, want %d", person.ID, st.Records, len(want))
				}
			}
			t.Logf("%d people, %d versions folded into their main entries", len(d.People), versions)
		})
	}
}

// otherVersion is the seed with a version of a publication of its first
// person whose byline does not name them (a preprint under a
// collaborator's name): it is in their bibliography as a version of
// their work.
func otherVersion(t *testing.T) *dataset.Dataset {
	d := loadSeed(t)
	d.Publications = slices.Clone(d.Publications)
	i := slices.IndexFunc(d.Publications, func(p publication.Publication) bool {
		return slices.ContainsFunc(p.Authors, func(a publication.Contributor) bool { return a.Ref == d.People[0].ID })
	})
	if i < 0 {
		t.Fatal("the seed's first person authored nothing")
	}
	d.Publications = append(d.Publications, publication.Publication{
		ID:        d.Publications[i].ID + "-other-version",
		Title:     d.Publications[i].Title,
		Kind:      publication.KindPreprint,
		Authors:   []publication.Contributor{{Name: "A. Collaborator"}},
		VersionOf: d.Publications[i].ID,
	})
	if err := validate.Dataset(d); err != nil {
		t.Fatal(err)
	}
	return d
}
