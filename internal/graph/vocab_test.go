package graph

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/internal/ldtest"
	"github.com/scholarld/scholarld/validate"
)

// TestVocabulary maps the example and a dataset that uses every field, and
// checks each schema.org class and property emitted against schema.org
// 30.0: it exists, is not superseded, and the property's domain admits the
// subject's type (on Role nodes, the role's own property is allowed, as
// schema.org's Role pattern has it). It also checks the JSON-LD writer's
// table of type coercions against the schema.org context.
func TestVocabulary(t *testing.T) {
	vocab := loadVocabulary(t)
	context := loadContext(t)
	full, err := validate.Check(dataset.Load("../../validate/testdata/ada.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	example, err := validate.Check(seed.Load())
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, d := range []*dataset.Dataset{example, full} {
		m, err := NewMapper(d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		// A record is valid until the next is mapped: each pass maps them
		// all again.
		each := func(f func(*Record)) {
			for i := range d.Organizations {
				f(m.Organization(&d.Organizations[i]))
			}
			for i := range d.People {
				f(m.Person(&d.People[i]))
				f(m.Page(&d.People[i]))
			}
			for i := range d.Publications {
				f(m.Publication(&d.Publications[i]))
			}
		}
		// A node may be described in several records (a main publication
		// gets its workExample from its versions' records): check its
		// properties against the types it has anywhere.
		typesOf := map[string][]string{}
		each(func(r *Record) {
			for _, n := range r.Nodes {
				if n.ID.Kind == KindIRI {
					typesOf[n.ID.Value] = append(typesOf[n.ID.Value], n.Types...)
				}
			}
		})
		each(func(r *Record) {
			for _, n := range r.Nodes {
				if len(n.Types) == 0 && n.ID.Kind == KindIRI {
					described := *n
					described.Types = typesOf[n.ID.Value]
					n = &described
				}
				checkNode(t, vocab, n, used)
			}
		})
	}
	for _, term := range []string{"knowsAbout", "EmployeeRole", "workExample", "ProfilePage", "PropertyValue"} {
		if !used[term] {
			t.Errorf("the test data never makes the mapping use %s", term)
		}
	}
	// Pending terms are fine to use, but the README must say which.
	documentedPending := map[string]bool{"knowsAbout": true, "abstract": true, "ResearchOrganization": true, "DefinedTerm": true,
		"hasCredential": true, "EducationalOccupationalCredential": true, "recognizedBy": true}
	for term := range used {
		if vocab.pending(term) && !documentedPending[term] {
			t.Errorf("pending schema.org term %s is used but not documented as such", term)
		}
		if !vocab.isProperty(term) {
			continue
		}
		want := context[term]
		if got := coercions[term]; got != want && !(term == "author" && got == asIDList) {
			t.Errorf("coercion of %s: table says %d, the schema.org context %d", term, got, want)
		}
	}
}

func checkNode(t *testing.T, vocab *vocabulary, n *Node, used map[string]bool) {
	t.Helper()
	var types []string
	for _, c := range n.Types {
		local, ok := strings.CutPrefix(c, SchemaNS)
		if !ok {
			continue
		}
		used[local] = true
		types = append(types, local)
		if !vocab.isClass(local) || vocab.superseded(local) {
			t.Errorf("class schema:%s is not a current class of schema.org 30.0", local)
		}
	}
	for _, p := range n.Props {
		if local, ok := strings.CutPrefix(p.Predicate, SchemaNS); ok {
			used[local] = true
			switch {
			case !vocab.isProperty(local) || vocab.superseded(local):
				t.Errorf("property schema:%s is not a current property of schema.org 30.0", local)
			case len(types) == 0:
				t.Errorf("property schema:%s on a node with no schema.org type %v", local, n.Types)
			case !vocab.admitsRole(local, types):
				t.Errorf("property schema:%s: its domain does not admit %v", local, types)
			}
		}
		for _, v := range p.Values {
			checkTerm(t, vocab, v, used)
		}
	}
}

func checkTerm(t *testing.T, vocab *vocabulary, v Term, used map[string]bool) {
	switch v.Kind {
	case KindNode:
		checkNode(t, vocab, v.Node, used)
	case KindList:
		for _, item := range v.List {
			checkTerm(t, vocab, item, used)
		}
	case KindLiteral:
		if dt, ok := strings.CutPrefix(v.Datatype, SchemaNS); ok && !vocab.isClass(dt) {
			t.Errorf("datatype schema:%s is not in schema.org 30.0", dt)
		}
	}
}

// loadContext reads the type coercions of the schema.org context.
func loadContext(t *testing.T) map[string]coercion {
	data := ldtest.Context
	var doc struct {
		Context map[string]json.RawMessage `json:"@context"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	c := map[string]coercion{}
	for term, raw := range doc.Context {
		var def struct {
			Type string `json:"@type"`
		}
		if json.Unmarshal(raw, &def) != nil {
			continue // a prefix: a plain string
		}
		switch def.Type {
		case "@id":
			c[term] = asID
		case "Date":
			c[term] = asDate
		case "":
		default:
			t.Fatalf("context term %s has @type %q, which the writer does not know", term, def.Type)
		}
	}
	return c
}
