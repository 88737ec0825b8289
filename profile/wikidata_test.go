package profile_test

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/profile"
)

var wikidataTests = []struct {
	name string
	in   string
	want profile.Wikidata
	err  error
}{
	{name: "bare", in: "Q42", want: "Q42"},
	{name: "one digit", in: "Q1", want: "Q1"},
	{name: "long", in: "Q123456789", want: "Q123456789"},
	{name: "wiki https", in: "https://www.wikidata.org/wiki/Q42", want: "Q42"},
	{name: "wiki http", in: "http://www.wikidata.org/wiki/Q42", want: "Q42"},
	{name: "entity http", in: "http://www.wikidata.org/entity/Q42", want: "Q42"},
	{name: "entity https", in: "https://www.wikidata.org/entity/Q42", want: "Q42"},

	{name: "empty", in: "", err: profile.ErrMalformed},
	{name: "Q alone", in: "Q", err: profile.ErrMalformed},
	{name: "zero", in: "Q0", err: profile.ErrMalformed},
	{name: "leading zero", in: "Q042", err: profile.ErrMalformed},
	{name: "lower-case q", in: "q42", err: profile.ErrMalformed},
	{name: "property", in: "P31", err: profile.ErrMalformed},
	{name: "lexeme", in: "L7", err: profile.ErrMalformed},
	{name: "number only", in: "42", err: profile.ErrMalformed},
	{name: "negative", in: "Q-42", err: profile.ErrMalformed},
	{name: "letter", in: "Q42a", err: profile.ErrMalformed},
	{name: "space", in: "Q 42", err: profile.ErrMalformed},
	{name: "tab", in: "Q42\t", err: profile.ErrMalformed},
	{name: "prefix only", in: "https://www.wikidata.org/wiki/", err: profile.ErrMalformed},
	{name: "trailing slash", in: "https://www.wikidata.org/wiki/Q42/", err: profile.ErrMalformed},
	{name: "other path", in: "https://www.wikidata.org/Q42", err: profile.ErrMalformed},
	{name: "full-width digit", in: "Q４２", err: profile.ErrMalformed},
}

func TestParseWikidata(t *testing.T) {
	t.Parallel()
	for _, tc := range wikidataTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := profile.ParseWikidata(tc.in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("ParseWikidata(%q) error = %v, want %v", tc.in, err, tc.err)
			}
			if got != tc.want {
				t.Errorf("ParseWikidata(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if err == nil && got.String() != string(tc.want) {
				t.Errorf("Wikidata(%q).String() = %q, want %q", got, got.String(), tc.want)
			}
		})
	}
}

func TestWikidataURLs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		id                  profile.Wikidata
		wantURL, wantEntity string
	}{
		{"Q42", "https://www.wikidata.org/wiki/Q42", "http://www.wikidata.org/entity/Q42"},
		{"", "", ""},
	}
	for _, tc := range tests {
		if got := tc.id.URL(); got != tc.wantURL {
			t.Errorf("Wikidata(%q).URL() = %q, want %q", tc.id, got, tc.wantURL)
		}
		if got := tc.id.EntityIRI(); got != tc.wantEntity {
			t.Errorf("Wikidata(%q).EntityIRI() = %q, want %q", tc.id, got, tc.wantEntity)
		}
	}
}

func FuzzParseWikidata(f *testing.F) {
	for _, tc := range wikidataTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := profile.ParseWikidata(s)
		if err != nil {
			return
		}
		again, err := profile.ParseWikidata(id.String())
		if err != nil {
			t.Fatalf("ParseWikidata(%q) = %q, but ParseWikidata(%q) failed: %v", s, id, id.String(), err)
		}
		if again != id {
			t.Fatalf("ParseWikidata(%q) = %q, but ParseWikidata(%q) = %q", s, id, id.String(), again)
		}
	})
}
