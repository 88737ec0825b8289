package site

import (
	"fmt"
	"io"
)

// A Renderer writes files of a site one at a time, on demand, as
// [Site.WriteFile] does, but keeps what it needs between files: making
// one costs about as much as mapping the dataset once, writing a file
// then costs that file. A Renderer is not safe for concurrent use; a
// server keeps a few and lends them to its requests.
type Renderer struct {
	wk     *worker
	byName map[string]file
}

// NewRenderer returns a Renderer of the site's files.
func (s *Site) NewRenderer() (*Renderer, error) {
	wk, err := s.newWorker()
	if err != nil {
		return nil, err
	}
	return &Renderer{wk: wk, byName: s.byName()}, nil
}

// WriteFile writes the file of the site called name (one of [Site.Files])
// to w.
func (r *Renderer) WriteFile(w io.Writer, name string) error {
	f, ok := r.byName[name]
	if !ok {
		return fmt.Errorf("site: no file %q", name)
	}
	return r.wk.write(w, f)
}

// fileIndex returns the files of the site by name.
func (s *Site) fileIndex() map[string]file {
	files := s.files()
	m := make(map[string]file, len(files))
	for _, f := range files {
		m[f.name] = f
	}
	return m
}
