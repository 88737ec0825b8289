package biblio_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/biblio"
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/tool"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// runBiber runs biber --tool on bib and returns the keys of the entries
// it wrote. A non-zero exit or an ERROR in its log fails the test.
func runBiber(t *testing.T, bib []byte) []string {
	t.Helper()
	biber := tool.Need(t, "", "biber", "biber")
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, "refs.bib"), bib, 0o644))
	cmd := exec.Command(biber, "--tool", "--output-file=out.bib", "refs.bib")
	cmd.Dir = dir
	log, err := cmd.CombinedOutput()
	if err != nil || bytes.Contains(log, []byte("ERROR")) {
		t.Fatalf("biber --tool: %v\n%s\non:\n%s", err, log, bib)
	}
	out, err := os.ReadFile(filepath.Join(dir, "out.bib"))
	must(t, err)
	var keys []string
	for _, m := range regexp.MustCompile(`(?m)^@([A-Za-z]+)\{([^,\n]*),`).FindAllSubmatch(out, -1) {
		if !strings.EqualFold(string(m[1]), "comment") {
			keys = append(keys, string(m[2]))
		}
	}
	return keys
}

// pandocCSL returns the items pandoc reads from bib.
func pandocCSL(t *testing.T, bib []byte) []biblio.Item {
	t.Helper()
	pandoc := tool.Need(t, "", "pandoc", "pandoc")
	cmd := exec.Command(pandoc, "-f", "bibtex", "-t", "csljson")
	cmd.Stdin = bytes.NewReader(bib)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pandoc -f bibtex -t csljson: %v", err)
	}
	var items []biblio.Item
	must(t, json.Unmarshal(out, &items))
	return items
}

func pub(id, title string, authors ...string) publication.Publication {
	p := publication.Publication{ID: id, Title: title, Kind: publication.KindJournalArticle}
	for _, a := range authors {
		p.Authors = append(p.Authors, publication.Contributor{Name: a})
	}
	return p
}

func writeBib(t *testing.T, pubs ...publication.Publication) []byte {
	t.Helper()
	var buf bytes.Buffer
	must(t, biblio.WriteBibTeX(&buf, &dataset.Dataset{Publications: pubs}))
	return buf.Bytes()
}

// TestWriteWhatBiberReads checks the defects of the BibTeX writer that
// biber, pandoc or this package's reader found: each entry is read by
// biber with no entry lost, and read back by this package as written.
func TestWriteWhatBiberReads(t *testing.T) {
	t.Parallel()
	brace := pub("brace", "The set {x", "Doe, Jane")
	closing := pub("closing", "A } b {c} d", "Doe, Jane")
	abstract := pub("abstract", "Abstract", "Jane Doe")
	abstract.Abstract = "Intro.\n@misc{x, title = {y}}\n@ home"
	rpkg := pub("rpkg", "An R Package for TD(0) and GPT-4 on iPhone", "Jane Doe")
	corp := pub("corp", "T", "Acme, Inc.", "Smith and Wesson", "John Smith, Jr.", "Ludwig van Beethoven")
	dated := pub("dated", "T", "Jane Doe")
	dated.Date = "2020-01-05"
	dashes := pub("dashes", "a--b a-–c ``q'' 'x' ~ \\ $5 50% #1 a_b ^", "Jane Doe")
	dashes.URL = "https://example.org/a--b~c_d%25e#f"
	all := []publication.Publication{brace, closing, abstract, rpkg, corp, dated, dashes}
	bib := writeBib(t, all...)

	t.Run("biber", func(t *testing.T) {
		var want []string
		for _, p := range all {
			want = append(want, p.ID)
		}
		if diff := cmp.Diff(want, runBiber(t, bib)); diff != "" {
			t.Errorf("biber's entries (-want +got):\n%s", diff)
		}
	})
	t.Run("read back", func(t *testing.T) {
		d, err := biblio.ReadBibTeX("out.bib", bib)
		if err != nil {
			t.Fatal(err)
		}
		want := make(map[string]publication.Publication)
		for _, p := range all {
			p.Abstract = collapseSpace(p.Abstract)
			if p.Kind == publication.KindJournalArticle {
				p.Venue.Kind = ""
			}
			want[p.ID] = p
		}
		if diff := cmp.Diff(want, byID(d), ignoreOrigin); diff != "" {
			t.Errorf("read back (-want +got):\n%s", diff)
		}
	})
	t.Run("pandoc", func(t *testing.T) {
		items := make(map[string]biblio.Item)
		for _, it := range pandocCSL(t, bib) {
			items[it.ID] = it
		}
		// pandoc makes titles sentence case: the protected words stay.
		if got := items["rpkg"].Title; !strings.Contains(got, " R ") || !strings.Contains(got, "TD(0)") || !strings.Contains(got, "GPT-4") || !strings.Contains(got, "iPhone") {
			t.Errorf("pandoc's title %q lost a capital", got)
		}
		var got []string
		for _, a := range items["corp"].Author {
			got = append(got, collapseSpace(strings.Join([]string{a.Literal, a.Given, a.DroppingParticle, a.NonDroppingParticle, a.Family}, " ")))
		}
		want := []string{"Acme, Inc.", "Smith and Wesson", "John Smith", "Ludwig van Beethoven"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("pandoc's authors (-want +got):\n%s", diff)
		}
	})
	t.Run("year", func(t *testing.T) {
		// BibTeX's styles read year and month, not biblatex's date:
		// without the date, the entry still has its year and month.
		noDate := regexp.MustCompile(`(?m)^  date = .*\n`).ReplaceAll(writeBib(t, dated), nil)
		d, err := biblio.ReadBibTeX("nodate.bib", noDate)
		if err != nil || len(d.Publications) != 1 || d.Publications[0].Date != "2020-01" {
			t.Errorf("without its date field, the entry reads as %v, %v; want the date 2020-01", d, err)
		}
	})
}

// collapseSpace makes each run of ASCII white space in s one space, and
// trims it, as readers of BibTeX do; other spaces (U+2000) are text.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
	}), " ")
}

// hostile returns random text of the tokens that break BibTeX writers.
func hostile(r *rand.Rand, words int, extra ...string) string {
	tokens := append([]string{"{", "}", "\\", "%", "#", "&", "$", "_", "^", "~", "\"", "'", "''", "`", "``",
		"-", "--", "---", "–", "—", "@", "@misc{x,", "\n@article{y,", ",", "=", "and", " and ", "others", "\n", "\t", "  ",
		"é", "Ω", "𝔸", "{}", "\\{", "\\textbf{", "Ab", "cd", "EF", "g", "R", "42", "(", ")", "#1", "x"}, extra...)
	var b strings.Builder
	for range words {
		b.WriteString(tokens[r.IntN(len(tokens))])
		if r.IntN(3) == 0 {
			b.WriteByte(' ')
		}
	}
	return b.String() + " z" // a letter, so that it is never empty
}

// hostileName returns a random display name: words of letters and the
// punctuation names have, with a hostile word now and then.
func hostileName(r *rand.Rand) string {
	words := []string{"Jane", "Doe", "van", "der", "de la", "Jr.", "and", "And", "others", "Acme,", "Inc.", "{", "}", "\\",
		"O'Brien", "Müller", "Ōta", "D.", "~", "%", "&", "-", "--", "@", "{Ab}", "x"}
	var w []string
	for range 1 + r.IntN(4) {
		w = append(w, words[r.IntN(len(words))])
	}
	return strings.Join(w, " ") + " Zed"
}

// TestWriteBibTeXProperty writes publications with random hostile text
// in every field: biber must read every entry (exit 0, no entry lost) and
// this package's reader must read back the same records, white space
// aside, as readers collapse it.
func TestWriteBibTeXProperty(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(19, 2026))
	var pubs []publication.Publication
	for i := range 120 {
		p := publication.Publication{ID: fmt.Sprintf("w%d", i), Kind: publication.KindJournalArticle,
			Title: hostile(r, 6), Abstract: hostile(r, 12), EtAl: r.IntN(4) == 0,
			Venue: publication.Venue{Name: hostile(r, 3), Series: hostile(r, 2), Volume: hostile(r, 1), Issue: hostile(r, 1), Pages: hostile(r, 2)},
			URL:   "https://example.org/" + strings.NewReplacer(" ", "", "\n", "", "\t", "", "\\", "", "{", "", "}", "", "\"", "", "^", "", "`", "", "%", "%25").Replace(hostile(r, 3))}
		p.Date = profile.Date(fmt.Sprintf("%04d-%02d-%02d", 1900+r.IntN(200), 1+r.IntN(12), 1+r.IntN(28)))[:[]int{4, 7, 10}[r.IntN(3)]]
		for range 1 + r.IntN(4) {
			p.Authors = append(p.Authors, publication.Contributor{Name: hostileName(r)})
		}
		for range r.IntN(3) {
			// A keyword holds no comma or semicolon: they separate keywords.
			p.Keywords = append(p.Keywords, strings.NewReplacer(",", "", ";", "").Replace(hostile(r, 2)))
		}
		pubs = append(pubs, p)
	}
	bib := writeBib(t, pubs...)
	t.Run("biber", func(t *testing.T) {
		keys := runBiber(t, bib)
		if len(keys) != len(pubs) {
			t.Errorf("biber read %d entries of %d", len(keys), len(pubs))
		}
	})
	t.Run("read back", func(t *testing.T) {
		d, err := biblio.ReadBibTeX("out.bib", bib)
		if err != nil {
			t.Fatal(err)
		}
		got := byID(d)
		for _, p := range pubs {
			want := normalized(p)
			if diff := cmp.Diff(want, got[p.ID], ignoreOrigin); diff != "" {
				t.Errorf("%s read back (-want +got):\n%s", p.ID, diff)
			}
		}
	})
}

// normalized is what reading p back from BibTeX gives: its text with
// white space collapsed.
func normalized(p publication.Publication) publication.Publication {
	p.Title, p.Abstract = collapseSpace(p.Title), collapseSpace(p.Abstract)
	v := &p.Venue
	v.Name, v.Series, v.Volume, v.Issue, v.Pages = collapseSpace(v.Name), collapseSpace(v.Series), collapseSpace(v.Volume), collapseSpace(v.Issue), collapseSpace(v.Pages)
	v.Kind = publication.VenueJournal
	p.Authors = slicesClone(p.Authors)
	for i := range p.Authors {
		p.Authors[i].Name = collapseSpace(p.Authors[i].Name)
	}
	var kws []string
	for _, k := range p.Keywords {
		if k = collapseSpace(k); k != "" {
			kws = append(kws, k)
		}
	}
	p.Keywords = kws
	return p
}

func slicesClone[T any](s []T) []T { return append([]T(nil), s...) }
