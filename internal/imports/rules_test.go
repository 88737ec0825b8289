package imports

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
)

// A rule is one sentence of docs/design.md about imports: the packages
// (of the module, by their paths in it) that may import pkg. Only files
// that are not tests count.
type rule struct {
	pkg     string   // a package of the module, or a third-party module path
	only    []string // the only packages that may import it; nil: see may
	may     []string // for a package of the module: all it may import of the module
	because string   // the sentence of the documentation
}

// rules are the import rules docs/design.md states, "Import direction".
var rules = []rule{
	{pkg: "source", may: []string{"internal/suggest"}, because: "source is the input layer, under the model"},
	{pkg: "profile", may: []string{"source"}, because: "the model imports the input layer only"},
	{pkg: "publication", may: []string{"profile", "source"}, because: "the model imports the input layer only"},
	{pkg: "dataset", may: []string{"profile", "publication", "source"}, because: "dataset imports none of the importers: a Loader reads the formats it lists"},
	{pkg: "gopkg.in/yaml.v3", only: []string{"source"}, because: "source is the only importer of yaml.v3"},
	{pkg: "github.com/go-playground/validator/v10", only: []string{"validate"}, because: "validate is the only importer of validator/v10"},
	{pkg: "github.com/knakk/rdf", only: []string{"export", "internal/schematerms"}, because: "export is the only importer of knakk/rdf (and the generator of the schema.org term table)"},
	{pkg: "internal/graph", only: []string{"export", "stream", "site", "serve"}, because: "internal/graph is under export, stream, site and serve"},
	{pkg: "inputs", only: []string{"internal/cli"}, because: "inputs sits above the importers; the command reads through it"},
	{pkg: "unsafe", only: []string{"internal/fast"}, because: "the speed machinery lives in internal/fast: no unsafe outside it"},
}

// moduleImports returns, for each package directory of the module in
// fsys (nested modules and examples/ aside), the imports of its files that
// are not tests: of the module, by their paths in it, of other modules
// whole, and unsafe (the one package of the standard library a rule names).
func moduleImports(fsys fs.FS, module string) (map[string][]string, error) {
	out := make(map[string][]string)
	err := eachFile(fsys, false, func(name string, imports []string) {
		dir := path.Dir(name)
		for _, p := range imports {
			if rest, ok := strings.CutPrefix(p, module+"/"); ok {
				p = rest
			} else if p != "unsafe" && !strings.Contains(strings.SplitN(p, "/", 2)[0], ".") {
				continue // the standard library, unsafe aside
			}
			if !slices.Contains(out[dir], p) {
				out[dir] = append(out[dir], p)
			}
		}
	})
	return out, err
}

// broken returns the imports of imps that break the rules, as "importer
// imports pkg: because".
func broken(imps map[string][]string, rules []rule) []string {
	var bad []string
	for _, r := range rules {
		for dir, list := range imps {
			switch {
			case r.only != nil && slices.Contains(list, r.pkg) && !slices.Contains(r.only, dir):
				bad = append(bad, dir+" imports "+r.pkg+": "+r.because)
			case r.may != nil && dir == r.pkg:
				for _, p := range list {
					if !strings.Contains(strings.SplitN(p, "/", 2)[0], ".") && !slices.Contains(r.may, p) {
						bad = append(bad, dir+" imports "+p+": "+r.because)
					}
				}
			}
		}
	}
	slices.Sort(bad)
	return bad
}

// TestImportRules checks the module's imports against the rules that
// docs/design.md states: a change that breaks one fails here, and either
// the change or the documentation must change.
func TestImportRules(t *testing.T) {
	root := os.DirFS("../..")
	imps, err := moduleImports(root, modulePath(t, root))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		if _, ok := imps[r.pkg]; r.may != nil && !ok {
			t.Errorf("rule for %s: no such package", r.pkg)
		}
	}
	for _, b := range broken(imps, rules) {
		t.Error(b)
	}
}

// TestBroken checks the check on imports of its own.
func TestBroken(t *testing.T) {
	imps := map[string][]string{
		"profile":     {"source", "dataset"},
		"dataset":     {"profile", "orcid", "gopkg.in/yaml.v3"},
		"source":      {"gopkg.in/yaml.v3"},
		"site":        {"internal/graph"},
		"internal/x":  {"internal/graph"},
		"publication": {"profile", "github.com/other/mod"},
		"internal/y":  {"unsafe"},
		"internal/z":  {"unsafe"},
	}
	rules := []rule{
		{pkg: "profile", may: []string{"source"}, because: "a"},
		{pkg: "dataset", may: []string{"profile"}, because: "b"},
		{pkg: "publication", may: []string{"profile"}, because: "c"},
		{pkg: "gopkg.in/yaml.v3", only: []string{"source"}, because: "d"},
		{pkg: "internal/graph", only: []string{"site"}, because: "e"},
		{pkg: "unsafe", only: []string{"internal/z"}, because: "f"},
	}
	want := []string{
		"dataset imports gopkg.in/yaml.v3: d",
		"dataset imports orcid: b",
		"internal/x imports internal/graph: e",
		"internal/y imports unsafe: f",
		"profile imports dataset: a",
	}
	if got := broken(imps, rules); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("broken:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
