// Package sdvtest runs a rich-results validator on HTML pages: Adobe's
// structured-data validator (npm @adobe/structured-data-validator 1.7.1),
// on the structured data @marbec/web-auto-extractor 2.2.1 extracts, with
// the schema.org 30.0 vocabulary of testdata/ (see
// testdata/schemaorg-all-https.LICENSE). It checks what Lighthouse does
// not: that every item has a type of schema.org, that its properties are
// the type's, and Google's requirements for the types it knows (a Person
// or an Organization has a name, ...).
//
// Both packages are installed by .ci/run, with Lighthouse, into a
// directory whose node_modules holds them, which $SDV_DIR names. Where
// node or that directory is missing a test skips, except under CI=true,
// where it fails. The validator reads nothing from the network. Only tests
// import this package.
package sdvtest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/scholarld/scholarld/internal/tool"
)

// The versions .ci/run installs: the verdicts of other versions differ.
const (
	ValidatorVersion = "1.7.1" // @adobe/structured-data-validator
	ExtractorVersion = "2.2.1" // @marbec/web-auto-extractor
)

var (
	//go:embed testdata/sdv.mjs
	script []byte
	//go:embed testdata/schemaorg-all-https.jsonld
	vocabulary []byte
)

// A Result is the validator's verdict on one HTML file.
type Result struct {
	File   string
	Items  []string // the type of each item extracted (a node of an @graph is one)
	Issues []Issue
}

// An Issue is an error or a warning of the validator or of the extractor.
type Issue struct {
	Severity   string   // "ERROR" or "WARNING"
	Message    string   `json:"issueMessage"`
	RootType   string   // the type of the item, or the format for the extractor's errors
	Path       []Step   // from the item to the node at fault
	FieldNames []string // the properties at fault, or "@type"
	Source     string   // the item, as JSON, for JSON-LD
}

// A Step is a step of an [Issue]'s path: the property followed to a node,
// and the node's type.
type Step struct {
	Property string          // empty for the item itself
	Type     json.RawMessage // a string or an array of strings
}

// Types returns the types of the node.
func (s Step) Types() []string {
	var one string
	if json.Unmarshal(s.Type, &one) == nil {
		return []string{one}
	}
	var many []string
	json.Unmarshal(s.Type, &many)
	return many
}

// Node returns the last step of the path: the node at fault.
func (i Issue) Node() Step {
	if len(i.Path) == 0 {
		return Step{}
	}
	return i.Path[len(i.Path)-1]
}

// String formats the issue on one line, with the start of the item.
func (i Issue) String() string {
	s := fmt.Sprintf("%s: %s (%s", i.Severity, i.Message, i.RootType)
	if len(i.FieldNames) > 0 {
		s += " " + strings.Join(i.FieldNames, ",")
	}
	for _, st := range i.Path {
		s += " > "
		if st.Property != "" {
			s += st.Property + ": "
		}
		s += strings.Join(st.Types(), ",")
	}
	s += ")"
	if i.Source != "" {
		src := []rune(i.Source)
		if len(src) > 200 {
			src = append(src[:200], '…')
		}
		s += " in " + string(src)
	}
	return s
}

// dir returns the directory whose node_modules holds the two packages, or
// skips (or fails, under CI=true) the test.
func dir(t testing.TB) string {
	t.Helper()
	const pkg = "npm @adobe/structured-data-validator@" + ValidatorVersion + " @marbec/web-auto-extractor@" + ExtractorVersion
	d := os.Getenv("SDV_DIR")
	if d == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("SDV_DIR is required when CI=true: .ci/run installs the validator (%s) and sets it", pkg)
		}
		t.Skipf("SDV_DIR is not set: no structured-data validator (%s); skipped outside CI", pkg)
	}
	for _, p := range []string{"@adobe/structured-data-validator", "@marbec/web-auto-extractor"} {
		if _, err := os.Stat(filepath.Join(d, "node_modules", p, "package.json")); err != nil {
			t.Fatalf("SDV_DIR=%s: %v", d, err)
		}
	}
	return d
}

// A Validator runs the validator. Its zero value is not usable: see [New].
type Validator struct {
	node, modules, script, vocabulary string
}

// New returns a Validator for the test t. It skips t where node or the
// validator is missing, except under CI=true, where it fails it.
func New(t testing.TB) *Validator {
	t.Helper()
	v := &Validator{node: tool.Need(t, "", "Debian nodejs", "node")}
	v.modules = filepath.Join(dir(t), "node_modules")
	tmp := t.TempDir()
	v.script, v.vocabulary = filepath.Join(tmp, "sdv.mjs"), filepath.Join(tmp, "schemaorg-all-https.jsonld")
	if err := errors.Join(os.WriteFile(v.script, script, 0o644), os.WriteFile(v.vocabulary, vocabulary, 0o644)); err != nil {
		t.Fatal(err)
	}
	return v
}

// Check runs the validator on the HTML files, on every core, and returns
// its verdict on each, in the order of files. It fails t if the validator
// cannot run or its versions are not those of .ci/run.
func (v *Validator) Check(t testing.TB, files []string) []Result {
	t.Helper()
	// A process per core, each on a contiguous share of the files.
	n := min(runtime.NumCPU(), max(1, len(files)/50))
	results := make([][]Result, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for k := range n {
		share := files[k*len(files)/n : (k+1)*len(files)/n]
		wg.Go(func() { results[k], errs[k] = v.run(share) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	var all []Result
	for _, r := range results {
		all = append(all, r...)
	}
	return all
}

// run runs the script once on files.
func (v *Validator) run(files []string) ([]Result, error) {
	cmd := exec.Command(v.node, v.script, v.modules, v.vocabulary)
	cmd.Stdin = strings.NewReader(strings.Join(files, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	res, derr := decode(out, files)
	if derr != nil {
		io.Copy(io.Discard, out) // let the process finish
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("sdvtest: node sdv.mjs: %w\n%s", err, stderr.Bytes())
	}
	return res, derr
}

// decode reads the script's output: the versions, then a result per file.
func decode(r io.Reader, files []string) ([]Result, error) {
	dec := json.NewDecoder(r)
	var v struct{ Validator, Extractor string }
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("sdvtest: versions: %w", err)
	}
	if v.Validator != ValidatorVersion || v.Extractor != ExtractorVersion {
		return nil, fmt.Errorf("sdvtest: @adobe/structured-data-validator %s and @marbec/web-auto-extractor %s, want %s and %s (see .ci/run)",
			v.Validator, v.Extractor, ValidatorVersion, ExtractorVersion)
	}
	res := make([]Result, 0, len(files))
	for _, f := range files {
		var r Result
		if err := dec.Decode(&r); err != nil {
			return nil, fmt.Errorf("sdvtest: the verdict on %s: %w", f, err)
		}
		if r.File != f {
			return nil, fmt.Errorf("sdvtest: a verdict on %s, want one on %s", r.File, f)
		}
		res = append(res, r)
	}
	return res, nil
}
