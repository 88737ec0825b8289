package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/scholarld/scholarld/internal/outdir"
)

// Stats say what [Site.Write] wrote.
type Stats struct {
	People, Publications int   // pages of each
	Files                int   // files in all
	Bytes                int64 // their size
}

// Write writes the site into the directory dir, whole or not at all: into
// a staging directory beside it, which then takes its place (in one step
// where the system can exchange two directories). A dir that exists must
// be a site written before (it holds a sitemap.xml) or empty: Write
// replaces it, and refuses to replace anything else. Files are rendered
// concurrently.
func (s *Site) Write(dir string) (Stats, error) {
	out, err := outdir.CreateFor(dir, "sitemap.xml")
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
