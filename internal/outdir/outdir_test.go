package outdir

import (
	"errors"
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

// TestForeignFiles checks that a rebuild never deletes a file the build
// did not write: a file added to an earlier output is named in the
// refusal and left as it was; once it is moved out, the output is
// replaced. An output without a manifest, or with the marker of an
// earlier version, is refused too.
func TestForeignFiles(t *testing.T) {
	t.Parallel()
	target := filepath.Join(t.TempDir(), "public")
	commit := func(files ...string) error {
		t.Helper()
		d, err := Create(target)
		if err != nil {
			return err
		}
		for _, f := range files {
			write(t, d, f, "page "+f)
		}
		return d.Commit()
	}
	if err := commit("index.html", "people/a/index.html", "odd\nname \"q\".html"); err != nil {
		t.Fatal(err)
	}
	// The user adds two files.
	os.WriteFile(filepath.Join(target, "CNAME"), []byte("example.org"), 0o644)
	os.MkdirAll(filepath.Join(target, "people", "a", "extra"), 0o755)
	os.WriteFile(filepath.Join(target, "people", "a", "extra", "cv.pdf"), []byte("cv"), 0o644)
	err := commit("index.html")
	if !errors.Is(err, ErrForeign) {
		t.Fatalf("rebuild over added files = %v, want ErrForeign", err)
	}
	for _, name := range []string{"CNAME", "people/a/extra/cv.pdf", "2 files"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("the refusal %q does not name %s", err, name)
		}
	}
	got, _ := files(t, target)
	if got["CNAME"] != "example.org" || got["people/a/extra/cv.pdf"] != "cv" || got["people/a/index.html"] != "page people/a/index.html" {
		t.Errorf("after the refusal: %v, want the output and the user's files as they were", got)
	}
	// Added between Create and Commit: Commit refuses too.
	os.Remove(filepath.Join(target, "CNAME"))
	os.RemoveAll(filepath.Join(target, "people", "a", "extra"))
	d, err := Create(target)
	if err != nil {
		t.Fatal(err)
	}
	write(t, d, "index.html", "new")
	os.WriteFile(filepath.Join(target, "late.txt"), []byte("late"), 0o644)
	if err := d.Commit(); !errors.Is(err, ErrForeign) {
		t.Errorf("Commit over a file added since Create = %v, want ErrForeign", err)
	}
	os.Remove(filepath.Join(target, "late.txt"))
	if err := commit("index.html"); err != nil {
		t.Fatalf("rebuild once the files are moved out: %v", err)
	}
	if got, _ := files(t, target); len(got) != 2 || got["index.html"] != "page index.html" {
		t.Errorf("after the rebuild: %v", got)
	}

	// No manifest: a site of an earlier version, or the user's directory.
	for _, tc := range []struct{ name, marker string }{{"no manifest", ""}, {"marker of an earlier version", "written by scholarld; replaced whole by its next run\n"}} {
		dir := filepath.Join(t.TempDir(), "old")
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "sitemap.xml"), []byte("old"), 0o644)
		if tc.marker != "" {
			os.WriteFile(filepath.Join(dir, Marker), []byte(tc.marker), 0o644)
		}
		if _, err := Create(dir); !errors.Is(err, ErrForeign) {
			t.Errorf("%s: Create = %v, want ErrForeign", tc.name, err)
		}
	}
}

// TestSymlinkTarget checks that a target that is a symbolic link is
// followed: the directory it leads to gets the output, the link stays a
// link to it, and nothing is left beside either; a link that leads
// nowhere is refused.
func TestSymlinkTarget(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	real := filepath.Join(root, "srv", "www")
	os.MkdirAll(real, 0o755)
	link := filepath.Join(root, "site")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	for _, text := range []string{"one", "two"} {
		d, err := Create(link)
		if err != nil {
			t.Fatal(err)
		}
		write(t, d, "index.html", text)
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("after commit %q: the link is no longer a link (%v)", text, err)
		}
		if got, _ := files(t, real); got["index.html"] != text {
			t.Errorf("after commit %q: the link's target holds %v", text, got)
		}
		if entries, _ := os.ReadDir(filepath.Dir(real)); len(entries) != 1 {
			t.Errorf("beside the link's target: %v", entries)
		}
	}
	dangling := filepath.Join(root, "dangling")
	os.Symlink(filepath.Join(root, "missing"), dangling)
	if _, err := Create(dangling); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("Create(a dangling link) = %v, want a refusal", err)
	}
	if _, err := os.Stat(filepath.Join(root, "missing")); !os.IsNotExist(err) {
		t.Errorf("Create made the dangling link's target (%v)", err)
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
