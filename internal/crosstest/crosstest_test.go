package crosstest_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"

	"github.com/scholarld/scholarld/crossref"
	"github.com/scholarld/scholarld/datacite"
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/internal/ldtest"
	"github.com/scholarld/scholarld/openalex"
	"github.com/scholarld/scholarld/site"
	"github.com/scholarld/scholarld/validate"
)

// The packages whose formats the records below are read in, which
// register them with dataset.
var _, _, _ = openalex.Sniff, crossref.Read, datacite.Read

const (
	schema  = "http://schema.org/"
	rdfNS   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	rdfType = rdfNS + "type"
)

// A source is a real record of a work and a person of the dataset who is
// one of its authors, at a rank.
type source struct {
	name, record, person string
	id                   string // the person's id
	doi                  string
	rank, authors        int // from 1
}

var sources = []source{
	{"openalex", "W2741809807.json", "lariviere.yaml", "vincent-lariviere", "10.7717/peerj.4375", 3, 9},
	{"crossref", "10.7554_elife.01567.json", "ragni.yaml", "laura-ragni", "10.7554/elife.01567", 3, 5},
	{"datacite", "10.5438_zhyx-n122.json", "vierkant.yaml", "paul-vierkant", "10.5438/zhyx-n122", 2, 2},
}

// load loads the example, a person and the record of one of their works,
// as the command does: merged (which matches authors to people) and
// validated.
func load(t *testing.T, src source) *dataset.Dataset {
	t.Helper()
	d, err := seed.Load()
	if err != nil {
		t.Fatal(err)
	}
	more, err := inputs.Loader().Load(filepath.Join("testdata", src.person), filepath.Join("testdata", src.record))
	if err != nil {
		t.Fatal(err)
	}
	d.Append(more)
	d, err = validate.Check(dataset.Merge(d, nil))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestWorksFindTheirPeople loads the example, a person and a real record
// of OpenAlex, Crossref or DataCite that names them (by ORCID iD, or by
// name), and checks that every output puts the person, by their own IRI
// or name, at their rank of the work's author list, and that no output
// holds a Person without a name.
func TestWorksFindTheirPeople(t *testing.T) {
	for _, src := range sources {
		t.Run(src.name, func(t *testing.T) {
			d := load(t, src)
			names := export.Options{}.Names(d)
			self := names.Person(src.id)
			work := "https://doi.org/" + src.doi

			// The model: the author at the rank refers to the person.
			var pubID string
			for _, p := range d.Publications {
				if strings.EqualFold(string(p.Identifiers.DOI), src.doi) {
					pubID = p.ID
					if len(p.Authors) != src.authors {
						t.Fatalf("%d authors, want %d", len(p.Authors), src.authors)
					}
					if got := p.Authors[src.rank-1].Ref; got != src.id {
						t.Fatalf("author %d refers to %q, want %q; matches: %v", src.rank, got, src.id, d.Matches)
					}
				}
			}
			if pubID == "" {
				t.Fatalf("no publication with DOI %s", src.doi)
			}

			// The linked data, in each syntax, read back by another parser.
			for _, name := range []string{"nt", "ttl", "jsonld"} {
				g := graphOf(t, name, write(t, d, name, ""))
				checkAuthors(t, name, g, work, self, src)
				checkNamed(t, name, g)
			}
			// The person's profile page lists the work, with them at their rank.
			for _, name := range []string{"jsonld", "ttl"} {
				g := graphOf(t, name, write(t, d, name, src.id))
				checkAuthors(t, "profile "+name, g, work, self, src)
				checkNamed(t, "profile "+name, g)
			}

			// The site: the person's page links the work's, whose JSON-LD
			// has the person at their rank.
			s, err := site.New(d, site.Options{Validated: true})
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "site")
			if _, err := s.Write(dir); err != nil {
				t.Fatal(err)
			}
			page := read(t, filepath.Join(dir, "people", src.id, "index.html"))
			if !strings.Contains(page, `href="../../publications/`+pubID+`/"`) {
				t.Errorf("the person's page does not link the work's page publications/%s/", pubID)
			}
			for _, file := range []string{filepath.Join("publications", pubID, "index.html"), filepath.Join("people", src.id, "index.html")} {
				for i, script := range scripts(read(t, filepath.Join(dir, file))) {
					g := graphOf(t, "jsonld", []byte(script))
					if strings.HasPrefix(file, "publications") {
						checkAuthors(t, file, g, work, self, src)
					}
					checkNamed(t, file+" script "+string(rune('0'+i)), g)
				}
			}

			// The person's ORCID works, read back: the work, the person at
			// their rank.
			for _, name := range []string{"orcid-works-xml", "orcid-works-json"} {
				works, err := inputs.Loader().Decode(src.id+map[string]string{"orcid-works-xml": ".works.xml", "orcid-works-json": ".works.json"}[name], bytes.NewReader(write(t, d, name, src.id)))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				checkModelAuthors(t, name, works, d, src)
			}

			// The person's bibliographies.
			bib, err := inputs.Loader().Decode(src.id+".bib", bytes.NewReader(write(t, d, "bibtex", src.id)))
			if err != nil {
				t.Fatalf("bibtex: %v", err)
			}
			checkModelAuthors(t, "bibtex", bib, d, src)
			var items []struct {
				DOI    string `json:"DOI"`
				Author []struct {
					Family, Literal string
				} `json:"author"`
			}
			if err := json.Unmarshal(write(t, d, "csljson", src.id), &items); err != nil {
				t.Fatalf("csljson: %v", err)
			}
			family := familyOf(d, src.id)
			found := false
			for _, it := range items {
				if strings.EqualFold(it.DOI, src.doi) {
					found = true
					if len(it.Author) != src.authors || it.Author[src.rank-1].Family != family {
						t.Errorf("csljson: authors %+v, want %d with %s at %d", it.Author, src.authors, family, src.rank)
					}
				}
			}
			if !found {
				t.Errorf("csljson: the person's bibliography has no item of DOI %s", src.doi)
			}
			checkRIS(t, write(t, d, "ris", src.id), src, family)
		})
	}
}

// write writes d, or the document of the person id, in the named format.
func write(t *testing.T, d *dataset.Dataset, name, id string) []byte {
	t.Helper()
	f, err := export.Lookup(strings.Replace(name, "orcid-works-", "orcid-", 1))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(name, "orcid-works-") {
		f, _ = f.Works()
	}
	var b bytes.Buffer
	opts := export.Options{Validated: true}
	if id == "" {
		_, err = export.Write(&b, f, d, opts)
	} else {
		_, err = export.WritePerson(&b, f, d, id, opts)
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b.Bytes()
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// scripts returns the JSON-LD scripts of an HTML page.
func scripts(page string) []string {
	var out []string
	for {
		_, after, ok := strings.Cut(page, `<script type="application/ld+json">`)
		if !ok {
			return out
		}
		var script string
		script, page, _ = strings.Cut(after, "</script>")
		out = append(out, script)
	}
}

// A graph is a set of statements, by subject and predicate. Blank nodes
// are "_:" and their label, IRIs as they are, literals quoted.
type graph map[string][]string

func (g graph) values(s, p string) []string { return g[s+" "+p] }

// graphOf reads a document with knakk/rdf (N-Triples, Turtle) or
// json-gold (JSON-LD).
func graphOf(t *testing.T, format string, data []byte) graph {
	t.Helper()
	g := graph{}
	add := func(s, p, o string) { g[s+" "+p] = append(g[s+" "+p], o) }
	if format == "jsonld" {
		for _, q := range ldtest.Dataset(t, data).GetQuads("@default") {
			add(node(q.Subject), q.Predicate.GetValue(), node(q.Object))
		}
		return g
	}
	f := map[string]rdf.Format{"nt": rdf.NTriples, "ttl": rdf.Turtle}[format]
	triples, err := rdf.NewTripleDecoder(bytes.NewReader(data), f).DecodeAll()
	if err != nil {
		t.Fatalf("%s: knakk/rdf: %v", format, err)
	}
	for _, tr := range triples {
		add(term(tr.Subj), tr.Pred.String(), term(tr.Obj))
	}
	return g
}

func node(n ld.Node) string {
	switch n := n.(type) {
	case ld.BlankNode:
		return "_:" + strings.TrimPrefix(n.Attribute, "_:")
	case ld.Literal:
		return `"` + n.Value + `"`
	}
	return n.GetValue()
}

func term(x rdf.Term) string {
	switch x.Type() {
	case rdf.TermBlank:
		return "_:" + x.String()
	case rdf.TermLiteral:
		return `"` + x.String() + `"`
	}
	return x.String()
}

// checkAuthors follows the author list of work in g: the person at the
// rank, a named Person or a person's IRI everywhere else.
func checkAuthors(t *testing.T, what string, g graph, work, self string, src source) {
	t.Helper()
	lists := g.values(work, schema+"author")
	if len(lists) != 1 {
		t.Errorf("%s: %s has %d author lists, want 1", what, work, len(lists))
		return
	}
	var authors []string
	for cell := lists[0]; cell != rdfNS+"nil"; {
		first, rest := g.values(cell, rdfNS+"first"), g.values(cell, rdfNS+"rest")
		if len(first) != 1 || len(rest) != 1 {
			t.Errorf("%s: a broken author list at %s", what, cell)
			return
		}
		authors = append(authors, first[0])
		cell = rest[0]
	}
	if len(authors) != src.authors || authors[src.rank-1] != self {
		t.Errorf("%s: authors %v, want %d with %s at %d", what, authors, src.authors, self, src.rank)
	}
}

// checkNamed checks that every Person of g has a name.
func checkNamed(t *testing.T, what string, g graph) {
	t.Helper()
	n := 0
	for k, objects := range g {
		s, p, _ := strings.Cut(k, " ")
		if p != rdfType {
			continue
		}
		for _, o := range objects {
			if o == schema+"Person" {
				n++
				if len(g.values(s, schema+"name")) == 0 {
					t.Errorf("%s: %s is a Person without a name", what, s)
				}
			}
		}
	}
	if n == 0 {
		t.Errorf("%s: no Person at all", what)
	}
}

// checkModelAuthors checks, in a document read back, that the work has
// its authors in order, the person (their ORCID iD or their name) at
// their rank.
func checkModelAuthors(t *testing.T, what string, back, d *dataset.Dataset, src source) {
	t.Helper()
	for _, p := range back.Publications {
		if !strings.EqualFold(string(p.Identifiers.DOI), src.doi) {
			continue
		}
		if len(p.Authors) != src.authors {
			t.Errorf("%s: %d authors, want %d", what, len(p.Authors), src.authors)
			return
		}
		a := p.Authors[src.rank-1]
		person := d.People[indexOf(d, src.id)]
		// (An ORCID record read back names its own person by ref: the iD.)
		if id := person.Identifiers.ORCID; id != "" && a.ORCID != id && a.Ref != src.id && a.Ref != string(id) {
			t.Errorf("%s: author %d is %+v, want the ORCID iD %s", what, src.rank, a, id)
		}
		if !strings.Contains(a.Name, person.Name.Family) && a.Ref != src.id {
			t.Errorf("%s: author %d is %+v, want %s", what, src.rank, a, person.Name.Display)
		}
		return
	}
	t.Errorf("%s: no work of DOI %s", what, src.doi)
}

func indexOf(d *dataset.Dataset, id string) int {
	for i := range d.People {
		if d.People[i].ID == id {
			return i
		}
	}
	return -1
}

func familyOf(d *dataset.Dataset, id string) string { return d.People[indexOf(d, id)].Name.Family }

// checkRIS checks the authors (AU) of the record of the DOI in a RIS file.
func checkRIS(t *testing.T, data []byte, src source, family string) {
	t.Helper()
	var authors []string
	var doi string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		tag, value, _ := strings.Cut(sc.Text(), "  - ")
		switch tag {
		case "AU":
			authors = append(authors, value)
		case "DO":
			doi = value
		case "ER":
			if strings.EqualFold(doi, src.doi) {
				if len(authors) != src.authors || !strings.HasPrefix(authors[src.rank-1], family) {
					t.Errorf("ris: authors %v, want %d with %s at %d", authors, src.authors, family, src.rank)
				}
				return
			}
			authors, doi = nil, ""
		}
	}
	t.Errorf("ris: no record of DOI %s", src.doi)
}
