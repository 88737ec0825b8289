package dataset_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
)

// TestMatchAuthors checks each way an author is found to be a person, and
// the authors that must not be matched, with their places in the files.
func TestMatchAuthors(t *testing.T) {
	d, err := dataset.Merge(dataset.Load("testdata/match/people.yaml", "testdata/match/works.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Matches {
		got = append(got, m.String())
	}
	want := []string{
		`testdata/match/works.yaml:6:9: publications[0].authors[0]: "Someone Else" is ada (by ORCID iD)`,
		`testdata/match/works.yaml:8:9: publications[0].authors[1]: "Wang, Wei" is ambiguous: wei-wang-a or wei-wang-b; write its ref`,
		`testdata/match/works.yaml:9:9: publications[0].authors[2]: "Jose Garcia" is jose (by unique name)`,
		`testdata/match/works.yaml:10:9: publications[0].authors[3]: "Beethoven, Ludwig van" is ludwig (by unique name)`,
		`testdata/match/works.yaml:11:9: publications[0].authors[4]: "Alan Lovelace" is not matched, but resembles ada; add the name to the person's name.other if it is theirs`,
		`testdata/match/works.yaml:18:9: publications[1].authors[1]: "A. Lovelace" is ambiguous: ada (already an author of this work); write its ref`,
		`testdata/match/works.yaml:19:9: publications[1].authors[2]: "Ada Lovelace" (ORCID iD 0000-0001-5109-3700) is not matched: the name is that of ada, whose iD is another`,
		`testdata/match/works.yaml:21:9: publications[1].authors[3]: "L. Beethoven" is ludwig (by unique name)`,
		`testdata/match/works.yaml:26:9: publications[2].authors[0]: "Augusta Ada King" is ada (by declared name)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("match report (-want +got):\n%s", diff)
	}

	// The matched authors refer to their people, at their rank, with the
	// name as printed.
	var refs []string
	for _, p := range d.Publications {
		for j, a := range p.Authors {
			refs = append(refs, fmt.Sprintf("%s %d %s %q", p.ID, j+1, a.Ref, a.Name))
		}
	}
	wantRefs := []string{
		`notes 1 ada "Someone Else"`, `notes 2  "Wang, Wei"`, `notes 3 jose "Jose Garcia"`,
		`notes 4 ludwig "Beethoven, Ludwig van"`, `notes 5  "Alan Lovelace"`, `notes 6  "John Doe"`,
		`sketch 1 ada ""`, `sketch 2  "A. Lovelace"`, `sketch 3  "Ada Lovelace"`, `sketch 4 ludwig "L. Beethoven"`,
		`engine 1 ada "Augusta Ada King"`,
	}
	if diff := cmp.Diff(wantRefs, refs); diff != "" {
		t.Errorf("authors (-want +got):\n%s", diff)
	}

	// Ambiguous authors make warnings: never matched silently.
	n := 0
	for _, m := range d.Matches {
		if err := m.Err(); err != nil && errors.Is(err, dataset.ErrAmbiguous) {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d warnings of ambiguous authors, want 2: %v", n, d.Warnings)
	}
}

// TestParseName checks the names that compare alike.
func TestMatchNames(t *testing.T) {
	people := []string{"Ioannis Mitliagkas", "Marie Skłodowska-Curie", "Gabriel García Márquez", "Martin Luther King Jr."}
	d := &dataset.Dataset{}
	for i, n := range people {
		d.People = append(d.People, personNamed(fmt.Sprintf("p%d", i), n))
	}
	for _, tc := range []struct {
		name string
		want string // the id matched, or ""
	}{
		{"Ioannis Mitliagkas", "p0"},
		{"IOANNIS MITLIAGKAS", "p0"},
		{"Mitliagkas, Ioannis", "p0"},
		{"Mitliagkas, I.", "p0"},
		{"I. Mitliagkas", "p0"},
		{"Ioannis  Mitliagkas", "p0"},
		{"Yannis Mitliagkas", ""},
		{"J. Mitliagkas", ""},
		{"Marie Sklodowska-Curie", "p1"},
		{"M. Skłodowska-Curie", "p1"},
		{"Skłodowska-Curie, Marie", "p1"},
		{"G. García Márquez", "p2"},
		{"Gabriel Garcia Marquez", "p2"},
		{"King, Jr., Martin Luther", "p3"},
		{"Martin L. King", "p3"},
		{"Mitliagkas", ""},
		{"", ""},
		{"., -", ""},
	} {
		c := *d
		c.People = append(c.People[:0:0], d.People...)
		c.Publications = []publicationT{{ID: "w", Title: "W", Kind: "other", Authors: []contributorT{{Name: tc.name}}}}
		c.MatchAuthors()
		if got := c.Publications[0].Authors[0].Ref; got != tc.want {
			t.Errorf("%q matched %q, want %q", tc.name, got, tc.want)
		}
	}
}

// FuzzMatchAuthors matches any author name against a few people: it must
// not panic, and an author matched is a person of the dataset.
func FuzzMatchAuthors(f *testing.F) {
	for _, s := range []string{"Ioannis Mitliagkas", "Mitliagkas, I.", "van Beethoven, Ludwig", "J.-P. Dupont", "Ł. Ż", "., ,", "King, Jr., M. L.", "\xff\xfe", "a b c d e f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		d := &dataset.Dataset{People: []profile.Person{personNamed("a", "Ioannis Mitliagkas"), personNamed("b", name), personNamed("c", "Jean-Pierre Dupont")}}
		d.Publications = []publicationT{{ID: "w", Authors: []contributorT{{Name: name}, {Name: "I. Mitliagkas"}}}}
		for _, m := range d.MatchAuthors() {
			if m.Person != "" && m.Person != "a" && m.Person != "b" && m.Person != "c" {
				t.Fatalf("%q matched %q", name, m.Person)
			}
			_ = m.String()
		}
	})
}

// TestMatchLongAuthorList checks that a person is matched once in a work
// with many authors (a collaboration's paper), the other authors of the
// same name then reported as ambiguous, whether the list is short or long.
func TestMatchLongAuthorList(t *testing.T) {
	for _, n := range []int{3, 33, 2000} {
		d := &dataset.Dataset{People: []profile.Person{personNamed("ada", "Ada Lovelace")}}
		var authors []contributorT
		for i := range n {
			name := fmt.Sprintf("Author %d", i)
			if i%2 == 1 {
				name = "Ada Lovelace"
			}
			authors = append(authors, contributorT{Name: name})
		}
		d.Publications = []publicationT{{ID: "w", Authors: authors}}
		report := d.MatchAuthors()
		if len(report) != n/2 {
			t.Fatalf("%d authors: %d report lines, want %d", n, len(report), n/2)
		}
		for k, m := range report {
			want := dataset.Ambiguous
			if k == 0 {
				want = dataset.ByName
			}
			if m.By != want || m.Rank != 2*k+2 {
				t.Fatalf("%d authors: line %d: %v at rank %d, want %v at rank %d", n, k, m.By, m.Rank, want, 2*k+2)
			}
		}
		if got := d.Publications[0].Authors[1].Ref; got != "ada" {
			t.Errorf("%d authors: the first Ada refers to %q", n, got)
		}
	}
}
