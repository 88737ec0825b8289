package graph_test

import (
	"iter"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/graph"
	"github.com/scholarld/scholarld/internal/synth/synthtest"
)

// TestPageNodesTyped checks that every node of the documents of pages
// (full and lean profile pages, publication pages) has a type, on the
// example and the generated institute, and that a version's page names
// the work it is a version of: a rich-results validator reports a node of
// a page's @graph without a type as an error. (site's TestStructuredData
// runs such a validator on the pages themselves.)
func TestPageNodesTyped(t *testing.T) {
	for name, d := range synthtest.Datasets(t) {
		t.Run(name, func(t *testing.T) {
			x := dataset.NewIndex(d)
			m, err := graph.NewMapper(d, graph.Options{})
			if err != nil {
				t.Fatal(err)
			}
			nodes := 0
			check := func(page string, records iter.Seq[*graph.Record]) {
				t.Helper()
				for r := range records {
					for _, n := range r.Nodes {
						nodes++
						if len(n.Types) == 0 {
							t.Errorf("%s: node %s has no type", page, n.ID.Value)
						}
					}
				}
			}
			for i := range d.People {
				p := &d.People[i]
				check("profile page of "+p.ID, m.ProfilePage(x, p))
				check("lean profile page of "+p.ID, m.LeanProfilePage(x, p, nil))
			}
			parents := 0
			for i := range d.Publications {
				pub := &d.Publications[i]
				page := "page of " + pub.ID
				check(page, m.PublicationPage(x, pub, "https://example.org/"+pub.ID+"/"))
				if pub.VersionOf == "" {
					continue
				}
				j, _ := x.Publication(pub.VersionOf)
				parent, want := m.Publication(&d.Publications[j]).Nodes[0].ID.Value, d.Publications[j].Title
				named := false
				for r := range m.PublicationPage(x, pub, "https://example.org/"+pub.ID+"/") {
					for _, n := range r.Nodes {
						if n.ID.Value == parent {
							named = named || hasName(n, want)
						}
					}
				}
				if !named {
					t.Errorf("%s: the work it is a version of, %s, is not named %q", page, parent, want)
				}
				parents++
			}
			if parents == 0 || nodes < len(d.People)+len(d.Publications) {
				t.Fatalf("%d versions, %d nodes: the test read too little", parents, nodes)
			}
			t.Logf("%d nodes, %d versions", nodes, parents)
		})
	}
}

// hasName reports whether n has the schema:name want.
func hasName(n *graph.Node, want string) bool {
	for _, p := range n.Props {
		if p.Predicate == graph.SchemaNS+"name" {
			for _, v := range p.Values {
				if v.Value == want {
					return true
				}
			}
		}
	}
	return false
}
