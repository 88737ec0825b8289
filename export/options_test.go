package export_test

import (
	"testing"

	"github.com/scholarld/scholarld/export"
)

// TestOptionsCheck checks the base IRIs refused: each would mint IRIs that
// are not what the publisher meant, or that some reader refuses.
func TestOptionsCheck(t *testing.T) {
	t.Parallel()
	for _, base := range []string{"", "https://example.org/", "http://e.org/data", "https://e.org:8443/x/"} {
		if err := (export.Options{Base: base}).Check(); err != nil {
			t.Errorf("Base %q refused: %v", base, err)
		}
	}
	for _, base := range []string{
		"https://e.org/#",      // would mint https://e.org/#/people/a#person
		"https://e.org/?q=1",   // a query
		"https://user@e.org/",  // user information
		"https://e.org/\uFEFF", // a formatting character
		"ftp://e.org/",         // not http
		"https://e..org/",      // an empty label
		"e.org/",               // not absolute
	} {
		if err := (export.Options{Base: base}).Check(); err == nil {
			t.Errorf("Base %q accepted", base)
		}
	}
}
