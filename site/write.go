package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Stats say what [Site.Write] wrote.
type Stats struct {
	People, Publications int   // pages of each
	Files                int   // files in all
	Bytes                int64 // their size
}

// Write writes the site into the directory dir, whole or not at all: into
// a new directory beside it, which then takes its place. A dir that exists
// must be a site written before (it holds a sitemap.xml) or empty: Write
// replaces it, and refuses to replace anything else. Files are rendered
// concurrently.
func (s *Site) Write(dir string) (Stats, error) {
	dir = filepath.Clean(dir)
	if err := replaceable(dir); err != nil {
		return Stats{}, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return Stats{}, fmt.Errorf("site: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-*")
	if err != nil {
		return Stats{}, fmt.Errorf("site: %w", err)
	}
	st, err := s.WriteFiles(tmp)
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err == nil {
		err = swap(tmp, dir)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return Stats{}, err
	}
	return st, nil
}

// replaceable checks that dir is missing, empty or a site.
func replaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "sitemap.xml")); err != nil {
		return fmt.Errorf("site: %s holds files but no sitemap.xml: it is not a site, and Write will not replace it", dir)
	}
	return nil
}

// swap puts the directory tmp in the place of dir.
func swap(tmp, dir string) error {
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("site: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("site: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
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
			// Mostly a new directory in one that exists: one call, where
			// MkdirAll makes three.
			if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				if err := os.MkdirAll(d, 0o755); err != nil {
					return fmt.Errorf("site: %w", err)
				}
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
