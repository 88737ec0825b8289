package profile_test

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/profile"
)

var rorTests = []struct {
	name string
	in   string
	want profile.ROR
	err  error
}{
	{name: "bare", in: "0161xgx34", want: "0161xgx34"},
	{name: "05c22rx21", in: "05c22rx21", want: "05c22rx21"},
	{name: "01pxwe438", in: "01pxwe438", want: "01pxwe438"},
	{name: "00f54p054", in: "00f54p054", want: "00f54p054"},
	{name: "00hj54h04", in: "00hj54h04", want: "00hj54h04"},
	{name: "00971b260", in: "00971b260", want: "00971b260"},
	{name: "01sdtdd95", in: "01sdtdd95", want: "01sdtdd95"},
	{name: "02e9yx751", in: "02e9yx751", want: "02e9yx751"},
	{name: "https", in: "https://ror.org/0161xgx34", want: "0161xgx34"},
	{name: "http", in: "http://ror.org/0161xgx34", want: "0161xgx34"},
	{name: "upper case", in: "0161XGX34", want: "0161xgx34"},
	{name: "upper-case URL", in: "HTTPS://ROR.ORG/0161XGX34", want: "0161xgx34"},

	{name: "empty", in: "", err: profile.ErrMalformed},
	{name: "bad check digits", in: "0161xgx35", err: profile.ErrChecksum},
	{name: "transposed", in: "0161gxx34", err: profile.ErrChecksum},
	{name: "first not zero", in: "1161xgx34", err: profile.ErrMalformed},
	{name: "letter i", in: "0161igx34", err: profile.ErrMalformed},
	{name: "letter l", in: "0161lgx34", err: profile.ErrMalformed},
	{name: "letter o", in: "0161ogx34", err: profile.ErrMalformed},
	{name: "letter u", in: "0161ugx34", err: profile.ErrMalformed},
	{name: "letter in check", in: "0161xgx3a", err: profile.ErrMalformed},
	{name: "too short", in: "0161xgx3", err: profile.ErrMalformed},
	{name: "too long", in: "0161xgx344", err: profile.ErrMalformed},
	{name: "space", in: "0161xgx34 ", err: profile.ErrMalformed},
	{name: "no scheme", in: "ror.org/0161xgx34", err: profile.ErrMalformed},
	{name: "trailing slash", in: "https://ror.org/0161xgx34/", err: profile.ErrMalformed},
	{name: "punctuation", in: "0161-gx34", err: profile.ErrMalformed},
}

func TestParseROR(t *testing.T) {
	t.Parallel()
	for _, tc := range rorTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := profile.ParseROR(tc.in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("ParseROR(%q) error = %v, want %v", tc.in, err, tc.err)
			}
			if got != tc.want {
				t.Errorf("ParseROR(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if err == nil && got.String() != string(tc.want) {
				t.Errorf("ROR(%q).String() = %q, want %q", got, got.String(), tc.want)
			}
		})
	}
}

func TestRORURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		id   profile.ROR
		want string
	}{
		{"0161xgx34", "https://ror.org/0161xgx34"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := tc.id.URL(); got != tc.want {
			t.Errorf("ROR(%q).URL() = %q, want %q", tc.id, got, tc.want)
		}
	}
}

func FuzzParseROR(f *testing.F) {
	for _, tc := range rorTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := profile.ParseROR(s)
		if err != nil {
			return
		}
		again, err := profile.ParseROR(id.String())
		if err != nil {
			t.Fatalf("ParseROR(%q) = %q, but ParseROR(%q) failed: %v", s, id, id.String(), err)
		}
		if again != id {
			t.Fatalf("ParseROR(%q) = %q, but ParseROR(%q) = %q", s, id, id.String(), again)
		}
	})
}
