package publication_test

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/publication"
)

var issnTests = []struct {
	name string
	in   string
	want publication.ISSN
	err  error
}{
	{name: "hyphen", in: "0317-8471", want: "0317-8471"},
	{name: "bare", in: "03178471", want: "0317-8471"},
	{name: "2049-3630", in: "2049-3630", want: "2049-3630"},
	{name: "X", in: "1050-124X", want: "1050-124X"},
	{name: "lower x", in: "1050-124x", want: "1050-124X"},
	{name: "bare X", in: "1050124X", want: "1050-124X"},

	{name: "empty", in: "", err: publication.ErrMalformed},
	{name: "bad check", in: "0317-8472", err: publication.ErrChecksum},
	{name: "bad X", in: "0317-847X", err: publication.ErrChecksum},
	{name: "X needed", in: "1050-1240", err: publication.ErrChecksum},
	{name: "space", in: "0317 8471", err: publication.ErrMalformed},
	{name: "short", in: "0317-847", err: publication.ErrMalformed},
	{name: "long", in: "0317-84711", err: publication.ErrMalformed},
	{name: "hyphen misplaced", in: "03178-471", err: publication.ErrMalformed},
	{name: "letter check", in: "0317-847A", err: publication.ErrMalformed},
	{name: "letter", in: "031a-8471", err: publication.ErrMalformed},
	{name: "X inside", in: "031X-8471", err: publication.ErrMalformed},
	{name: "prefix", in: "ISSN0317-8471", err: publication.ErrMalformed},
}

func TestParseISSN(t *testing.T) {
	t.Parallel()
	for _, tc := range issnTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := publication.ParseISSN(tc.in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("ParseISSN(%q) error = %v, want %v", tc.in, err, tc.err)
			}
			if got != tc.want {
				t.Errorf("ParseISSN(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if err == nil && got.String() != string(tc.want) {
				t.Errorf("ISSN(%q).String() = %q, want %q", got, got.String(), tc.want)
			}
		})
	}
}

func FuzzParseISSN(f *testing.F) {
	for _, tc := range issnTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := publication.ParseISSN(s)
		if err != nil {
			return
		}
		again, err := publication.ParseISSN(n.String())
		if err != nil {
			t.Fatalf("ParseISSN(%q) = %q, but ParseISSN(%q) failed: %v", s, n, n.String(), err)
		}
		if again != n {
			t.Fatalf("ParseISSN(%q) = %q, but ParseISSN(%q) = %q", s, n, n.String(), again)
		}
	})
}
