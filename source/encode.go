package source

import (
	"fmt"
	"io"

	"gopkg.in/yaml.v3"
)

// WriteYAML writes v to w as one YAML document, with the keys of its yaml
// struct tags, indented by two spaces: the form [File.Decode] reads back.
// It lives here because this package is the module's one importer of
// yaml.v3.
//
// An error of w comes back wrapped, so errors.Is finds it: yaml.v3 keeps
// only its text.
func WriteYAML(w io.Writer, v any) error {
	ew := &errWriter{w: w}
	enc := yaml.NewEncoder(ew)
	enc.SetIndent(2)
	err := enc.Encode(v)
	if err == nil {
		err = enc.Close()
	}
	if ew.err != nil {
		err = ew.err
	}
	if err != nil {
		return fmt.Errorf("source: writing YAML: %w", err)
	}
	return nil
}

// errWriter keeps the first error of w.
type errWriter struct {
	w   io.Writer
	err error
}

func (ew *errWriter) Write(p []byte) (int, error) {
	if ew.err != nil {
		return 0, ew.err
	}
	n, err := ew.w.Write(p)
	ew.err = err
	return n, err
}
