package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Watch polls the files named by paths, and those under the directories
// among them, every interval, and reloads the handler (see
// [Handler.Reload]) once a file has appeared, gone, or changed size or
// modification time, and then nothing has changed for a quiet period
// (Options.WatchQuiet, one poll by default): a file still being written
// is not read. If the files change while the reload reads them, the
// reload is dropped, whole, and Watch waits for quiet again; so the data
// served is the whole set of files as it stood between two polls, or the
// data before. It returns when ctx is done. A reload that fails is not
// retried until the files change again.
//
// A writer that pauses for longer than the quiet period in the middle of
// a file can still have its half-written file read; write files whole
// and rename them into place, as editors and deployment tools do.
func (h *Handler) Watch(ctx context.Context, interval time.Duration, paths ...string) {
	quiet := 1
	if interval > 0 && h.opts.WatchQuiet > interval {
		quiet = int((h.opts.WatchQuiet + interval - 1) / interval)
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	h.watch(ctx, t.C, quiet, paths, nil)
}

// A pollResult is what one poll of watch did.
type pollResult int

const (
	pollSame     pollResult = iota // nothing new since the data loaded
	pollChanging                   // the files changed since the last poll
	pollSettling                   // unchanged since the last poll, not yet for the quiet period
	pollReloaded                   // reloaded, successfully or not
	pollDropped                    // the files changed during the reload, which was dropped
)

// watch is Watch, polling at each tick; the files must be unchanged for
// quiet polls in a row before a reload. polled, if not nil, is told what
// each poll did (for tests, which send the ticks).
func (h *Handler) watch(ctx context.Context, tick <-chan time.Time, quiet int, paths []string, polled func(pollResult)) {
	loaded := stamp(paths) // the files as of the data served, or of the last reload tried
	last, still := loaded, 0
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
		now := stamp(paths)
		var res pollResult
		switch {
		case !slices.Equal(now, last):
			last, still, res = now, 0, pollChanging
		case slices.Equal(now, loaded):
			res = pollSame
		default:
			still++
			if still < quiet {
				res = pollSettling
				break
			}
			if l := h.opts.Logger; l != nil {
				l.Info("input changed; reloading")
			}
			err := h.reload(func() bool { return slices.Equal(stamp(paths), now) })
			if errors.Is(err, errChanged) {
				still, res = 0, pollDropped
				break
			}
			loaded, res = now, pollReloaded // logged and recorded in the status
		}
		if polled != nil {
			polled(res)
		}
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
