package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
)

// watcher runs h.watch with ticks the test sends: poll sends one and
// returns what the poll did, so that the test waits for events, never for
// a clock.
type watcher struct {
	t      *testing.T
	tick   chan time.Time
	polled chan pollResult
}

func startWatch(t *testing.T, h *Handler, quiet int, paths []string) *watcher {
	t.Helper()
	w := &watcher{t: t, tick: make(chan time.Time), polled: make(chan pollResult)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	t.Cleanup(func() { cancel(); <-done })
	go func() {
		defer close(done)
		h.watch(ctx, w.tick, quiet, paths, func(r pollResult) { w.polled <- r })
	}()
	return w
}

func (w *watcher) poll(want pollResult) {
	w.t.Helper()
	w.tick <- time.Time{}
	if got := <-w.polled; got != want {
		w.t.Fatalf("poll = %d, want %d", got, want)
	}
}

// seedFiles writes the example into a new directory and returns the
// paths of its files and the publications' text.
func seedFiles(t *testing.T) (paths []string, pubs string) {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"ioannis-mitliagkas.yaml", "organizations.yaml", "publications.yaml"} {
		data, err := seed.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o666); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		pubs = string(data)
	}
	return paths, pubs
}

// halfWritten returns the publications cut at the start of the third
// record: a file that parses and validates, with 2 of the 12.
func halfWritten(t *testing.T, pubs string) string {
	t.Helper()
	i := strings.Index(pubs, "  - id: understanding-adam-rotation-dependent-assumptions")
	if i < 0 {
		t.Fatal("publications.yaml: the third record is not where the test expects it")
	}
	return pubs[:i]
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o666); err != nil {
		t.Fatal(err)
	}
}

// TestWatchHalfWritten writes the publications in two steps, in place,
// the first a half that parses: Watch must not serve the half, and
// reloads the whole file once it has stopped changing.
func TestWatchHalfWritten(t *testing.T) {
	paths, pubs := seedFiles(t)
	h, err := New(func() (*dataset.Dataset, error) { return dataset.Load(paths...) }, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := h.Status().Publications
	w := startWatch(t, h, 2, paths)
	w.poll(pollSame)

	write(t, paths[2], halfWritten(t, pubs)) // the writer is halfway
	w.poll(pollChanging)
	w.poll(pollSettling)                  // one quiet poll of the two asked for
	write(t, paths[2], pubs+"\n# [v2]\n") // the writer is done
	w.poll(pollChanging)
	if st := h.Status(); st.Generation != 1 || st.Publications != want {
		t.Fatalf("while the file was written: status %+v, want generation 1, %d publications", st, want)
	}
	w.poll(pollSettling)
	w.poll(pollReloaded)
	if st := h.Status(); st.Generation != 2 || !st.OK || st.Publications != want {
		t.Errorf("after the file settled: status %+v, want generation 2, ok, %d publications", st, want)
	}
	w.poll(pollSame)
}

// TestWatchChangedDuringReload changes a file while the reload reads the
// files: the reload is dropped whole, and the next quiet period reloads
// the final files.
func TestWatchChangedDuringReload(t *testing.T) {
	paths, pubs := seedFiles(t)
	loads := 0
	h, err := New(func() (*dataset.Dataset, error) {
		loads++
		d, err := dataset.Load(paths...)
		if loads == 2 { // the first reload: the writer starts again behind it
			write(t, paths[2], halfWritten(t, pubs))
		}
		return d, err
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := h.Status().Publications
	w := startWatch(t, h, 1, paths)
	w.poll(pollSame)
	write(t, paths[2], pubs+"\n# [v2]\n")
	w.poll(pollChanging)
	w.poll(pollDropped)
	if st := h.Status(); st.Generation != 1 || st.Publications != want || !st.OK {
		t.Fatalf("after the dropped reload: status %+v, want generation 1 as before", st)
	}
	w.poll(pollChanging) // the half written during the reload
	write(t, paths[2], pubs+"\n# [v3]\n")
	w.poll(pollChanging)
	w.poll(pollReloaded)
	if st := h.Status(); st.Generation != 2 || st.Publications != want {
		t.Errorf("status %+v, want generation 2, %d publications", st, want)
	}
}
