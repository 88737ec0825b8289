package profile_test

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/profile"
)

var orcidTests = []struct {
	name string
	in   string
	want profile.ORCID
	err  error
}{
	{name: "bare", in: "0000-0002-1825-0097", want: "0000-0002-1825-0097"},
	{name: "bare2", in: "0000-0001-5109-3700", want: "0000-0001-5109-3700"},
	{name: "check X", in: "0000-0002-1694-233X", want: "0000-0002-1694-233X"},
	{name: "check lower x", in: "0000-0002-1694-233x", want: "0000-0002-1694-233X"},
	{name: "https", in: "https://orcid.org/0000-0002-1825-0097", want: "0000-0002-1825-0097"},
	{name: "http", in: "http://orcid.org/0000-0002-1825-0097", want: "0000-0002-1825-0097"},
	{name: "no scheme", in: "orcid.org/0000-0002-1825-0097", want: "0000-0002-1825-0097"},
	{name: "upper-case host", in: "HTTPS://ORCID.ORG/0000-0002-1825-0097", want: "0000-0002-1825-0097"},

	{name: "empty", in: "", err: profile.ErrMalformed},
	{name: "bad check digit", in: "0000-0002-1825-0096", err: profile.ErrChecksum},
	{name: "bad check X", in: "0000-0002-1825-009X", err: profile.ErrChecksum},
	{name: "X not check", in: "0000-0002-1694-2330", err: profile.ErrChecksum},
	{name: "no hyphens", in: "0000000218250097", want: "0000-0002-1825-0097"},
	{name: "no hyphens URL", in: "orcid.org/000000021825009x", err: profile.ErrChecksum},
	{name: "no hyphens lower x", in: "000000015000000x", err: profile.ErrChecksum},
	{name: "15 digits", in: "000000021825009", err: profile.ErrMalformed},
	{name: "too short", in: "0000-0002-1825-009", err: profile.ErrMalformed},
	{name: "too long", in: "0000-0002-1825-00970", err: profile.ErrMalformed},
	{name: "letter", in: "0000-000a-1825-0097", err: profile.ErrMalformed},
	{name: "X inside", in: "0000-000X-1825-0097", err: profile.ErrMalformed},
	{name: "bad check character", in: "0000-0002-1825-009Y", err: profile.ErrMalformed},
	{name: "leading space", in: " 0000-0002-1825-0097", err: profile.ErrMalformed},
	{name: "trailing newline", in: "0000-0002-1825-0097\n", err: profile.ErrMalformed},
	{name: "control", in: "0000-0002-1825-0097\x00", err: profile.ErrMalformed},
	{name: "other host", in: "https://example.org/0000-0002-1825-0097", err: profile.ErrMalformed},
	{name: "trailing slash", in: "https://orcid.org/0000-0002-1825-0097/", err: profile.ErrMalformed},
	{name: "prefix only", in: "https://orcid.org/", err: profile.ErrMalformed},
	{name: "invalid UTF-8", in: "0000-0002-1825-\xff097", err: profile.ErrMalformed},
}

func TestParseORCID(t *testing.T) {
	t.Parallel()
	for _, tc := range orcidTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := profile.ParseORCID(tc.in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("ParseORCID(%q) error = %v, want %v", tc.in, err, tc.err)
			}
			if got != tc.want {
				t.Errorf("ParseORCID(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if err == nil && got.String() != string(tc.want) {
				t.Errorf("ORCID(%q).String() = %q, want %q", got, got.String(), tc.want)
			}
		})
	}
}

func TestORCIDChecksumMessage(t *testing.T) {
	t.Parallel()
	_, err := profile.ParseORCID("0000-0002-1825-0096")
	want := `ORCID iD "0000-0002-1825-0096": check digit is 6, want 7: checksum mismatch`
	if err == nil || err.Error() != want {
		t.Errorf("ParseORCID error = %v, want %s", err, want)
	}
}

func TestORCIDURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		id   profile.ORCID
		want string
	}{
		{"0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := tc.id.URL(); got != tc.want {
			t.Errorf("ORCID(%q).URL() = %q, want %q", tc.id, got, tc.want)
		}
	}
}

func TestORCIDInAssignedRange(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		id   profile.ORCID
		want bool
	}{
		{name: "in first block", id: "0000-0002-1825-0097", want: true},
		{name: "first block start", id: "0000-0001-5000-0007", want: true},
		{name: "first block end", id: "0000-0003-5000-0001", want: true},
		{name: "before first block", id: "0000-0001-4999-9998", want: false},
		{name: "after first block", id: "0000-0003-5000-001X", want: false},
		{name: "second block start", id: "0009-0000-0000-0000", want: true},
		{name: "second block end", id: "0009-0010-0000-0000", want: true},
		{name: "after second block", id: "0009-0010-0000-0010", want: false},
		{name: "between blocks", id: "0005-0000-0000-0000", want: false},
		{name: "zero", id: "", want: false},
		{name: "not parsed", id: "abcd-efgh-ijkl-mnop", want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := tc.id.InAssignedRange(); got != tc.want {
				t.Errorf("ORCID(%q).InAssignedRange() = %t, want %t", tc.id, got, tc.want)
			}
		})
	}
}

func FuzzParseORCID(f *testing.F) {
	for _, tc := range orcidTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := profile.ParseORCID(s)
		if err != nil {
			return
		}
		again, err := profile.ParseORCID(id.String())
		if err != nil {
			t.Fatalf("ParseORCID(%q) = %q, but ParseORCID(%q) failed: %v", s, id, id.String(), err)
		}
		if again != id {
			t.Fatalf("ParseORCID(%q) = %q, but ParseORCID(%q) = %q", s, id, id.String(), again)
		}
	})
}
