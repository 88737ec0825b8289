//go:build unix

package dataset_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/scholarld/scholarld/dataset"
)

const pipedYAML = "people:\n  - id: a\n    name: {display: A}\n"

// TestPipe checks that a pipe named as an input is read once, whole: its
// format is recognized from the same bytes that are decoded (reading it
// twice would find it empty), as with `-in /dev/stdin`.
func TestPipe(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "in")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(pipedYAML)
		f.Close()
	}()
	d, err := dataset.Load(fifo)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.People) != 1 || d.People[0].ID != "a" {
		t.Errorf("read %d people from the pipe, want person a", len(d.People))
	}
}

// TestFIFOInDirectory checks that a FIFO inside a directory is skipped,
// not opened: nothing writes to it, so reading it would hang the run.
func TestFIFOInDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "hang.yaml"), 0o600); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "people.yaml"), []byte(pipedYAML), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.People) != 1 {
		t.Errorf("read %d people, want the 1 of people.yaml", len(d.People))
	}
}
