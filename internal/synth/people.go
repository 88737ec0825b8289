package synth

import (
	"fmt"
	"strings"
)

func (g *generator) writePeople(perFile int) error {
	for start := 0; start < len(g.people); start += perFile {
		f, w, err := g.create(fmt.Sprintf("people/people-%04d.yaml", start/perFile))
		if err != nil {
			return err
		}
		fmt.Fprintln(w, "people:")
		for i := start; i < min(start+perFile, len(g.people)); i++ {
			g.writePerson(w, i)
		}
		if err := finish(f, w); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) writePerson(w interface {
	WriteString(string) (int, error)
}, i int) {
	p := g.people[i]
	u := g.orgs[p.org]
	var b strings.Builder
	pr := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	pr("  - id: %s\n", p.id)
	pr("    name: {display: %s, given: %s, family: %s}\n", q(p.given+" "+p.family), q(p.given), q(p.family))
	pr("    identifiers: {orcid: %s}\n", p.orcid)
	pr("    homepage: https://people.example.org/%s/\n", p.id)
	pr("    emails: [%s@example.org]\n", p.id)
	pr("    updated: 2026-%02d-%02d\n", 1+g.r.IntN(12), 1+g.r.IntN(28))
	pr("    biography: %s\n", q(g.words(40+g.r.IntN(60))+"."))
	pr("    topics:\n")
	for range 2 + g.r.IntN(5) {
		pr("      - label: %s\n", q(g.pick(topics)))
	}
	pr("    positions:\n")
	start := 1995 + g.r.IntN(25)
	title := "Assistant Professor"
	if p.senior {
		title = "Professor"
	}
	if u.kind == "company" {
		title = "Research Scientist"
	}
	pr("      - {organization: %s, title: %s, kind: employment, start: %d-%02d, current: true}\n", u.id, q(title), start, 1+g.r.IntN(12))
	if g.r.IntN(2) == 0 {
		other := g.units[g.r.IntN(len(g.units))]
		pr("      - {organization: %s, title: Visiting Researcher, kind: visiting, start: \"%d\", end: \"%d\"}\n", g.orgs[other].id, start-3, start-1)
	}
	if g.r.IntN(4) == 0 {
		pr("      - {organization: funder-0, title: %s, kind: chair, start: \"%d\", current: true}\n", q("Chaire de recherche "+g.pick(topics)), start+2)
	}
	uni := g.orgs[g.unis[g.r.IntN(len(g.unis))]]
	pr("    education:\n")
	pr("      - {organization: %s, degree: PhD, field: %s, end: \"%d\", thesis: %s, advisors: [%s]}\n",
		uni.id, q(g.pick(fields)), start-1, q(g.title()), q(g.pick(givenNames)+" "+g.pick(familyNames)))
	if p.senior {
		g.supervisions(&b, i, u)
	}
	w.WriteString(b.String())
}

// supervisions writes the students of person i: some are people of the
// dataset, some are named, some unnamed; some have a co-supervisor.
func (g *generator) supervisions(b *strings.Builder, i int, u org) {
	levels := []string{"phd", "phd", "phd", "masters-research", "postdoc", "research-intern", "undergraduate"}
	inst := u.id
	if u.parent != "" {
		inst = u.parent
	}
	fmt.Fprintf(b, "    supervisions:\n")
	for range 1 + g.r.IntN(10) {
		fmt.Fprintf(b, "      - level: %s\n        institution: %s\n", g.pick(levels), inst)
		switch g.r.IntN(3) {
		case 0:
			j := g.r.IntN(len(g.people))
			if j != i {
				fmt.Fprintf(b, "        student: {ref: %s}\n", g.people[j].id)
			}
		case 1:
			fmt.Fprintf(b, "        student: {name: %s}\n", q(g.pick(givenNames)+" "+g.pick(familyNames)))
		}
		status := "current"
		if g.r.IntN(3) == 0 {
			status = "past"
			y := 2005 + g.r.IntN(15)
			fmt.Fprintf(b, "        start: \"%d\"\n        end: \"%d\"\n        thesis: %s\n", y, y+4, q(g.title()))
		}
		fmt.Fprintf(b, "        status: %s\n", status)
		switch g.r.IntN(4) {
		case 0:
			fmt.Fprintf(b, "        role: principal\n        others: [{role: co-supervisor, person: {name: %s}}]\n", q(g.pick(givenNames)+" "+g.pick(familyNames)))
		case 1:
			fmt.Fprintf(b, "        role: co-supervisor\n        others: [{role: principal}]\n")
		default:
			fmt.Fprintf(b, "        role: principal\n")
		}
	}
}

// words returns n words of abstract-like text.
func (g *generator) words(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := g.pick(abstractWords)
		if i == 0 {
			r := []rune(w)
			w = strings.ToUpper(string(r[:1])) + string(r[1:])
		}
		b.WriteString(w)
		if i > 0 && i%17 == 0 && i+1 < n {
			b.WriteString(".")
		}
	}
	return b.String()
}

func (g *generator) title() string {
	var parts []string
	for range 4 + g.r.IntN(8) {
		parts = append(parts, g.pick(titleWords))
	}
	if g.r.IntN(3) == 0 {
		parts[1] += ":"
	}
	return strings.Join(parts, " ")
}
