// Package synth writes a synthetic research institute in scholarld's YAML
// format: the shared input of the benchmarks and scale tests, and of
// examples/gen.
//
// The output is deterministic for a given seed: universities with
// departments, institutes, companies and funders (with ROR ids), people
// with accented names, ORCID iDs, positions, education and supervisions,
// and publications with 2 to 15 ordered authors, 100 to 250-word abstracts,
// DOIs, arXiv ids and preprint versions. Identifiers have valid check
// digits; they are synthetic (DOIs use the test prefix 10.5555).
// Organizations, people and publications go to several files in
// organizations/, people/ and publications/<year>/.
package synth

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// Config says what to generate.
type Config struct {
	People       int    // at least 1
	Publications int    // publication records, versions included
	PerFile      int    // publications per file; 0 means 500
	Seed         uint64 // the random seed
}

// Stats says what Write wrote.
type Stats struct {
	Organizations, People, Publications, Files int
}

// Write writes the institute described by c into dir, creating it.
func Write(dir string, c Config) (Stats, error) {
	if c.People < 1 || c.Publications < 0 {
		return Stats{}, errors.New("synth: need at least one person and no negative number of publications")
	}
	if c.PerFile <= 0 {
		c.PerFile = 500
	}
	g := &generator{r: rand.New(rand.NewPCG(c.Seed, c.Seed^0x5eed)), out: dir}
	g.organizations(c.People)
	g.makePeople(c.People)
	if err := g.writeOrganizations(); err != nil {
		return Stats{}, err
	}
	if err := g.writePeople(100); err != nil {
		return Stats{}, err
	}
	if _, err := g.writePublications(c.Publications, c.PerFile); err != nil {
		return Stats{}, err
	}
	return Stats{Organizations: len(g.orgs), People: len(g.people), Publications: c.Publications, Files: g.files}, nil
}

type org struct {
	id, name, kind, ror, parent string
	city                        int
}

type person struct {
	id, given, family, orcid string
	org                      int // index of the person's department or institute
	senior                   bool
}

type generator struct {
	r      *rand.Rand
	out    string
	orgs   []org
	units  []int // orgs people work in: departments, institutes, companies
	unis   []int
	people []person
	files  int
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// organizations makes universities with departments, institutes,
// companies and funders, in proportion to the number of people.
func (g *generator) organizations(people int) {
	nUni := max(2, people/250)
	for i := range nUni {
		c := i % len(cities)
		name := []string{"Université de ", "University of ", "Technical University of "}[i%3] + cities[c].city
		if i >= len(cities) {
			name += " " + strconv.Itoa(i/len(cities)+1)
		}
		u := g.add(org{id: fmt.Sprintf("uni-%d", i), name: name, kind: "university", ror: g.ror(), city: c})
		g.unis = append(g.unis, u)
		for j := range 3 + g.r.IntN(4) {
			d := g.add(org{id: fmt.Sprintf("uni-%d-dept-%d", i, j), name: "Department of " + fields[(i+j)%len(fields)], kind: "department", parent: g.orgs[u].id, city: c})
			g.units = append(g.units, d)
		}
	}
	for i := range max(1, people/500) {
		c := (i + 3) % len(cities)
		g.units = append(g.units, g.add(org{id: fmt.Sprintf("institute-%d", i), name: cities[c].city + " Institute for Learning Algorithms", kind: "institute", ror: g.ror(), city: c}))
	}
	for i := range max(1, people/700) {
		g.units = append(g.units, g.add(org{id: fmt.Sprintf("company-%d", i), name: fmt.Sprintf("Société Générale d'Intelligence %d", i+1), kind: "company", ror: g.ror(), city: i % len(cities)}))
	}
	for i := range 2 {
		g.add(org{id: fmt.Sprintf("funder-%d", i), name: []string{"Fonds de recherche du Québec", "Conseil national de la recherche"}[i], kind: "funder", ror: g.ror(), city: 0})
	}
}

func (g *generator) add(o org) int {
	g.orgs = append(g.orgs, o)
	return len(g.orgs) - 1
}

func (g *generator) makePeople(n int) {
	for i := range n {
		given, family := g.pick(givenNames), g.pick(familyNames)
		g.people = append(g.people, person{
			id:     fmt.Sprintf("%s-%d", slug(given+" "+family), i),
			given:  given,
			family: family,
			orcid:  g.orcid(),
			org:    g.units[g.r.IntN(len(g.units))],
			senior: g.r.IntN(3) == 0,
		})
	}
}

// ror returns a synthetic ROR id with a valid check sum.
func (g *generator) ror() string {
	const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"
	b := []byte{'0'}
	n := 0
	for range 6 {
		c := g.r.IntN(32)
		b = append(b, alphabet[c])
		n = n*32 + c
	}
	return string(b) + fmt.Sprintf("%02d", 98-(n*100)%97)
}

// orcid returns a synthetic ORCID iD in the assigned range with a valid check digit.
func (g *generator) orcid() string {
	base := fmt.Sprintf("%015d", 15000000+g.r.IntN(20000000))
	total := 0
	for _, c := range base {
		total = (total + int(c-'0')) * 2
	}
	check := (12 - total%11) % 11
	d := base + strconv.Itoa(check)
	if check == 10 {
		d = base + "X"
	}
	return d[0:4] + "-" + d[4:8] + "-" + d[8:12] + "-" + d[12:16]
}

// fold maps the accented letters of the name lists to ASCII.
var fold = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ä", "a", "å", "a", "ã", "a", "ç", "c", "č", "c", "ć", "c",
	"đ", "d", "è", "e", "é", "e", "ê", "e", "ë", "e", "ě", "e", "ę", "e", "ğ", "g", "ì", "i", "í", "i",
	"î", "i", "ï", "i", "ı", "i", "i̇", "i", "ł", "l", "ñ", "n", "ń", "n", "ò", "o", "ó", "o", "ô", "o",
	"ö", "o", "ø", "o", "ř", "r", "ş", "s", "š", "s", "ß", "ss", "ù", "u", "ú", "u", "û", "u", "ü", "u",
	"ý", "y", "ž", "z", "ð", "d", "þ", "th", "æ", "ae", "ễ", "e",
)

// slug folds accents away: "Zoë Müller" → "zoe-muller".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold.Replace(strings.ToLower(s)) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// q quotes s for YAML: a double-quoted scalar, whose escapes Go's
// strconv.Quote writes (non-ASCII letters stay as they are).
func q(s string) string { return strconv.Quote(s) }

// create opens a file below the output directory, counting files.
func (g *generator) create(name string) (*os.File, *bufio.Writer, error) {
	path := filepath.Join(g.out, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return nil, nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	g.files++
	return f, bufio.NewWriterSize(f, 256<<10), nil
}

func finish(f *os.File, w *bufio.Writer) error {
	return errors.Join(w.Flush(), f.Close())
}

func (g *generator) writeOrganizations() error {
	f, w, err := g.create("organizations/organizations.yaml")
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "organizations:")
	for _, o := range g.orgs {
		c := cities[o.city]
		fmt.Fprintf(w, "  - id: %s\n    name: %s\n    kind: %s\n", o.id, q(o.name), o.kind)
		if o.ror != "" {
			fmt.Fprintf(w, "    ror: %s\n", o.ror)
		}
		if o.parent != "" {
			fmt.Fprintf(w, "    parent: %s\n", o.parent)
		}
		fmt.Fprintf(w, "    location: {city: %s, region: %s, country: %s}\n", q(c.city), q(c.region), c.country)
	}
	return finish(f, w)
}
