package site

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/scholarld/scholarld/export"
)

// Render renders every file of the site, as [Site.Write] writes them, and
// hands each to emit with its name (one of [Site.Files]) and its content,
// which emit may keep. Files are rendered concurrently: emit must be safe
// for concurrent use. Render stops at the first error, of rendering or of
// emit, and returns it. It is how a server holds the site in memory.
func (s *Site) Render(emit func(name string, data []byte) error) (Stats, error) {
	return s.render(emit, true)
}

// render renders every file as Render does; unless keep, emit may not
// keep the data it is given, which is reused once it returns.
func (s *Site) render(emit func(name string, data []byte) error, keep bool) (Stats, error) {
	files := s.files()
	var (
		next  atomic.Int64
		total atomic.Int64
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
		next.Store(int64(len(files))) // the others stop
	}
	for range min(runtime.GOMAXPROCS(0), max(1, len(files)/16)) {
		wk, err := s.newWorker()
		if err != nil {
			return Stats{}, err
		}
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				f := files[i]
				buf.Reset()
				if err := wk.write(&buf, f); err != nil {
					fail(fmt.Errorf("site: writing %s: %w", f.name, err))
					return
				}
				data := buf.Bytes()
				if keep {
					data = bytes.Clone(data)
				}
				if err := emit(f.name, data); err != nil {
					fail(err)
					return
				}
				total.Add(int64(buf.Len()))
			}
		})
	}
	wg.Wait()
	if first != nil {
		return Stats{}, first
	}
	return Stats{People: len(s.people), Publications: len(s.pubs), Files: len(files), Bytes: total.Load()}, nil
}

// PersonPath returns the URL path under the site's base of the page of the
// person with the given id, such as "people/ada/", and whether the dataset
// has that person.
func (s *Site) PersonPath(id string) (string, bool) {
	i, ok := s.x.Person(id)
	if !ok {
		return "", false
	}
	return s.people[i].path, true
}

// PublicationPath returns the URL path under the site's base of the page
// of the publication with the given id, such as "publications/x/", and
// whether the dataset has that publication.
func (s *Site) PublicationPath(id string) (string, bool) {
	i, ok := s.x.Publication(id)
	if !ok {
		return "", false
	}
	return s.pubs[i].path, true
}

// Base returns the URL of the site's root, with its final slash.
func (s *Site) Base() string { return s.base }

// ExportOptions returns the options of package export with which the site
// writes people's documents: its base, the URLs of its pages as those
// of the profile pages, and the full profile documents
// (export.Options.FullProfile). Documents written with them are those the
// pages link as alternates; the JSON-LD a person's page embeds is the lean
// document, which export writes without FullProfile.
func (s *Site) ExportOptions() export.Options { return s.exportOptions() }
