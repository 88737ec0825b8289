package export

import (
	"fmt"
	"strings"
	"testing"

	"github.com/knakk/rdf"
)

// TestNewIRI checks the IRIs of strings knakk/rdf refuses as they are:
// each refused byte is percent-encoded, and nothing else changes.
func TestNewIRI(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://example.org/people/ada/#person", "https://example.org/people/ada/#person"},
		{"https://example.org/a b", "https://example.org/a%20b"},
		{"https://example.org/<x>\"{|}^`\\", "https://example.org/%3Cx%3E%22%7B%7C%7D%5E%60%5C"},
		{"https://example.org/\x00\t\n\x7f", "https://example.org/%00%09%0A\x7f"},
		{"https://example.org/é%20", "https://example.org/é%20"},
	} {
		if got := newIRI(tc.in).String(); got != tc.want {
			t.Errorf("newIRI(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzNewIRI checks that newIRI, a hand-written escaper (knakk/rdf has
// none: rdf.NewIRI only refuses), gives for any non-empty string an IRI
// rdf.NewIRI accepts, the string itself when rdf.NewIRI accepts it, and
// otherwise the string with the refused bytes percent-encoded.
func FuzzNewIRI(f *testing.F) {
	for _, s := range []string{"https://example.org/", "https://example.org/a b<c>", "\x00", "%", "é\\`"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return
		}
		got := newIRI(s).String()
		if _, err := rdf.NewIRI(got); err != nil {
			t.Fatalf("newIRI(%q) = %q, which knakk/rdf refuses: %v", s, got, err)
		}
		if _, err := rdf.NewIRI(s); err == nil {
			if got != s {
				t.Fatalf("newIRI(%q) = %q, want the string itself", s, got)
			}
			return
		}
		// The string with each byte rdf.NewIRI refuses alone
		// percent-encoded. (Decoding got instead is ambiguous: a "%00"
		// of s stays as it is, as the fuzzer found.)
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if _, err := rdf.NewIRI(s[i : i+1]); err != nil {
				fmt.Fprintf(&b, "%%%02X", s[i])
			} else {
				b.WriteByte(s[i])
			}
		}
		if got != b.String() {
			t.Fatalf("newIRI(%q) = %q, want %q", s, got, b.String())
		}
	})
}
