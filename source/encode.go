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
func WriteYAML(w io.Writer, v any) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("writing YAML: %w", err)
	}
	return enc.Close()
}
