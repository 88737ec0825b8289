package outdir

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func write(t *testing.T, d *Dir, rel, text string) {
	t.Helper()
	if err := d.WriteFile(rel, func(w io.Writer) error { _, err := io.WriteString(w, text); return err }); err != nil {
		t.Fatal(err)
	}
}

// files returns the files under dir and their contents, and the names of
// hidden entries beside it.
func files(t *testing.T, dir string) (map[string]string, []string) {
	t.Helper()
	got := map[string]string{}
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			got[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	var hidden []string
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			hidden = append(hidden, e.Name())
		}
	}
	return got, hidden
}

// TestCommitAbort checks that an output is replaced whole by Commit, and
// left as it was by Abort, with nothing left beside it.
func TestCommitAbort(t *testing.T) {
	t.Parallel()
	target := filepath.Join(t.TempDir(), "a", "b", "dump")
	d, err := Create(target)
	if err != nil {
		t.Fatal(err)
	}
	write(t, d, "x.ttl", "one")
	write(t, d, "people/p.html", "page")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got, hidden := files(t, target)
	if len(got) != 3 || got["x.ttl"] != "one" || got["people/p.html"] != "page" || got[Marker] == "" || len(hidden) != 0 {
		t.Fatalf("after the first commit: %v, beside it %v", got, hidden)
	}

	// A second run writes another set: the old files are gone.
	d, err = Create(target)
	if err != nil {
		t.Fatal(err)
	}
	write(t, d, "y.nt", "two")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got, hidden = files(t, target)
	if len(got) != 2 || got["y.nt"] != "two" || len(hidden) != 0 {
		t.Fatalf("after the second commit: %v, beside it %v", got, hidden)
	}

	// A third fails half way: the second's output stays.
	d, err = Create(target)
	if err != nil {
		t.Fatal(err)
	}
	write(t, d, "y.nt", "three, half written")
	d.Abort()
	got, hidden = files(t, target)
	if len(got) != 2 || got["y.nt"] != "two" || len(hidden) != 0 {
		t.Fatalf("after an abort: %v, beside it %v", got, hidden)
	}
}

// TestAbortMakesNothing checks that a run that writes nothing leaves no
// directory behind, not even the parents it made.
func TestAbortMakesNothing(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	d, err := Create(filepath.Join(root, "new", "deeper", "dump"))
	if err != nil {
		t.Fatal(err)
	}
	d.Abort()
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Errorf("left %v behind", entries)
	}
}

// TestForeignDirectory checks that a directory holding files this package
// did not write is never replaced.
func TestForeignDirectory(t *testing.T) {
	t.Parallel()
	target := t.TempDir()
	os.WriteFile(filepath.Join(target, "thesis.tex"), []byte("years of work"), 0o644)
	if _, err := Create(target); err == nil || !strings.Contains(err.Error(), "did not write") {
		t.Errorf("Create(a directory of the user's) = %v, want a refusal", err)
	}
	if data, _ := os.ReadFile(filepath.Join(target, "thesis.tex")); string(data) != "years of work" {
		t.Error("the user's file changed")
	}
}

// TestStale checks that the staging directory of a killed run is removed
// by the next run, and that of a live run is not.
func TestStale(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	target := filepath.Join(root, "dump")
	// A process that has exited: its pid is free (or reused, which the
	// check below would see as alive, and leave).
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := filepath.Join(root, stagePrefix(target)+strconv.Itoa(cmd.Process.Pid)+"-123")
	live := filepath.Join(root, stagePrefix(target)+strconv.Itoa(os.Getppid())+"-456")
	for _, dir := range []string{dead, live} {
		if err := os.MkdirAll(filepath.Join(dir, "people"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	d, err := Create(target)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if _, err := os.Stat(dead); !os.IsNotExist(err) && !alive(cmd.Process.Pid) {
		t.Errorf("the staging directory of exited process %d is still there", cmd.Process.Pid)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the staging directory of a live process was removed: %v", err)
	}
}

// TestCreateFor checks an output that its own file shows: a directory
// holding that file is replaced whole and gets no marker, a directory
// without it is refused, and a sign that is a path is an error.
func TestCreateFor(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	target := filepath.Join(root, "public")
	os.MkdirAll(filepath.Join(target, "old"), 0o755)
	os.WriteFile(filepath.Join(target, "sitemap.xml"), []byte("old"), 0o644)
	d, err := CreateFor(target, "sitemap.xml")
	if err != nil {
		t.Fatal(err)
	}
	write(t, d, "sitemap.xml", "new")
	write(t, d, "index.html", "page")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got, hidden := files(t, target)
	if len(got) != 2 || got["sitemap.xml"] != "new" || got["index.html"] != "page" || len(hidden) != 0 {
		t.Errorf("after Commit: %v, hidden %v; want the new site alone, without a marker", got, hidden)
	}

	mine := filepath.Join(root, "mine")
	os.MkdirAll(mine, 0o755)
	os.WriteFile(filepath.Join(mine, Marker), nil, 0o644) // another kind of output
	if _, err := CreateFor(mine, "sitemap.xml"); err == nil {
		t.Error("CreateFor replaces a directory without the sign")
	}
	if _, err := CreateFor(filepath.Join(root, "x"), "a/sitemap.xml"); err == nil {
		t.Error("CreateFor accepted a path as the sign")
	}
}

// TestMkdirUnder checks that MkdirUnder makes missing parents below root
// but never root itself, nor anything once root is gone.
func TestMkdirUnder(t *testing.T) {
	t.Parallel()
	root := filepath.Join(t.TempDir(), "stage")
	if err := MkdirUnder(root, filepath.Join(root, "a")); err == nil {
		t.Error("MkdirUnder made a directory under a missing root")
	}
	if _, err := os.Stat(root); !os.IsNotExist(err) {
		t.Errorf("MkdirUnder made the root (%v)", err)
	}
	os.Mkdir(root, 0o755)
	deep := filepath.Join(root, "a", "b", "c")
	for range 2 { // the second time, it exists
		if err := MkdirUnder(root, deep); err != nil {
			t.Fatal(err)
		}
	}
	if info, err := os.Stat(deep); err != nil || !info.IsDir() {
		t.Errorf("%s: %v", deep, err)
	}
	if err := MkdirUnder(root, root); err != nil {
		t.Errorf("MkdirUnder(root, root) = %v", err)
	}
}
