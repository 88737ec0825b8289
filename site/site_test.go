package site

import (
	"bytes"
	"errors"
	"flag"
	"html"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/validate"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/example")

const owner = "ioannis-mitliagkas"

func loadSeed(t testing.TB) *dataset.Dataset {
	t.Helper()
	d, err := validate.Check(seed.Load())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// build writes the site of d with opts into a temporary directory.
func build(t testing.TB, d *dataset.Dataset, opts Options) string {
	t.Helper()
	s, err := New(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func read(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// pageSections returns the lines of the original page's sections, by heading.
func pageSections(t *testing.T) map[string][]string {
	t.Helper()
	text := read(t, "../internal/seed/testdata/profile-page.txt")
	headings := []string{"Research Topics", "Biography", "Current Students", "Publications"}
	sections := map[string][]string{}
	current := "header"
	for line := range strings.SplitSeq(text, "\n") {
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

var (
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	spaceRE = regexp.MustCompile(`[ \t]+`)
)

// text returns the text of an HTML fragment, a line for each <br>.
func text(fragment string) string {
	fragment = strings.ReplaceAll(fragment, "<br>", "\n")
	fragment = tagRE.ReplaceAllString(fragment, "")
	var lines []string
	for l := range strings.SplitSeq(html.UnescapeString(fragment), "\n") {
		if l = strings.TrimSpace(spaceRE.ReplaceAllString(l, " ")); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// section returns the HTML of the section whose heading has the given id.
func section(t *testing.T, page, id string) string {
	t.Helper()
	_, after, ok := strings.Cut(page, `<h2 id="`+id+`">`)
	if !ok {
		t.Fatalf("the page has no section %q", id)
	}
	before, _, _ := strings.Cut(after, "</section>")
	return before
}

// items returns the text of each <li> of an HTML fragment without nested lists.
func items(fragment string) []string {
	var out []string
	for i, part := range strings.Split(fragment, "<li>") {
		if i > 0 {
			li, _, _ := strings.Cut(part, "</li>")
			out = append(out, text(li))
		}
	}
	return out
}

// TestSeedSections checks that every section of the seed's profile page is
// visible on the person's page: the name, the 4 current positions, the 7
// topics, the biography, the 14 students with their level, institution and
// other supervisor as the page says (unnamed, as it leaves them), and every
// publication with its authors in order.
func TestSeedSections(t *testing.T) {
	d := loadSeed(t)
	dir := build(t, d, Options{})
	page := read(t, filepath.Join(dir, "people", owner, "index.html"))
	orig := pageSections(t)

	header := orig["header"]
	if !strings.Contains(page, "<h1>"+header[1]+"</h1>") {
		t.Errorf("no h1 %q", header[1])
	}
	_, positions, _ := strings.Cut(page, `<ul class="positions">`)
	positions, _, _ = strings.Cut(positions, "</ul>")
	current := items(positions)
	if len(current) < 4 {
		t.Fatalf("%d current positions, want at least 4", len(current))
	}
	for i, line := range header[2:] {
		parts := strings.Split(line, ", ")
		if !strings.HasPrefix(current[i], parts[0]+",") {
			t.Errorf("current position %d = %q, want the title %q", i, current[i], parts[0])
		}
		for _, org := range parts[1:] {
			if !strings.Contains(current[i], org) {
				t.Errorf("current position %d = %q, want %q in it", i, current[i], org)
			}
		}
	}

	if diff := cmp.Diff(orig["Research Topics"], items(section(t, page, "topics"))); diff != "" {
		t.Errorf("topics (-page +site):\n%s", diff)
	}
	bio := text(section(t, page, "biography"))
	for _, p := range orig["Biography"] {
		if !strings.Contains(bio, p) {
			t.Errorf("biography misses %q", p)
		}
	}

	// The page's students: a "Level - Institution" line, then maybe the
	// other supervisor's part, "Co-supervisor :" or "Principal supervisor :".
	var want [][]string
	for _, line := range orig["Current Students"] {
		if role, ok := strings.CutSuffix(line, " :"); ok {
			last := &want[len(want)-1]
			*last = append(*last, role+": not named")
			continue
		}
		want = append(want, []string{line})
	}
	var got [][]string
	for _, li := range items(section(t, page, "current-students")) {
		got = append(got, strings.Split(li, "\n"))
	}
	if len(want) != 14 {
		t.Fatalf("the page lists %d students, want 14", len(want))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("current students (-page +site):\n%s", diff)
	}

	// Every publication of the person, with all its authors in order.
	works := items(section(t, page, "publications"))
	var titles []string
	for _, w := range works {
		titles = append(titles, strings.Split(w, "\n")[0])
	}
	for _, p := range d.Publications {
		i := slices.Index(titles, p.Title)
		if i < 0 {
			t.Errorf("publication %q is not on the page", p.Title)
			continue
		}
		var names []string
		for _, a := range p.Authors {
			if a.Ref != "" {
				names = append(names, d.People[0].Name.Display)
			} else {
				names = append(names, a.Name)
			}
		}
		if got, want := strings.Split(works[i], "\n")[1], strings.Join(names, ", "); got != want {
			t.Errorf("%s: authors\n got %q\nwant %q", p.ID, got, want)
		}
	}
	// The original page's publications, each a title followed by authors
	// and an abstract: every title is on the site's page.
	n := 0
	for _, line := range orig["Publications"] {
		if slices.Contains(titles, line) {
			n++
		}
	}
	if n != len(d.Publications) {
		t.Errorf("%d of the original page's titles are on the site's page, want %d", n, len(d.Publications))
	}
	for i := range works {
		if i > 0 && dateOf(works[i]) > dateOf(works[i-1]) {
			t.Errorf("publication %d (%s) is newer than the one before it", i, dateOf(works[i]))
		}
	}
}

var dateRE = regexp.MustCompile(`\d{4}(-\d\d){0,2}$`)

func dateOf(work string) string {
	lines := strings.Split(work, "\n")
	return dateRE.FindString(lines[len(lines)-1])
}

var metaRE = regexp.MustCompile(`<meta name="(citation_[a-z_]+)" content="([^"]*)">`)

// TestScholarTags checks the citation_* tags of a publication page: authors
// in the data's order and Scholar's date formats.
func TestScholarTags(t *testing.T) {
	d := loadSeed(t)
	dir := build(t, d, Options{})
	for _, tc := range []struct {
		id   string
		want [][2]string
	}{
		{"unlearning-competition-findings", nil},
		{"solving-hidden-monotone-variational-inequalities", [][2]string{
			{"citation_title", "Solving Hidden Monotone Variational Inequalities with Surrogate Losses"},
			{"citation_author", "Ryan D'Orazio"},
			{"citation_author", "Danilo Vucetic"},
			{"citation_author", "Zichu Liu"},
			{"citation_author", "Junhyung Lyle Kim"},
			{"citation_author", "Ioannis Mitliagkas"},
			{"citation_author", "Gauthier Gidel"},
			{"citation_publication_date", "2025"},
			{"citation_conference_title", "International Conference on Learning Representations"},
			{"citation_arxiv_id", "2411.05228"},
		}},
	} {
		t.Run(tc.id, func(t *testing.T) {
			page := read(t, filepath.Join(dir, "publications", tc.id, "index.html"))
			var got [][2]string
			for _, m := range metaRE.FindAllStringSubmatch(page, -1) {
				got = append(got, [2]string{m[1], html.UnescapeString(m[2])})
			}
			i := slices.IndexFunc(d.Publications, func(p pub) bool { return p.ID == tc.id })
			p := d.Publications[i]
			var authors []string
			for _, m := range got {
				if m[0] == "citation_author" {
					authors = append(authors, m[1])
				}
			}
			var want []string
			for _, a := range p.Authors {
				if a.Ref != "" {
					want = append(want, "Ioannis Mitliagkas")
				} else {
					want = append(want, a.Name)
				}
			}
			if diff := cmp.Diff(want, authors); diff != "" {
				t.Errorf("citation_author (-data +page):\n%s", diff)
			}
			dateOK := regexp.MustCompile(`^\d{4}(/\d\d/\d\d)?$`)
			for _, m := range got {
				if m[0] == "citation_publication_date" && !dateOK.MatchString(m[1]) {
					t.Errorf("citation_publication_date %q is not YYYY/MM/DD or YYYY", m[1])
				}
			}
			if tc.want != nil {
				if diff := cmp.Diff(tc.want, got); diff != "" {
					t.Errorf("tags (-want +got):\n%s", diff)
				}
			}
		})
	}
	if got := scholarDate(&pub{Date: "2024-06-16"}); got != "2024/06/16" {
		t.Errorf("scholarDate(2024-06-16) = %q, want 2024/06/16", got)
	}
	if got := scholarDate(&pub{Date: "2024-06"}); got != "2024" {
		t.Errorf("scholarDate(2024-06) = %q, want 2024", got)
	}
}

// TestGolden compares the example's site with testdata/example, file by
// file; -update rewrites it.
func TestGolden(t *testing.T) {
	dir := build(t, loadSeed(t), Options{})
	golden := filepath.Join("testdata", "example")
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(golden, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
	}
	var got, want []string
	fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			got = append(got, p)
		}
		return err
	})
	fs.WalkDir(os.DirFS(golden), ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			want = append(want, p)
		}
		return err
	})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("files (-golden +site):\n%s", diff)
	}
	for _, name := range got {
		if diff := cmp.Diff(read(t, filepath.Join(golden, name)), read(t, filepath.Join(dir, name))); diff != "" {
			t.Errorf("%s (-golden +site):\n%s", name, diff)
		}
	}
}

// TestDeterministic builds the site twice and compares.
func TestDeterministic(t *testing.T) {
	d := loadSeed(t)
	a, b := build(t, d, Options{Date: "2026-11-30"}), build(t, d, Options{Date: "2026-11-30"})
	for _, name := range mustFiles(t, a) {
		if read(t, filepath.Join(a, name)) != read(t, filepath.Join(b, name)) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func mustFiles(t *testing.T, dir string) []string {
	var names []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestTemplates overrides a template and the style sheet.
func TestTemplates(t *testing.T) {
	over := fstest.MapFS{
		"index.html": {Data: []byte(`{{define "main"}}<h1>Our people</h1>{{range .People}}<p>{{.Name}}</p>{{end}}{{end}}`)},
		"style.css":  {Data: []byte(`body { color: green; }`)},
	}
	dir := build(t, loadSeed(t), Options{Templates: over})
	index := read(t, filepath.Join(dir, "index.html"))
	for _, want := range []string{"<h1>Our people</h1>", "<p>Ioannis Mitliagkas</p>", `<link rel="stylesheet" href="style.css">`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if css := read(t, filepath.Join(dir, "style.css")); css != "body { color: green; }" {
		t.Errorf("style.css = %q, want the override", css)
	}
	if person := read(t, filepath.Join(dir, "people", owner, "index.html")); !strings.Contains(person, "Research topics") {
		t.Error("the person page lost the default template")
	}
	_, err := New(loadSeed(t), Options{Templates: fstest.MapFS{"person.html": {Data: []byte(`{{define "main"}}{{.Nope`)}}})
	if err == nil {
		t.Error("New accepted a broken template")
	}
}

// TestURLs checks the URL patterns and a page URL from the data.
func TestURLs(t *testing.T) {
	d := loadSeed(t)
	d.People[0].PageURL = "https://example.org/en/directory/ioannis-mitliagkas.html"
	dir := build(t, d, Options{PublicationPath: "papers/{id}.html"})
	for _, name := range []string{"en/directory/ioannis-mitliagkas.html", "en/directory/ioannis-mitliagkas.jsonld", "en/directory/ioannis-mitliagkas.ttl", "papers/no-wrong-turns.html"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("no %s: %v", name, err)
		}
	}
	person := read(t, filepath.Join(dir, "en/directory/ioannis-mitliagkas.html"))
	for _, want := range []string{
		`<link rel="canonical" href="https://example.org/en/directory/ioannis-mitliagkas.html">`,
		`"@id":"https://example.org/en/directory/ioannis-mitliagkas.html#person"`,
		`href="../../papers/no-wrong-turns.html"`,
	} {
		if !strings.Contains(person, want) {
			t.Errorf("the person page lacks %s", want)
		}
	}
	for _, bad := range []Options{{PersonPath: "/abs/{id}/"}, {PersonPath: "p/../{id}/"}, {PublicationPath: "p/{id}"}, {Base: "ftp://x/"},
		{Base: "https://x.example/?lang=en"}, {Base: "https://x.example/#top"}, {Templates: fstest.MapFS{"person.html": {Data: []byte("{{.Nope")}}}} {
		if _, err := New(d, bad); err == nil {
			t.Errorf("New accepted %+v", bad)
		}
		if err := bad.Check(); err == nil {
			t.Errorf("Check accepted %+v", bad)
		}
	}
	if err := (Options{}).Check(); err != nil {
		t.Errorf("Check refused the zero Options: %v", err)
	}
	d.People[0].PageURL = "https://elsewhere.example/ada/"
	if _, err := New(d, Options{}); err == nil {
		t.Error("New accepted a page_url outside the base")
	}
}

func TestRel(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"", "", "./"},
		{"", "people/a/", "people/a/"},
		{"people/a/", "", "../../"},
		{"people/a/", "people/a/a.ttl", "a.ttl"},
		{"people/a/", "people/b/", "../b/"},
		{"people/a/", "publications/x/", "../../publications/x/"},
		{"en/a.html", "papers/x.html", "../papers/x.html"},
		{"a.html", "javascript:alert(1)/", "./javascript:alert(1)/"},
		{"", "a:b.html", "./a:b.html"},
		{"people/a/", "people/a:b/", "../a:b/"},
	} {
		if got := rel(tc.from, tc.to); got != tc.want {
			t.Errorf("rel(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestHTTPURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://a.example/x":  "https://a.example/x",
		"http://a.example/":    "http://a.example/",
		"javascript:alert(1)":  "",
		"data:text/html,x":     "",
		"//a.example/":         "",
		"/x":                   "",
		"mailto:a@example.org": "",
	} {
		if got := httpURL(in); got != want {
			t.Errorf("httpURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWriteReplaces checks that Write replaces a site written before
// whole, leaving nothing of it and nothing beside it.
func TestWriteReplaces(t *testing.T) {
	d := loadSeed(t)
	dir := build(t, d, Options{PublicationPath: "papers/{id}.html"})
	s, err := New(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "papers")); !os.IsNotExist(err) {
		t.Errorf("the earlier site's papers/ is still there (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "publications/no-wrong-turns/index.html")); err != nil {
		t.Error(err)
	}
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil || len(entries) != 1 {
		t.Errorf("beside the site: %v (%v), want the site alone", entries, err)
	}
}

// TestRebuildKeepsUserFiles checks that a rebuild never deletes a file
// the user added to the site: it refuses, naming it, and the site and the
// file stay as they were; a symlinked directory is followed.
func TestRebuildKeepsUserFiles(t *testing.T) {
	s, err := New(loadSeed(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	real := filepath.Join(root, "www")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "public")
	if err := os.Symlink(real, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(dir); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a directory (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(real, "sitemap.xml")); err != nil {
		t.Fatalf("the link's target holds no site: %v", err)
	}
	added := filepath.Join(dir, "googlea1b2c3.html")
	if err := os.WriteFile(added, []byte("verification"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(dir); !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), "googlea1b2c3.html") {
		t.Errorf("rebuild over an added file = %v, want ErrForeign naming it", err)
	}
	if data, err := os.ReadFile(added); err != nil || string(data) != "verification" {
		t.Errorf("the added file: %q, %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(real, "sitemap.xml")); err != nil {
		t.Errorf("the site is gone: %v", err)
	}
}

// TestWriteRefuses checks that Write does not replace a directory that is
// not a site.
func TestWriteRefuses(t *testing.T) {
	s, err := New(loadSeed(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "precious.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(dir); !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), "precious.txt") {
		t.Errorf("Write(a directory that is not a site) = %v, want a refusal that says why", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "precious.txt")); err != nil {
		t.Error(err)
	}
	var buf bytes.Buffer
	if err := s.WriteFile(&buf, "robots.txt"); err != nil || !strings.Contains(buf.String(), "Sitemap: https://example.org/sitemap.xml") {
		t.Errorf("robots.txt = %q, %v", buf.String(), err)
	}
}

type pub = publication.Publication

// TestTruncate checks truncate against its definition: the text with its
// white space collapsed, cut to at most n characters at a word where the
// cut keeps more than half, with an ellipsis.
func TestTruncate(t *testing.T) {
	def := func(text string, n int) string {
		text = strings.Join(strings.Fields(text), " ")
		if utf8.RuneCountInString(text) <= n {
			return text
		}
		r := []rune(text)[:n-1]
		if k := strings.LastIndexByte(string(r), ' '); k > n/2 {
			return string(r)[:k] + "…"
		}
		return string(r) + "…"
	}
	texts := []string{
		"", " ", "word", "  two  words ", "a b c d e f g h i j k l m n o p",
		"Ünïcödé wörds ünd mörë wörds, lönger thän the limit öf the test",
		strings.Repeat("x", 40), strings.Repeat("ab ", 20), "\tTabs\nand\r\nnew lines   and spaces\u00a0too",
		strings.Repeat("λόγος ", 50),
	}
	for _, text := range texts {
		for n := 2; n <= 45; n++ {
			if got, want := truncate(text, n), def(text, n); got != want {
				t.Errorf("truncate(%q, %d) = %q, want %q", text, n, got, want)
			}
		}
	}
}

// TestAuthorsHTML checks that Authors.HTML writes what the template it
// stands for writes with html/template's own escaping, for hostile names
// and links.
func TestAuthorsHTML(t *testing.T) {
	long := template.Must(template.New("").Parse(
		`{{range $i, $a := .}}{{if $a.EtAl}} {{$a.Name}}{{else}}{{if $i}}, {{end}}{{if $a.Href}}<a href="{{$a.Href}}">{{$a.Name}}</a>{{else}}{{$a.Name}}{{end}}{{end}}{{end}}`))
	names := []string{"Ada", "C++ 1+1", "Zoë O'Brien & \"Co\"", `</a><script>alert(1)</script>`, "a\x00b", "<!--", "\u2028", ""}
	hrefs := []string{"", "../b/", "../../x y/é/", "./javascript:alert(1)/", "javascript:alert(1)", "JavaScript:x/", "HTTPS://a.example/", "httpſ://a.example/",
		"mailto:a@example.org", "../a&b/?q=<x>#f", "100%/", "%4a%zz%4", "a\"b'c()/", "\x7f\x01\t\n/"}
	for _, n := range names {
		for _, h := range hrefs {
			for _, as := range []Authors{{{Name: "First", Href: "../a/"}, {Name: n, Href: h}}, {{Name: n, Href: h}, {Name: "et al.", EtAl: true}}} {
				var want strings.Builder
				if err := long.Execute(&want, as); err != nil {
					t.Fatal(err)
				}
				if got := string(as.HTML()); got != want.String() {
					t.Errorf("%+v.HTML():\n got %s\nwant %s", as, got, want.String())
				}
			}
		}
	}
	as := Authors{{Name: "Ada"}, {Name: "Zoë <b>", Href: "../z/"}, {Name: "et al.", EtAl: true}}
	if got, want := as.Names(), "Ada, Zoë <b> et al."; got != want {
		t.Errorf("Names() = %q, want %q", got, want)
	}
}

// TestMetasHTML checks that Metas.HTML writes what the template it stands
// for writes with html/template's own escaping.
func TestMetasHTML(t *testing.T) {
	long := template.Must(template.New("").Parse("{{range .}}\n<meta name=\"{{.Name}}\" content=\"{{.Content}}\">{{end}}"))
	for _, text := range []string{"", "Ada", `"><script>alert(1)</script>`, "Zoë & O'Brien", "a\x00b", "{{.}}", "line\nbreak", "C++ &#43; 1+1"} {
		ms := Metas{{Name: "citation_title", Content: text}, {Name: text, Content: "x"}}
		var want strings.Builder
		if err := long.Execute(&want, ms); err != nil {
			t.Fatal(err)
		}
		if got := string(ms.HTML()); got != want.String() {
			t.Errorf("Metas with %q:\n got %s\nwant %s", text, got, want.String())
		}
	}
}
