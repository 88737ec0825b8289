package publication_test

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/publication"
)

var isbnTests = []struct {
	name string
	in   string
	want publication.ISBN
	err  error
}{
	{name: "ISBN-13 hyphens", in: "978-0-306-40615-7", want: "9780306406157"},
	{name: "ISBN-13 bare", in: "9780306406157", want: "9780306406157"},
	{name: "ISBN-13 spaces", in: "978 0 306 40615 7", want: "9780306406157"},
	{name: "ISBN-13 979", in: "979-10-90636-07-1", want: "9791090636071"},
	{name: "ISBN-10 hyphens", in: "0-306-40615-2", want: "9780306406157"},
	{name: "ISBN-10 bare", in: "0306406152", want: "9780306406157"},
	{name: "ISBN-10 X", in: "0-8044-2957-X", want: "9780804429573"},
	{name: "ISBN-10 lower x", in: "080442957x", want: "9780804429573"},

	{name: "empty", in: "", err: publication.ErrMalformed},
	{name: "bad ISBN-13 check", in: "978-0-306-40615-6", err: publication.ErrChecksum},
	{name: "bad ISBN-10 check", in: "0-306-40615-3", err: publication.ErrChecksum},
	{name: "ISBN-10 X wrong", in: "030640615X", err: publication.ErrChecksum},
	{name: "not a book prefix", in: "977-0-306-40615-7", err: publication.ErrMalformed},
	{name: "12 digits", in: "978030640615", err: publication.ErrMalformed},
	{name: "14 digits", in: "97803064061577", err: publication.ErrMalformed},
	{name: "11 digits", in: "03064061522", err: publication.ErrMalformed},
	{name: "X in ISBN-13", in: "978030640615X", err: publication.ErrMalformed},
	{name: "X first", in: "X306406152", err: publication.ErrMalformed},
	{name: "X then hyphen", in: "080442957X-", err: publication.ErrMalformed},
	{name: "double hyphen", in: "978--0306406157", err: publication.ErrMalformed},
	{name: "hyphen and space", in: "978- 0306406157", err: publication.ErrMalformed},
	{name: "leading hyphen", in: "-9780306406157", err: publication.ErrMalformed},
	{name: "trailing hyphen", in: "9780306406157-", err: publication.ErrMalformed},
	{name: "trailing space", in: "9780306406157 ", err: publication.ErrMalformed},
	{name: "tab", in: "978\t0306406157", err: publication.ErrMalformed},
	{name: "no-break space", in: "978\u00a00306406157", err: publication.ErrMalformed},
	{name: "prefix", in: "ISBN 9780306406157", err: publication.ErrMalformed},
	{name: "letter", in: "978030640615a", err: publication.ErrMalformed},
	{name: "full-width digits", in: "９７８0306406157", err: publication.ErrMalformed},
}

func TestParseISBN(t *testing.T) {
	t.Parallel()
	for _, tc := range isbnTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := publication.ParseISBN(tc.in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("ParseISBN(%q) error = %v, want %v", tc.in, err, tc.err)
			}
			if got != tc.want {
				t.Errorf("ParseISBN(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if err == nil && got.String() != string(tc.want) {
				t.Errorf("ISBN(%q).String() = %q, want %q", got, got.String(), tc.want)
			}
		})
	}
}

func FuzzParseISBN(f *testing.F) {
	for _, tc := range isbnTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := publication.ParseISBN(s)
		if err != nil {
			return
		}
		again, err := publication.ParseISBN(n.String())
		if err != nil {
			t.Fatalf("ParseISBN(%q) = %q, but ParseISBN(%q) failed: %v", s, n, n.String(), err)
		}
		if again != n {
			t.Fatalf("ParseISBN(%q) = %q, but ParseISBN(%q) = %q", s, n, n.String(), again)
		}
	})
}
