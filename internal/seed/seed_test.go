package seed_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/seed"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/validate"
)

// The test reads the original profile page and checks, section by section,
// that the example dataset holds everything on it.

func load(t *testing.T) *dataset.Dataset {
	t.Helper()
	d, err := validate.Check(seed.Load())
	if err != nil {
		t.Fatalf("the example does not validate:\n%v", err)
	}
	return d
}

// page returns the lines of the page's sections, by heading.
func page(t *testing.T) map[string][]string {
	t.Helper()
	data, err := os.ReadFile("testdata/profile-page.txt")
	if err != nil {
		t.Fatal(err)
	}
	headings := []string{"Research Topics", "Biography", "Current Students", "Publications"}
	sections := map[string][]string{}
	current := "header"
	for line := range strings.SplitSeq(string(data), "\n") {
		if slices.Contains(headings, line) {
			current = line
			continue
		}
		if line != "" {
			sections[current] = append(sections[current], line)
		}
	}
	return sections
}

func TestValidates(t *testing.T) {
	d := load(t)
	if got, want := len(d.People), 1; got != want {
		t.Fatalf("%d people, want %d", got, want)
	}
}

func TestHeader(t *testing.T) {
	d, p := load(t), page(t)
	owner := d.People[0]
	header := p["header"]
	// "Portrait of Ioannis Mitliagkas", the name, then the current positions.
	if got, want := owner.Name.Display, header[1]; got != want {
		t.Errorf("name = %q, want %q", got, want)
	}
	orgs := orgNames(d)
	var current []profile.Position
	for _, x := range owner.Positions {
		if x.Current {
			current = append(current, x)
		}
	}
	lines := header[2:]
	if len(current) < len(lines) {
		t.Fatalf("%d current positions, want at least the page's %d", len(current), len(lines))
	}
	for i, line := range lines {
		// "Associate Professor, Université de Montréal, Department of …"
		parts := strings.Split(line, ", ")
		x := current[i]
		if x.Title != parts[0] {
			t.Errorf("current position %d: title %q, want %q", i, x.Title, parts[0])
		}
		for _, org := range parts[1:] {
			if !slices.Contains(orgs[x.Organization], org) {
				t.Errorf("current position %d (%s): organization %q (or its parents) is not %q", i, x.Title, x.Organization, org)
			}
		}
	}
}

// orgNames maps each organization id to its names and its ancestors' names.
func orgNames(d *dataset.Dataset) map[string][]string {
	byID := map[string]profile.Organization{}
	for _, o := range d.Organizations {
		byID[o.ID] = o
	}
	names := map[string][]string{}
	for _, o := range d.Organizations {
		for x, ok := o, true; ok; x, ok = byID[x.Parent] {
			names[o.ID] = append(names[o.ID], x.Name)
			names[o.ID] = append(names[o.ID], x.OtherNames...)
		}
	}
	return names
}

func TestTopicsAndBiography(t *testing.T) {
	d, p := load(t), page(t)
	owner := d.People[0]
	var topics []string
	for _, x := range owner.Topics {
		topics = append(topics, x.Label)
	}
	if diff := cmp.Diff(p["Research Topics"], topics); diff != "" {
		t.Errorf("topics (-page +data):\n%s", diff)
	}
	if diff := cmp.Diff(strings.Join(p["Biography"], "\n\n"), owner.Biography); diff != "" {
		t.Errorf("biography (-page +data):\n%s", diff)
	}
}

func TestPositionsAndEducation(t *testing.T) {
	d := load(t)
	owner := d.People[0]
	type pos struct {
		Title, Org string
		Kind       profile.PositionKind
		Start, End profile.Date
		Current    bool
	}
	var got []pos
	for _, x := range owner.Positions {
		got = append(got, pos{x.Title, x.Organization, x.Kind, x.Start, x.End, x.Current})
	}
	// From the page, with the dates of the CV (facts.md, section 3).
	want := []pos{
		{"Core Academic Member", "mila", profile.PositionMembership, "2017-09", "", true},
		{"Canada CIFAR AI Chair", "cifar", profile.PositionChair, "2018-12", "2028", true},
		{"Associate Professor", "diro", profile.PositionEmployment, "2022-06", "", true},
		{"Research Scientist", "google-deepmind", profile.PositionEmployment, "2022-09", "", true},
		{"Affiliate Researcher", "archimedes", profile.PositionMembership, "2024-01", "", true},
		{"Assistant Professor", "diro", profile.PositionEmployment, "2017-09", "2022-05", false},
		{"Postdoctoral Scholar", "stanford", profile.PositionPostdoc, "2015", "2017", false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
	if len(owner.Education) != 1 {
		t.Fatalf("%d education entries, want 1", len(owner.Education))
	}
	e := owner.Education[0]
	if e.Organization != "ut-austin" || e.Degree != "PhD" || e.End != "2015-08" ||
		e.Department != "Department of Electrical and Computer Engineering" {
		t.Errorf("education = %+v, want a PhD of UT Austin's ECE department, 2015-08", e)
	}
}

func TestStudents(t *testing.T) {
	d, p := load(t), page(t)
	orgs := orgNames(d)
	type student struct{ Level, Institution, Note string }
	// The page lists "Level - Institution", then "Co-supervisor :" or
	// "Principal supervisor :" when there is another supervisor.
	var want []student
	for _, line := range p["Current Students"] {
		if note, ok := strings.CutSuffix(line, " :"); ok {
			want[len(want)-1].Note = note
			continue
		}
		level, inst, ok := strings.Cut(line, " - ")
		if !ok {
			t.Fatalf("unexpected student line %q", line)
		}
		want = append(want, student{Level: level, Institution: inst})
	}
	var got []student
	for _, s := range d.People[0].Supervisions {
		if s.Status != profile.StatusCurrent || !s.Student.IsZero() {
			t.Errorf("student %+v: want a current, unnamed student", s)
		}
		x := student{Level: s.Level.String(), Institution: orgs[s.Institution][0]}
		// The note names the other supervisor's role: "Co-supervisor" when
		// the owner is principal, "Principal supervisor" when not.
		switch {
		case len(s.Others) == 1 && s.Role == profile.RolePrincipal && s.Others[0].Role == profile.RoleCoSupervisor:
			x.Note = "Co-supervisor"
		case len(s.Others) == 1 && s.Role == profile.RoleCoSupervisor && s.Others[0].Role == profile.RolePrincipal:
			x.Note = "Principal supervisor"
		case len(s.Others) != 0 || s.Role != profile.RolePrincipal:
			x.Note = "unexpected roles"
		}
		got = append(got, x)
	}
	if len(want) != 14 {
		t.Errorf("the page lists %d students, want 14", len(want))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("students (-page +data):\n%s", diff)
	}
}

// corrected maps the page's spellings of names to the corrected ones of
// facts.md (sections 1b and 4).
var corrected = map[string]string{
	"Ange-Cl'ement Akazan":       "Ange-Clément Akazan",
	"Pierre-Andre Noel":          "Pierre-André Noël",
	"Kilian FATRAS":              "Kilian Fatras",
	"Julio C. S. Jacques Junior": "Julio Jacques Junior",
	"Lisheng Sun-Hosoya":         "Lisheng Sun Hosoya",
}

func TestPublications(t *testing.T) {
	d, p := load(t), page(t)
	owner := d.People[0]
	lines := p["Publications"]
	pubs := d.Publications
	// Walk the page: each entry is its title, its authors other than the
	// owner (the page leaves some out), and maybe the start of an abstract.
	// Every line must be accounted for.
	next := 0
	for i, pub := range pubs {
		if next >= len(lines) {
			t.Fatalf("the page has %d entries, the data %d", i, len(pubs))
		}
		if lines[next] != pub.Title {
			t.Fatalf("entry %d: page title %q, data title %q", i, lines[next], pub.Title)
		}
		next++
		var names []string
		for _, a := range pub.Authors {
			names = append(names, a.Name)
			if a.Ref == owner.ID {
				names[len(names)-1] = owner.Name.Display
			}
		}
		if !slices.Contains(names, owner.Name.Display) {
			t.Errorf("%s: %s is not an author", pub.ID, owner.Name.Display)
		}
		k := 0 // authors are in order: each page name is found after the previous one
		for next < len(lines) && (i+1 == len(pubs) || lines[next] != pubs[i+1].Title) {
			line := lines[next]
			next++
			if strings.Contains(line, "… (see more)") {
				want := strings.Replace(line, "… (see more)", "", 1)
				if pub.Abstract != want {
					t.Errorf("%s: abstract differs from the page's:\n%s", pub.ID, cmp.Diff(want, pub.Abstract))
				}
				continue
			}
			name := line
			if c, ok := corrected[name]; ok {
				name = c
			}
			j := slices.Index(names[k:], name)
			if j < 0 {
				t.Errorf("%s: page author %q missing or out of order in %q", pub.ID, line, names)
				continue
			}
			k += j + 1
		}
	}
	if next != len(lines) {
		t.Errorf("page lines left over after the last entry: %q", lines[next:])
	}
	if len(pubs) != 12 {
		t.Errorf("%d publication entries, want the page's 12", len(pubs))
	}
}

// TestVersions checks that the three titles of arXiv 2402.05271 are one
// work, and that the 12 entries are 10 works.
func TestVersions(t *testing.T) {
	d := load(t)
	works := map[string][]string{}
	for _, p := range d.Publications {
		main := p.ID
		if p.VersionOf != "" {
			main = p.VersionOf
		}
		works[main] = append(works[main], p.ID)
	}
	if len(works) != 10 {
		t.Errorf("%d works, want 10", len(works))
	}
	want := []string{"feature-learning-as-alignment", "alignment-pre-activation-tangents", "alignment-empirical-ntk"}
	if diff := cmp.Diff(want, works["feature-learning-as-alignment"]); diff != "" {
		t.Errorf("versions of 2402.05271 (-want +got):\n%s", diff)
	}
}

// TestFacts pins the enrichment taken from facts.md, section 1: arXiv ids,
// venues, dates and the length of the full author lists.
func TestFacts(t *testing.T) {
	d := load(t)
	type fact struct {
		ArXiv   string
		Venue   string
		Date    string
		Authors int
	}
	want := map[string]fact{
		"feature-learning-as-alignment":                     {"2402.05271", "TMLR 2024", "2024", 3},
		"solving-hidden-monotone-variational-inequalities":  {"2411.05228", "ICLR 2025", "2025", 6},
		"understanding-adam-rotation-dependent-assumptions": {"2410.19964", "NeurIPS 2025", "2025", 7},
		"tabular-data-forest-flow-matching":                 {"2410.15516", "", "2024-10-20", 3},
		"compositional-risk-minimization":                   {"2410.06303", "ICML 2025", "2025", 6},
		"expecting-the-unexpected":                          {"2308.11480", "NeurIPS 2024 Datasets and Benchmarks Track", "2024", 5},
		"no-wrong-turns":                                    {"2306.11922", "ICML 2024", "2024", 4},
		"performance-control-early-exiting":                 {"2412.19325", "ES-FoMo II @ ICML 2024", "2024", 5},
		"alignment-pre-activation-tangents":                 {"", "HiLD @ ICML 2024", "2024-06-16", 3},
		"unlearning-competition-findings":                   {"2406.09073", "", "2024-06-13", 15},
		"smoothness-adaptive-sam":                           {"", "ICLR 2024 Workshop", "2024", 4},
		"alignment-empirical-ntk":                           {"2402.05271v1", "", "2024-02-07", 3},
	}
	got := map[string]fact{}
	for _, p := range d.Publications {
		got[p.ID] = fact{string(p.Identifiers.ArXiv), p.Venue.Short, string(p.Date), len(p.Authors)}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("publication facts (-want +got):\n%s", diff)
	}
}
