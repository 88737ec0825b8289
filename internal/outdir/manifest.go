package outdir

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ErrForeign is wrapped by the error of Create and Commit when the output
// directory holds files that no earlier run wrote: Commit would delete
// them, so it refuses.
var ErrForeign = errors.New("files this command did not write")

// manifestHeader is the first line of the manifest, Marker.
const manifestHeader = "# written by scholarld; replaced whole by its next run, which refuses to if any file not listed here is added"

// writeManifest writes into the staging directory stage the manifest: the
// header, then every file under stage, one a line, as a Go string literal
// of its slash-separated path (so that no name can break the format).
func writeManifest(stage string) error {
	var rels []string
	err := filepath.WalkDir(stage, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(stage, p)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); rel != Marker {
			rels = append(rels, rel)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(stage, Marker), formatManifest(rels), 0o644)
}

// formatManifest returns the manifest of the files rels: the header, then
// each, sorted, one a line, as a Go string literal. The format is ours,
// hence hand-written: a line per file keeps it readable and diffable, and
// quoting keeps a name with a newline or a quote from breaking it
// (FuzzManifest checks the round trip).
func formatManifest(rels []string) []byte {
	rels = slices.Sorted(slices.Values(rels))
	var b strings.Builder
	b.WriteString(manifestHeader + "\n")
	for _, r := range rels {
		b.WriteString(strconv.Quote(r))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// errUnlisted is the cause of readManifest's failure on a marker from
// before manifests listed files: it has no header line.
var errUnlisted = errors.New("unlisted")

// readManifest returns the files that the manifest of target lists; ok
// is false if target has none. A marker of an earlier version, which
// lists nothing, fails with errUnlisted.
func readManifest(target string) (files map[string]bool, ok bool, err error) {
	name := filepath.Join(target, Marker)
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	files, err = parseManifest(name, f)
	return files, err == nil, err
}

// parseManifest reads a manifest that formatManifest wrote, called name.
func parseManifest(name string, r io.Reader) (map[string]bool, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != manifestHeader {
		if err := sc.Err(); err != nil {
			return nil, err
		}
		return nil, errUnlisted
	}
	files := map[string]bool{}
	for line := 2; sc.Scan(); line++ {
		rel, err := strconv.Unquote(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a quoted path: the list of files written was edited", name, line)
		}
		files[rel] = true
	}
	return files, sc.Err()
}

// foreign returns the files under target that the manifest does not
// list, sorted, and how many there are in all; it lists at most max.
func foreign(target string, listed map[string]bool, max int) ([]string, int, error) {
	var out []string
	n := 0
	err := filepath.WalkDir(target, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(target, p)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); rel != Marker && !listed[rel] {
			n++
			if len(out) < max {
				out = append(out, rel)
			}
		}
		return nil
	})
	return out, n, err
}

// foreignError returns the error of target holding n files it did not
// write, of which some are named.
func foreignError(target string, some []string, n int) error {
	names := strings.Join(some, ", ")
	if n > len(some) {
		names += fmt.Sprintf(" and %d more", n-len(some))
	}
	noun := "files"
	if n == 1 {
		noun = "file"
	}
	return fmt.Errorf("output: %s holds %d %s that no earlier run wrote (%s), which replacing it would delete: move them out of it, or name a new or empty directory: %w", target, n, noun, names, ErrForeign)
}
