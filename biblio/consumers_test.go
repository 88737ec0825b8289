package biblio_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/scholarld/scholarld/biblio"
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/internal/tool"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/validate"
)

// datasets are the bibliographies the consumers read: the example's and a
// generated one.
func datasets(t *testing.T) map[string]*dataset.Dataset {
	t.Helper()
	d, err := validate.Check(seed.Load())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := synth.Write(dir, synth.Config{Seed: 7, People: 6, Publications: 40}); err != nil {
		t.Fatal(err)
	}
	g, err := validate.Check(inputs.Loader().Load(dir))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*dataset.Dataset{"example": d, "synth": g}
}

func write(t *testing.T, f func(*bytes.Buffer, *dataset.Dataset) error, d *dataset.Dataset) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func bibtexOf(b *bytes.Buffer, d *dataset.Dataset) error { return biblio.WriteBibTeX(b, d) }
func cslOf(b *bytes.Buffer, d *dataset.Dataset) error    { return biblio.WriteCSLJSON(b, d) }

// TestCSLSchema validates the CSL-JSON of the example and of a generated
// dataset against CSL 1.0.2's schema, testdata/csl-data.json.
func TestCSLSchema(t *testing.T) {
	t.Parallel()
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("testdata/csl-data.json")
	if err != nil {
		t.Fatal(err)
	}
	orcids := 0
	for name, d := range datasets(t) {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(write(t, cslOf, d)))
		if err != nil {
			t.Fatal(err)
		}
		// A name's ORCID key, as Crossref writes it, is the one thing
		// CSL 1.0.2's schema does not allow: check its form, then take it
		// out.
		for _, it := range v.([]any) {
			authors, _ := it.(map[string]any)["author"].([]any)
			for _, a := range authors {
				a := a.(map[string]any)
				if id, ok := a["ORCID"]; ok {
					orcids++
					if s, _ := id.(string); !strings.HasPrefix(s, "https://orcid.org/") {
						t.Errorf("%s: ORCID %v, want an https://orcid.org/ URL", name, id)
					}
					delete(a, "ORCID")
				}
			}
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s: CSL-JSON does not validate: %v", name, err)
		}
	}
	if orcids == 0 {
		t.Error("no name of either dataset has an ORCID iD: the test checks less than it says")
	}
}

// TestCSLRoundTrip checks that model → CSL-JSON → model gives the same
// works: the publications that are not versions of others, with their
// authors' names as printed.
func TestCSLRoundTrip(t *testing.T) {
	t.Parallel()
	for name, d := range datasets(t) {
		got, err := biblio.ReadCSLJSON("items.json", write(t, cslOf, d))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		people := make(map[string]profile.Person)
		for _, p := range d.People {
			people[p.ID] = p
		}
		var want []publication.Publication
		for _, p := range d.Publications {
			if p.VersionOf != "" {
				continue
			}
			p.OtherTitles = nil
			authors := make([]publication.Contributor, len(p.Authors))
			for i, a := range p.Authors {
				if a.Name == "" {
					a.Name = people[a.Ref].Name.Display
				}
				if a.ORCID == "" {
					a.ORCID = people[a.Ref].Identifiers.ORCID
				}
				authors[i] = publication.Contributor{Name: a.Name, ORCID: a.ORCID}
			}
			p.Authors = authors
			want = append(want, p)
		}
		if diff := cmp.Diff(want, got.Publications, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(publication.Publication{}, "Origin")); diff != "" {
			t.Errorf("%s: round trip mismatch (-want +got):\n%s", name, diff)
		}
	}
}

// TestPandoc renders the bibliography with pandoc --citeproc from our
// CSL-JSON and from our BibTeX, and checks that both give the same
// entries, with the authors in the data's order.
func TestPandoc(t *testing.T) {
	pandoc := tool.Need(t, "", "pandoc", "pandoc")
	for name, d := range datasets(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			bib := filepath.Join(dir, "refs.bib")
			csl := filepath.Join(dir, "refs.json")
			md := filepath.Join(dir, "doc.md")
			must(t, os.WriteFile(bib, write(t, bibtexOf, d), 0o644))
			must(t, os.WriteFile(csl, write(t, cslOf, d), 0o644))
			must(t, os.WriteFile(md, []byte("---\nnocite: '@*'\n---\n"), 0o644))
			render := func(refs string) []entry {
				out, err := exec.Command(pandoc, "--citeproc", "--bibliography", refs, "-t", "json", md).Output()
				if err != nil {
					t.Fatalf("pandoc --citeproc %s: %v", filepath.Base(refs), err)
				}
				return entries(t, out)
			}
			fromBib, fromCSL := render(bib), render(csl)
			if len(fromCSL) != len(biblio.CSL(d)) {
				t.Errorf("pandoc rendered %d entries from CSL-JSON, want %d", len(fromCSL), len(biblio.CSL(d)))
			}
			// The same entries, and the same byline and title: the rest
			// (how each input spells a link, say) may differ.
			byline := func(es []entry) []entry {
				var out []entry
				for _, e := range es {
					head, _, _ := strings.Cut(e.Text, "”")
					out = append(out, entry{e.ID, head})
				}
				return out
			}
			if diff := cmp.Diff(byline(fromCSL), byline(fromBib)); diff != "" {
				t.Errorf("entries from CSL-JSON and BibTeX differ (-csl +bibtex):\n%s", diff)
			}
			// The authors in data order: each rendered entry names its
			// authors' family names in the order of the items.
			for _, it := range biblio.CSL(d) {
				e, ok := find(fromCSL, it.ID)
				if !ok {
					t.Errorf("no rendered entry %s", it.ID)
					continue
				}
				last := -1
				for _, a := range it.Author {
					fam := strings.ReplaceAll(strings.ToLower(a.Family+a.Literal), "'", "’")
					i := strings.Index(e.Text[last+1:], fam)
					if i < 0 && strings.Contains(e.Text, "et al.") {
						break // styles shorten long author lists with "et al."
					}
					if i < 0 {
						t.Errorf("%s: author %q not after the previous ones in %q", it.ID, fam, e.Text)
						break
					}
					last += 1 + i
				}
			}
		})
	}
}

// An entry is a rendered bibliography entry: its id and its plain text.
type entry struct{ ID, Text string }

func find(es []entry, id string) (entry, bool) {
	for _, e := range es {
		if e.ID == id {
			return e, true
		}
	}
	return entry{}, false
}

// entries returns the entries of the refs div of pandoc's JSON output,
// their text flattened.
func entries(t *testing.T, out []byte) []entry {
	t.Helper()
	var doc struct{ Blocks []json.RawMessage }
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var es []entry
	var walk func(v any)
	walk = func(v any) {
		m, ok := v.(map[string]any)
		if ok && m["t"] == "Div" {
			c := m["c"].([]any)
			attr := c[0].([]any)
			if id, _ := attr[0].(string); strings.HasPrefix(id, "ref-") {
				es = append(es, entry{ID: strings.TrimPrefix(id, "ref-"), Text: strings.ToLower(flatten(c[1]))})
				return
			}
		}
		switch x := v.(type) {
		case map[string]any:
			for _, y := range x {
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	for _, b := range doc.Blocks {
		var v any
		must(t, json.Unmarshal(b, &v))
		walk(v)
	}
	return es
}

// flatten returns the text of pandoc JSON inlines.
func flatten(v any) string {
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			switch x["t"] {
			case "Str":
				b.WriteString(x["c"].(string))
			case "Space", "SoftBreak", "LineBreak":
				b.WriteByte(' ')
			default:
				walk(x["c"])
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(v)
	return b.String()
}

// TestBiber checks that biber reads our BibTeX with no errors, against
// biblatex's data model.
func TestBiber(t *testing.T) {
	biber := tool.Need(t, "", "biber", "biber")
	for name, d := range datasets(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			bib := filepath.Join(dir, "refs.bib")
			must(t, os.WriteFile(bib, write(t, bibtexOf, d), 0o644))
			cmd := exec.Command(biber, "--tool", "--validate-datamodel", "refs.bib")
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil || bytes.Contains(out, []byte("ERROR")) {
				t.Errorf("biber --tool --validate-datamodel: %v\n%s", err, out)
			}
			if bytes.Contains(out, []byte("WARN")) {
				t.Logf("biber warnings:\n%s", out)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
