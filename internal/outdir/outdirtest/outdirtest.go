// Package outdirtest helps the tests of commands that write an output
// directory through package outdir.
package outdirtest

import (
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/synth"
)

// Snapshot returns a digest of every file under dir, one line per file
// with its path and SHA-256, and the names of the hidden entries beside
// dir, where staging directories are.
func Snapshot(t testing.TB, dir string) (string, []string) {
	t.Helper()
	var lines []string
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, p)
			lines = append(lines, fmt.Sprintf("%s %x", rel, sha256.Sum256(data)))
		}
		return nil
	})
	sort.Strings(lines)
	var hidden []string
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			hidden = append(hidden, e.Name())
		}
	}
	return strings.Join(lines, "\n"), hidden
}

// Build builds the command of the current directory, and writes the
// synthetic institute of c for it to read, both in a temporary directory;
// it returns the binary and the institute. It skips the test with -short.
func Build(t testing.TB, c synth.Config) (bin, in string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command and runs it a dozen times")
	}
	tmp := t.TempDir()
	bin = filepath.Join(tmp, "command")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in = filepath.Join(tmp, "in")
	if _, err := synth.Write(in, c); err != nil {
		t.Fatal(err)
	}
	return bin, in
}
