package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/scholarld/scholarld/internal/outdir"
)

// ErrForeign is wrapped by the error of [Site.Write] when the directory
// holds files that it did not write, which replacing it would delete.
var ErrForeign = outdir.ErrForeign

// Stats say what [Site.Write] wrote.
type Stats struct {
	People, Publications int   // pages of each
	Files                int   // files in all
	Bytes                int64 // their size
}

// Write writes the site into the directory dir, whole or not at all: into
// a staging directory beside it, which then takes its place (in one step
// where the system can exchange two directories). Write leaves in dir a
// list of the files it wrote, .scholarld-output, and never deletes a file
// it did not write: a dir that exists must be empty, or an output of
// Write (or of the command) that holds no file beyond those it lists.
// Otherwise Write refuses, with an error that names the other files and
// wraps [ErrForeign]. A dir that is a symbolic link is
// followed: the directory it leads to is replaced, the link kept. Files
// are rendered concurrently.
func (s *Site) Write(dir string) (Stats, error) {
	out, err := outdir.Create(dir)
	if err != nil {
		return Stats{}, fmt.Errorf("site: %w", err)
	}
	defer out.Abort()
	st, err := s.WriteFiles(out.Path(""))
	if err != nil {
		return Stats{}, err
	}
	if err := out.Commit(); err != nil {
		return Stats{}, fmt.Errorf("site: %w", err)
	}
	return st, nil
}

// WriteFiles writes every file of the site into the directory dir, making
// the directories their paths need, and fails on a file that exists. It is
// for callers that stage and replace their output themselves; [Site.Write]
// does both.
func (s *Site) WriteFiles(dir string) (Stats, error) {
	var dirs sync.Map
	return s.render(func(rel string, data []byte) error {
		name := filepath.Join(dir, filepath.FromSlash(rel))
		d := filepath.Dir(name)
		if _, ok := dirs.Load(d); !ok {
			if err := outdir.MkdirUnder(dir, d); err != nil {
				return fmt.Errorf("site: %w", err)
			}
			dirs.Store(d, true)
		}
		out, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
		_, err = out.Write(data)
		if err = errors.Join(err, out.Close()); err != nil {
			return fmt.Errorf("site: writing %s: %w", rel, err)
		}
		return nil
	}, false)
}
