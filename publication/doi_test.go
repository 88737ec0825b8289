package publication_test

import (
	"errors"
	"net/url"
	"testing"

	"github.com/scholarld/scholarld/publication"
)

var doiTests = []struct {
	name string
	in   string
	want publication.DOI
	err  error
}{
	{name: "bare", in: "10.1234/abc", want: "10.1234/abc"},
	{name: "doi prefix", in: "doi:10.1234/abc", want: "10.1234/abc"},
	{name: "upper-case doi prefix", in: "DOI:10.1234/abc", want: "10.1234/abc"},
	{name: "https", in: "https://doi.org/10.1234/abc", want: "10.1234/abc"},
	{name: "http", in: "http://doi.org/10.1234/abc", want: "10.1234/abc"},
	{name: "dx https", in: "https://dx.doi.org/10.1234/abc", want: "10.1234/abc"},
	{name: "dx http", in: "http://dx.doi.org/10.1234/abc", want: "10.1234/abc"},
	{name: "doi.org no scheme", in: "doi.org/10.1234/abc", want: "10.1234/abc"},
	{name: "dx no scheme", in: "dx.doi.org/10.1234/a%2Fb", want: "10.1234/a/b"},
	{name: "www no scheme", in: "www.doi.org/10.1234/abc", want: "10.1234/abc"},
	{name: "DOI.ORG upper", in: "DOI.ORG/10.1234/abc", want: "10.1234/abc"},
	{name: "case kept", in: "10.1093/AJAE/aaq063", want: "10.1093/AJAE/aaq063"},
	{name: "subdivided registrant", in: "10.1000.10/xyz", want: "10.1000.10/xyz"},
	{name: "slash in suffix", in: "10.1234/a/b", want: "10.1234/a/b"},
	{name: "non-ASCII suffix", in: "10.1234/café", want: "10.1234/café"},
	{name: "SICI", in: "10.1002/(SICI)1097-4636(199706)35:4<445::AID-JBM5>3.0.CO;2-E",
		want: "10.1002/(SICI)1097-4636(199706)35:4<445::AID-JBM5>3.0.CO;2-E"},
	{name: "percent-encoded URL", in: "https://doi.org/10.1002/%28SICI%291097-4636%28199706%2935%3A4%3C445%3A%3AAID-JBM5%3E3.0.CO%3B2-E",
		want: "10.1002/(SICI)1097-4636(199706)35:4<445::AID-JBM5>3.0.CO;2-E"},
	{name: "encoded percent in URL", in: "https://doi.org/10.1234/50%25", want: "10.1234/50%"},
	{name: "percent kept when bare", in: "10.1234/50%25", want: "10.1234/50%25"},
	{name: "plus kept in URL", in: "https://doi.org/10.1234/a+b", want: "10.1234/a+b"},

	{name: "empty", in: "", err: publication.ErrMalformed},
	{name: "no suffix", in: "10.1234", err: publication.ErrMalformed},
	{name: "empty suffix", in: "10.1234/", err: publication.ErrMalformed},
	{name: "not 10", in: "11.1234/abc", err: publication.ErrMalformed},
	{name: "empty registrant", in: "10./abc", err: publication.ErrMalformed},
	{name: "short registrant", in: "10.123/abc", err: publication.ErrMalformed},
	{name: "letter in registrant", in: "10.12a4/abc", err: publication.ErrMalformed},
	{name: "trailing dot in registrant", in: "10.1234./abc", err: publication.ErrMalformed},
	{name: "double dot in registrant", in: "10..1234/abc", err: publication.ErrMalformed},
	{name: "space", in: "10.1234/a b", err: publication.ErrMalformed},
	{name: "space after prefix", in: "doi: 10.1234/abc", err: publication.ErrMalformed},
	{name: "encoded space", in: "https://doi.org/10.1234/a%20b", err: publication.ErrMalformed},
	{name: "encoded newline", in: "https://doi.org/10.1234/a%0Ab", err: publication.ErrMalformed},
	{name: "encoded newline in registrant", in: "https://doi.org/10.12%0A34/ab", err: publication.ErrMalformed},
	{name: "bad percent-encoding", in: "https://doi.org/10.1234/a%zz", err: publication.ErrMalformed},
	{name: "zero-width space", in: "10.1234/a\u200bb", err: publication.ErrMalformed},
	{name: "other host", in: "https://example.org/10.1234/abc", err: publication.ErrMalformed},
	{name: "invalid UTF-8", in: "10.1234/a\xffb", err: publication.ErrMalformed},
	{name: "encoded invalid UTF-8", in: "https://doi.org/10.1234/a%FFb", err: publication.ErrMalformed},
}

func TestParseDOI(t *testing.T) {
	t.Parallel()
	for _, tc := range doiTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := publication.ParseDOI(tc.in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("ParseDOI(%q) error = %v, want %v", tc.in, err, tc.err)
			}
			if got != tc.want {
				t.Errorf("ParseDOI(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if err == nil && got.String() != string(tc.want) {
				t.Errorf("DOI(%q).String() = %q, want %q", got, got.String(), tc.want)
			}
		})
	}
}

func TestDOIKey(t *testing.T) {
	t.Parallel()
	a, b := publication.DOI("10.1093/ajae/aaq063"), publication.DOI("10.1093/AJAE/AAQ063")
	if a.Key() != b.Key() {
		t.Errorf("DOI(%q).Key() = %q, DOI(%q).Key() = %q, want equal", a, a.Key(), b, b.Key())
	}
	if got, want := a.Key(), "10.1093/AJAE/AAQ063"; got != want {
		t.Errorf("DOI(%q).Key() = %q, want %q", a, got, want)
	}
}

func TestDOIURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		id   publication.DOI
		want string
	}{
		{name: "plain", id: "10.1234/abc", want: "https://doi.org/10.1234/abc"},
		{name: "SICI", id: "10.1002/(SICI)1097-4636(199706)35:4<445::AID-JBM5>3.0.CO;2-E",
			want: "https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C445::AID-JBM5%3E3.0.CO;2-E"},
		{name: "reserved", id: "10.1234/a#b?c%d", want: "https://doi.org/10.1234/a%23b%3Fc%25d"},
		{name: "unsafe", id: "10.1234/\"\\^`{|}[]", want: "https://doi.org/10.1234/%22%5C%5E%60%7B%7C%7D%5B%5D"},
		{name: "kept", id: "10.1234/a-b._~!$&'()*+,;=:@/c", want: "https://doi.org/10.1234/a-b._~!$&'()*+,;=:@/c"},
		{name: "non-ASCII", id: "10.1234/café", want: "https://doi.org/10.1234/caf%C3%A9"},
		{name: "zero", id: "", want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := tc.id.URL(); got != tc.want {
				t.Errorf("DOI(%q).URL() = %q, want %q", tc.id, got, tc.want)
			}
		})
	}
}

func FuzzParseDOI(f *testing.F) {
	for _, tc := range doiTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := publication.ParseDOI(s)
		if err != nil {
			return
		}
		again, err := publication.ParseDOI(id.String())
		if err != nil {
			t.Fatalf("ParseDOI(%q) = %q, but ParseDOI(%q) failed: %v", s, id, id.String(), err)
		}
		if again != id {
			t.Fatalf("ParseDOI(%q) = %q, but ParseDOI(%q) = %q", s, id, id.String(), again)
		}
		fromURL, err := publication.ParseDOI(id.URL())
		if err != nil || fromURL != id {
			t.Fatalf("ParseDOI(%q) = %q, %v, want %q", id.URL(), fromURL, err, id)
		}
		if _, err := url.Parse(id.URL()); err != nil {
			t.Fatalf("DOI(%q).URL() = %q, which net/url rejects: %v", id, id.URL(), err)
		}
	})
}
