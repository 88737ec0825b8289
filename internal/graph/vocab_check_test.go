package graph

import (
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// vocabTable is the schema.org 30.0 term table. It is derived from the
// vocabulary by internal/schematerms; regenerate it from the module root
// with
//
//	go run ./internal/schematerms
//
// Its lines are "class<TAB>Name<TAB>superclasses<TAB>flags" and
// "property<TAB>name<TAB>domainIncludes<TAB>flags", where the lists are
// comma-separated or "-" when empty and the flags are "pending" and
// "superseded". Lines starting with "#" are comments.
const vocabTable = "testdata/schemaorg-30.0-terms.tsv"

// A vocabulary is the set of schema.org 30.0 classes and properties, read
// from [vocabTable] by [loadVocabulary]. Terms are named by their local
// names ("Person", "worksFor"), without the schema.org namespace.
type vocabulary struct {
	terms map[string]vocabTerm
}

// A vocabTerm is one line of the term table.
type vocabTerm struct {
	class      bool     // a class, or else a property
	refs       []string // a class's direct superclasses; a property's domainIncludes
	pending    bool     // in the pending area, https://pending.schema.org
	superseded bool     // has a schema:supersededBy
}

// loadVocabulary reads [vocabTable]. It calls t.Fatal if the file cannot be
// read or has a malformed line.
func loadVocabulary(t testing.TB) *vocabulary {
	t.Helper()
	data, err := os.ReadFile(vocabTable)
	if err != nil {
		t.Fatalf("load schema.org vocabulary: %v", err)
	}
	v := &vocabulary{terms: make(map[string]vocabTerm)}
	n := 0
	for line := range strings.Lines(string(data)) {
		n++
		line = strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 4 {
			t.Fatalf("%s:%d: %d fields, want 4", vocabTable, n, len(fields))
		}
		kind, name := fields[0], fields[1]
		var term vocabTerm
		switch kind {
		case "class":
			term.class = true
		case "property":
		default:
			t.Fatalf("%s:%d: kind %q, want class or property", vocabTable, n, kind)
		}
		if name == "" || strings.ContainsAny(name, ", ") {
			t.Fatalf("%s:%d: bad term name %q", vocabTable, n, name)
		}
		if _, dup := v.terms[name]; dup {
			t.Fatalf("%s:%d: duplicate term %q", vocabTable, n, name)
		}
		term.refs = splitList(t, n, fields[2])
		for _, f := range splitList(t, n, fields[3]) {
			switch f {
			case "pending":
				term.pending = true
			case "superseded":
				term.superseded = true
			default:
				t.Fatalf("%s:%d: unknown flag %q", vocabTable, n, f)
			}
		}
		v.terms[name] = term
	}
	// A dangling superclass would silently cut short ancestors. (Domains
	// are not checked: schema.org 30.0 still names the removed class
	// DeliveryTimeSettings in the domain of shippingDestination.)
	for name, term := range v.terms {
		for _, super := range term.refs {
			if term.class && !v.isClass(super) {
				t.Fatalf("%s: class %s: superclass %q is not a class", vocabTable, name, super)
			}
		}
	}
	if len(v.terms) == 0 {
		t.Fatalf("%s: no terms", vocabTable)
	}
	return v
}

// splitList splits a comma-separated list field; "-" is the empty list.
func splitList(t testing.TB, line int, field string) []string {
	t.Helper()
	if field == "-" {
		return nil
	}
	list := strings.Split(field, ",")
	if slices.Contains(list, "") {
		t.Fatalf("%s:%d: empty element in list %q", vocabTable, line, field)
	}
	return list
}

// isClass reports whether name is a schema.org class, data types included.
func (v *vocabulary) isClass(name string) bool {
	term, ok := v.terms[name]
	return ok && term.class
}

// isProperty reports whether name is a schema.org property.
func (v *vocabulary) isProperty(name string) bool {
	term, ok := v.terms[name]
	return ok && !term.class
}

// pending reports whether the term name is in schema.org's pending area.
func (v *vocabulary) pending(name string) bool { return v.terms[name].pending }

// superseded reports whether the term name has been superseded.
func (v *vocabulary) superseded(name string) bool { return v.terms[name].superseded }

// ancestors returns class and all its transitive superclasses, sorted. It
// returns nil if class is not a class.
func (v *vocabulary) ancestors(class string) []string {
	if !v.isClass(class) {
		return nil
	}
	seen := map[string]bool{class: true}
	for queue := []string{class}; len(queue) > 0; queue = queue[1:] {
		for _, super := range v.terms[queue[0]].refs {
			if !seen[super] {
				seen[super] = true
				queue = append(queue, super)
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// admits reports whether property may describe a node of the given types:
// whether one of the types, or one of their superclasses, is in the
// property's domainIncludes. It is false if property is not a property.
func (v *vocabulary) admits(property string, types []string) bool {
	if !v.isProperty(property) {
		return false
	}
	domain := v.terms[property].refs
	for _, typ := range types {
		for _, c := range v.ancestors(typ) {
			if slices.Contains(domain, c) {
				return true
			}
		}
	}
	return false
}

// admitsRole is like [vocabulary.admits] but allows for schema.org's Role
// pattern: a Role node stands between a subject and the value of one of
// its properties and carries that property itself, as an EmployeeRole
// carries worksFor and an OrganizationRole memberOf, alumniOf or
// affiliation. So if one of the types is Role or descends from it, any
// property is admitted.
func (v *vocabulary) admitsRole(property string, types []string) bool {
	if v.admits(property, types) {
		return true
	}
	if !v.isProperty(property) {
		return false
	}
	for _, typ := range types {
		if slices.Contains(v.ancestors(typ), "Role") {
			return true
		}
	}
	return false
}

func TestVocabularyTable(t *testing.T) {
	v := loadVocabulary(t)

	t.Run("kinds", func(t *testing.T) {
		t.Parallel()
		tests := []struct {
			name                string
			class, property     bool
			pending, superseded bool
		}{
			{name: "Person", class: true},
			{name: "EmployeeRole", class: true},
			{name: "Text", class: true},
			{name: "Date", class: true},
			{name: "worksFor", property: true},
			{name: "knowsAbout", property: true, pending: true},
			{name: "Code", class: true, superseded: true},
			{name: "interactionCount", property: true, superseded: true},
			{name: "noSuchSchemaTerm"},
			{name: "NoSuchSchemaClass"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				t.Parallel()
				if got := v.isClass(tc.name); got != tc.class {
					t.Errorf("isClass(%q) = %v, want %v", tc.name, got, tc.class)
				}
				if got := v.isProperty(tc.name); got != tc.property {
					t.Errorf("isProperty(%q) = %v, want %v", tc.name, got, tc.property)
				}
				if got := v.pending(tc.name); got != tc.pending {
					t.Errorf("pending(%q) = %v, want %v", tc.name, got, tc.pending)
				}
				if got := v.superseded(tc.name); got != tc.superseded {
					t.Errorf("superseded(%q) = %v, want %v", tc.name, got, tc.superseded)
				}
			})
		}
	})

	t.Run("ancestors", func(t *testing.T) {
		t.Parallel()
		tests := []struct {
			class string
			want  []string
		}{
			{"Person", []string{"Person", "Thing"}},
			{"EmployeeRole", []string{"EmployeeRole", "Intangible", "OrganizationRole", "Role", "Thing"}},
			{"ScholarlyArticle", []string{"Article", "CreativeWork", "ScholarlyArticle", "Thing"}},
			{"CollegeOrUniversity", []string{"CivicStructure", "CollegeOrUniversity", "EducationalOrganization", "Organization", "Place", "Thing"}},
			{"URL", []string{"Text", "URL"}},
			{"worksFor", nil},
			{"NoSuchSchemaClass", nil},
		}
		for _, tc := range tests {
			t.Run(tc.class, func(t *testing.T) {
				t.Parallel()
				if diff := cmp.Diff(tc.want, v.ancestors(tc.class)); diff != "" {
					t.Errorf("ancestors(%q) mismatch (-want +got):\n%s", tc.class, diff)
				}
			})
		}
	})

	t.Run("ancestorsCycle", func(t *testing.T) {
		t.Parallel()
		cyclic := &vocabulary{terms: map[string]vocabTerm{
			"A": {class: true, refs: []string{"B"}},
			"B": {class: true, refs: []string{"C", "A"}},
			"C": {class: true, refs: []string{"A"}},
		}}
		want := []string{"A", "B", "C"}
		if diff := cmp.Diff(want, cyclic.ancestors("B")); diff != "" {
			t.Errorf("ancestors(%q) mismatch (-want +got):\n%s", "B", diff)
		}
	})

	t.Run("admits", func(t *testing.T) {
		t.Parallel()
		tests := []struct {
			property string
			types    []string
			want     bool // admits
			wantRole bool // admitsRole
		}{
			{"worksFor", []string{"Person"}, true, true},
			{"worksFor", []string{"Organization"}, false, false},
			{"worksFor", []string{"Organization", "Person"}, true, true},
			{"worksFor", []string{"EmployeeRole"}, false, true},
			{"memberOf", []string{"OrganizationRole"}, false, true},
			{"alumniOf", []string{"OrganizationRole"}, false, true},
			{"affiliation", []string{"OrganizationRole"}, false, true},
			{"roleName", []string{"EmployeeRole"}, true, true},
			{"knowsAbout", []string{"Person"}, true, true},
			{"knowsAbout", []string{"CollegeOrUniversity"}, true, true},
			{"isPartOf", []string{"ScholarlyArticle"}, true, true},
			{"parentOrganization", []string{"CollegeOrUniversity"}, true, true},
			{"name", []string{"Person"}, true, true},
			{"worksFor", []string{"NoSuchSchemaClass"}, false, false},
			{"worksFor", nil, false, false},
			{"noSuchSchemaTerm", []string{"Person"}, false, false},
			{"noSuchSchemaTerm", []string{"EmployeeRole"}, false, false},
			{"Person", []string{"Person"}, false, false},
		}
		for _, tc := range tests {
			t.Run(tc.property+"/"+strings.Join(tc.types, ","), func(t *testing.T) {
				t.Parallel()
				if got := v.admits(tc.property, tc.types); got != tc.want {
					t.Errorf("admits(%q, %q) = %v, want %v", tc.property, tc.types, got, tc.want)
				}
				if got := v.admitsRole(tc.property, tc.types); got != tc.wantRole {
					t.Errorf("admitsRole(%q, %q) = %v, want %v", tc.property, tc.types, got, tc.wantRole)
				}
			})
		}
	})
}
