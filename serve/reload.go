package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Watch polls the files named by paths, and those under the directories
// among them, every interval, and reloads the handler (see
// [Handler.Reload]) when a file appears, goes, or changes size or
// modification time. It returns when ctx is done. A reload that fails is
// not retried until the files change again.
func (h *Handler) Watch(ctx context.Context, interval time.Duration, paths ...string) {
	last := stamp(paths)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		now := stamp(paths)
		if slices.Equal(now, last) {
			continue
		}
		last = now
		if l := h.opts.Logger; l != nil {
			l.Info("input changed; reloading")
		}
		h.Reload() // logged and recorded in the status
	}
}

// A fileStamp is what Watch compares of a file.
type fileStamp struct {
	path    string
	size    int64
	modTime int64 // nanoseconds since 1970
}

// stamp returns the stamps of the files of paths, in a fixed order.
func stamp(paths []string) []fileStamp {
	var out []fileStamp
	for _, p := range paths {
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, fileStamp{path: path, size: -1})
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if info, err := os.Stat(path); err == nil {
				out = append(out, fileStamp{path, info.Size(), info.ModTime().UnixNano()})
			}
			return nil
		})
	}
	return out
}
