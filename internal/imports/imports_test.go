package imports

import (
	"bufio"
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// modulePath returns the module path that go.mod in fsys declares.
func modulePath(t *testing.T, fsys fs.FS) string {
	t.Helper()
	data, err := fs.ReadFile(fsys, "go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for sc := bufio.NewScanner(bytes.NewReader(data)); sc.Scan(); {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			if p, err := strconv.Unquote(strings.TrimSpace(rest)); err == nil {
				return p
			}
			return strings.TrimSpace(rest)
		}
	}
	t.Fatal("go.mod declares no module")
	return ""
}

// eachFile calls fn with each Go file of fsys that is not a test, whatever
// its build tags, and its imports. It skips the directories the go command
// ignores (testdata, and names starting with . or _), examples/, and, if
// nested is false, nested modules (bench/).
func eachFile(fsys fs.FS, nested bool, fn func(name string, imports []string)) error {
	fset := token.NewFileSet()
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && name != "." && (d.Name() == "testdata" || d.Name() == "examples" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")):
			return fs.SkipDir
		case d.IsDir() && name != "." && !nested:
			if _, err := fs.Stat(fsys, path.Join(name, "go.mod")); err == nil {
				return fs.SkipDir
			}
			return nil
		case d.IsDir() || path.Ext(name) != ".go" || strings.HasSuffix(name, "_test.go"):
			return nil
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
		if err != nil {
			return err
		}
		var imports []string
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			imports = append(imports, p)
		}
		fn(name, imports)
		return nil
	})
}

// examplesImports returns, as "file: import path", every import of a
// package under examples/ (of the module module) by a file that is
// neither a test nor under examples/ (which may import each other), in
// every Go file of fsys whatever its build tags, nested modules (bench/)
// included.
func examplesImports(fsys fs.FS, module string) ([]string, error) {
	examples := module + "/examples"
	var found []string
	err := eachFile(fsys, true, func(name string, imports []string) {
		for _, p := range imports {
			if p == examples || strings.HasPrefix(p, examples+"/") {
				found = append(found, name+": "+p)
			}
		}
	})
	return found, err
}

// TestExamplesNotImported checks that nothing outside examples/ imports
// examples/, tests aside: the library and the command must not depend on
// the examples (the command's embedded example is internal/seed).
func TestExamplesNotImported(t *testing.T) {
	root := os.DirFS("../..")
	found, err := examplesImports(root, modulePath(t, root))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("%s: only examples/ and tests may import examples/", f)
	}
}

// TestExamplesImports checks the check on a tree of its own: it finds the
// imports of examples/ where they are forbidden, under any build tag and
// in a nested module, and only there.
func TestExamplesImports(t *testing.T) {
	file := func(imports ...string) *fstest.MapFile {
		src := "//go:build windows\n\npackage p\n\nimport (\n"
		for _, p := range imports {
			src += "\t" + strconv.Quote(p) + "\n"
		}
		return &fstest.MapFile{Data: []byte(src + ")\n")}
	}
	const m = "example.org/m"
	tree := fstest.MapFS{
		"go.mod":                      {Data: []byte("module \"example.org/m\"\n\ngo 1.26\n")},
		"lib/lib.go":                  file("fmt", m+"/examples/seed"),
		"lib/lib_test.go":             file(m + "/examples/seed"),
		"lib/ok.go":                   file(m+"/examplesque", m+"/internal/seed"),
		"examples/a/main.go":          file(m + "/examples/seed"),
		"bench/go.mod":                {Data: []byte("module example.org/m/bench\n")},
		"bench/serve/main.go":         file(m + "/examples"),
		"lib/testdata/x.go":           file(m + "/examples/seed"),
		"_old/x.go":                   file(m + "/examples/seed"),
		"internal/cli/seed.go":        file(m + "/examples/gen"),
		"internal/cli/seed_other.txt": {Data: []byte("import \"example.org/m/examples/seed\"")},
	}
	found, err := examplesImports(tree, modulePath(t, tree))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"bench/serve/main.go: " + m + "/examples",
		"internal/cli/seed.go: " + m + "/examples/gen",
		"lib/lib.go: " + m + "/examples/seed",
	}
	if strings.Join(found, "\n") != strings.Join(want, "\n") {
		t.Errorf("found\n%s\nwant\n%s", strings.Join(found, "\n"), strings.Join(want, "\n"))
	}
}
