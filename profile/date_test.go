package profile_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/scholarld/scholarld/profile"
)

var dateTests = []struct {
	name string
	in   string
	err  error
}{
	{name: "year", in: "2017"},
	{name: "month", in: "2017-03"},
	{name: "day", in: "2017-03-14"},
	{name: "leap day", in: "2024-02-29"},
	{name: "leap day 2000", in: "2000-02-29"},
	{name: "first year", in: "0001"},
	{name: "last day", in: "9999-12-31"},
	{name: "31 January", in: "2023-01-31"},

	{name: "empty", in: "", err: profile.ErrMalformed},
	{name: "not a leap year", in: "2023-02-29", err: profile.ErrMalformed},
	{name: "1900 not a leap year", in: "1900-02-29", err: profile.ErrMalformed},
	{name: "30 February", in: "2024-02-30", err: profile.ErrMalformed},
	{name: "31 April", in: "2023-04-31", err: profile.ErrMalformed},
	{name: "year 0", in: "0000", err: profile.ErrMalformed},
	{name: "month 0", in: "2017-00", err: profile.ErrMalformed},
	{name: "month 13", in: "2017-13", err: profile.ErrMalformed},
	{name: "day 0", in: "2017-03-00", err: profile.ErrMalformed},
	{name: "day 32", in: "2017-03-32", err: profile.ErrMalformed},
	{name: "unpadded month", in: "2017-3", err: profile.ErrMalformed},
	{name: "unpadded day", in: "2017-03-1", err: profile.ErrMalformed},
	{name: "short year", in: "17", err: profile.ErrMalformed},
	{name: "five-digit year", in: "12017", err: profile.ErrMalformed},
	{name: "signed year", in: "-017", err: profile.ErrMalformed},
	{name: "slashes", in: "2017/03/14", err: profile.ErrMalformed},
	{name: "compact", in: "20170314", err: profile.ErrMalformed},
	{name: "time", in: "2017-03-14T00:00:00Z", err: profile.ErrMalformed},
	{name: "trailing hyphen", in: "2017-", err: profile.ErrMalformed},
	{name: "space", in: "2017 ", err: profile.ErrMalformed},
	{name: "letters", in: "abcd", err: profile.ErrMalformed},
	{name: "non-ASCII digits", in: "２０１７", err: profile.ErrMalformed},
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	for _, tc := range dateTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := profile.ParseDate(tc.in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("ParseDate(%q) error = %v, want %v", tc.in, err, tc.err)
			}
			want := profile.Date(tc.in)
			if err != nil {
				want = ""
			}
			if got != want {
				t.Errorf("ParseDate(%q) = %q, want %q", tc.in, got, want)
			}
			if got.String() != string(want) {
				t.Errorf("Date(%q).String() = %q, want %q", got, got.String(), want)
			}
		})
	}
}

func TestDateParts(t *testing.T) {
	t.Parallel()
	type parts struct {
		IsZero           bool
		Year, Month, Day int
		Earliest, Latest time.Time
	}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   profile.Date
		want parts
	}{
		{"2017", parts{Year: 2017, Earliest: day(2017, 1, 1), Latest: day(2017, 12, 31)}},
		{"2017-03", parts{Year: 2017, Month: 3, Earliest: day(2017, 3, 1), Latest: day(2017, 3, 31)}},
		{"2023-02", parts{Year: 2023, Month: 2, Earliest: day(2023, 2, 1), Latest: day(2023, 2, 28)}},
		{"2024-02", parts{Year: 2024, Month: 2, Earliest: day(2024, 2, 1), Latest: day(2024, 2, 29)}},
		{"2017-03-14", parts{Year: 2017, Month: 3, Day: 14, Earliest: day(2017, 3, 14), Latest: day(2017, 3, 14)}},
		{"0001", parts{Year: 1, Earliest: day(1, 1, 1), Latest: day(1, 12, 31)}},
		{"", parts{IsZero: true}},
		{"2023-02-29", parts{}},
		{"2017-3", parts{}},
		{"March 2017", parts{}},
	}
	for _, tc := range tests {
		t.Run(string(tc.in), func(t *testing.T) {
			t.Parallel()
			got := parts{
				IsZero:   tc.in.IsZero(),
				Year:     tc.in.Year(),
				Month:    tc.in.Month(),
				Day:      tc.in.Day(),
				Earliest: tc.in.Earliest(),
				Latest:   tc.in.Latest(),
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Date(%q) parts mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, tc := range dateTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := profile.ParseDate(s)
		if err != nil {
			return
		}
		again, err := profile.ParseDate(d.String())
		if err != nil {
			t.Fatalf("ParseDate(%q) = %q, but ParseDate(%q) failed: %v", s, d, d.String(), err)
		}
		if again != d {
			t.Fatalf("ParseDate(%q) = %q, but ParseDate(%q) = %q", s, d, d.String(), again)
		}
		if e, l := d.Earliest(), d.Latest(); e.Year() != d.Year() || l.Year() != d.Year() || l.Before(e) {
			t.Fatalf("Date(%q): Earliest() = %v, Latest() = %v", d, e, l)
		}
	})
}
