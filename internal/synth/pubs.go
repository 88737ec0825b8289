package synth

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// writePublications writes n publication records, perFile to a file, in
// publications/<year>/. About one work in twenty with an arXiv id also gets
// a preprint record, a version of it.
func (g *generator) writePublications(n, perFile int) (int, error) {
	var f *os.File
	var w *bufio.Writer
	inFile, fileNo := 0, 0
	arxivSeq := map[int]int{}
	for i := 0; i < n; {
		if w == nil || inFile >= perFile {
			if w != nil {
				if err := finish(f, w); err != nil {
					return i, err
				}
			}
			year := 2010 + fileNo%16
			var err error
			f, w, err = g.create(fmt.Sprintf("publications/%d/pubs-%05d.yaml", year, fileNo))
			if err != nil {
				return i, err
			}
			fmt.Fprintln(w, "publications:")
			inFile = 0
			fileNo++
		}
		year := 2010 + g.r.IntN(16)
		id := fmt.Sprintf("pub-%d", i)
		var arxiv string
		if year >= 2015 && g.r.IntN(2) == 0 {
			yymm := (year%100)*100 + 1 + g.r.IntN(12)
			arxivSeq[yymm]++
			arxiv = fmt.Sprintf("%04d.%05d", yymm, arxivSeq[yymm])
		}
		authors := g.authors()
		w.WriteString(g.publication(id, year, arxiv, authors, ""))
		i++
		inFile++
		if arxiv != "" && i < n && g.r.IntN(10) == 0 {
			w.WriteString(g.publication(id+"-preprint", year, arxiv+"v1", authors, id))
			i++
			inFile++
		}
	}
	if w != nil {
		return n, finish(f, w)
	}
	return n, nil
}

// authors returns 2 to 15 authors in byline order: one to three people of
// the dataset, the others by name, some with an ORCID iD.
func (g *generator) authors() []string {
	n := 2 + g.r.IntN(14)
	refs := 1 + g.r.IntN(min(3, n))
	var as []string
	for i := range n {
		switch {
		case i < refs:
			as = append(as, fmt.Sprintf("{ref: %s}", g.people[g.r.IntN(len(g.people))].id))
		case g.r.IntN(5) == 0:
			as = append(as, fmt.Sprintf("{name: %s, orcid: %s}", q(g.pick(givenNames)+" "+g.pick(familyNames)), g.orcid()))
		default:
			as = append(as, q(g.pick(givenNames)+" "+g.pick(familyNames)))
		}
	}
	g.r.Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
	return dedupe(as)
}

func dedupe(as []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range as {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

func (g *generator) publication(id string, year int, arxiv string, authors []string, versionOf string) string {
	var b strings.Builder
	pr := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	v := venues[g.r.IntN(len(venues))]
	kind := map[string]string{"conference": "conference-paper", "journal": "journal-article", "workshop": "workshop-paper", "repository": "preprint"}[v.kind]
	if versionOf != "" {
		v, kind = venues[len(venues)-1], "preprint"
	}
	pr("  - id: %s\n    title: %s\n    kind: %s\n", id, q(g.title()), kind)
	if versionOf != "" {
		pr("    version_of: %s\n", versionOf)
	}
	pr("    authors: [%s]\n", strings.Join(authors, ", "))
	pr("    date: %d-%02d\n", year, 1+g.r.IntN(12))
	pr("    venue: {name: %s", q(v.name))
	if v.short != "" {
		pr(", short: %s", q(fmt.Sprintf("%s %d", v.short, year)))
	}
	pr(", kind: %s", v.kind)
	if v.kind == "journal" {
		pr(", volume: \"%d\", pages: \"%d–%d\"", year-1999, 1+g.r.IntN(900), 1000+g.r.IntN(900))
	}
	pr("}\n")
	var ids []string
	if versionOf == "" && g.r.IntN(5) < 3 {
		ids = append(ids, fmt.Sprintf("doi: 10.5555/sld.%s", id))
	}
	if arxiv != "" {
		ids = append(ids, fmt.Sprintf("arxiv: %q", arxiv))
	}
	if len(ids) > 0 {
		pr("    identifiers: {%s}\n", strings.Join(ids, ", "))
	}
	if g.r.IntN(2) == 0 {
		pr("    keywords: [%s, %s]\n", q(g.pick(topics)), q(g.pick(topics)))
	}
	pr("    abstract: %s\n", q(g.words(100+g.r.IntN(151))+"."))
	return b.String()
}
