package publication_test

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/publication"
)

var arxivTests = []struct {
	name string
	in   string
	want publication.ArXiv
	err  error
}{
	{name: "new", in: "2402.05271", want: "2402.05271"},
	{name: "new with version", in: "2402.05271v1", want: "2402.05271v1"},
	{name: "2411.05228", in: "2411.05228", want: "2411.05228"},
	{name: "2308.11480", in: "2308.11480", want: "2308.11480"},
	{name: "2306.11922", in: "2306.11922", want: "2306.11922"},
	{name: "first new-style", in: "0704.0001", want: "0704.0001"},
	{name: "last four-digit", in: "1412.9999", want: "1412.9999"},
	{name: "first five-digit", in: "1501.00001", want: "1501.00001"},
	{name: "two-digit version", in: "2402.05271v12", want: "2402.05271v12"},
	{name: "old", in: "hep-th/9901001", want: "hep-th/9901001"},
	{name: "old with class", in: "math.GT/0309136", want: "math.GT/0309136"},
	{name: "old cond-mat", in: "cond-mat/0011223", want: "cond-mat/0011223"},
	{name: "old with version", in: "cond-mat/0011223v2", want: "cond-mat/0011223v2"},
	{name: "old last month", in: "math/0703001", want: "math/0703001"},
	{name: "old archive with v", in: "solv-int/9901001", want: "solv-int/9901001"},
	{name: "prefix", in: "arXiv:2402.05271", want: "2402.05271"},
	{name: "lower-case prefix", in: "arxiv:2402.05271v1", want: "2402.05271v1"},
	{name: "upper-case prefix", in: "ARXIV:hep-th/9901001", want: "hep-th/9901001"},
	{name: "abs URL", in: "https://arxiv.org/abs/2402.05271", want: "2402.05271"},
	{name: "abs http", in: "http://arxiv.org/abs/2402.05271v1", want: "2402.05271v1"},
	{name: "abs old", in: "https://arxiv.org/abs/math.GT/0309136", want: "math.GT/0309136"},
	{name: "pdf URL", in: "https://arxiv.org/pdf/2402.05271", want: "2402.05271"},
	{name: "pdf URL with .pdf", in: "https://arxiv.org/pdf/2402.05271v1.pdf", want: "2402.05271v1"},
	{name: "pdf http old", in: "http://arxiv.org/pdf/hep-th/9901001v1.pdf", want: "hep-th/9901001v1"},
	{name: "abs no scheme", in: "arxiv.org/abs/2311.04567", want: "2311.04567"},
	{name: "abs www", in: "https://www.arxiv.org/abs/2311.04567v3", want: "2311.04567v3"},
	{name: "abs trailing slash", in: "arxiv.org/abs/2311.04567/", want: "2311.04567"},
	{name: "pdf no scheme", in: "arxiv.org/pdf/2311.04567", want: "2311.04567"},
	{name: "pdf no scheme version .pdf", in: "arxiv.org/pdf/2311.04567v2.pdf", want: "2311.04567v2"},
	{name: "pdf old style .pdf", in: "http://arxiv.org/pdf/hep-th/9901001v1.pdf", want: "hep-th/9901001v1"},
	{name: "pdf upper .PDF", in: "https://arxiv.org/pdf/2311.04567.PDF", want: "2311.04567"},
	{name: "export abs", in: "https://export.arxiv.org/abs/2402.05271", want: "2402.05271"},
	{name: "export pdf", in: "http://export.arxiv.org/pdf/2402.05271.pdf", want: "2402.05271"},

	{name: "empty", in: "", err: publication.ErrMalformed},
	{name: "before new scheme", in: "0703.0001", err: publication.ErrMalformed},
	{name: "month 13", in: "1413.0001", err: publication.ErrMalformed},
	{name: "month 00", in: "2400.00001", err: publication.ErrMalformed},
	{name: "four digits after 1412", in: "1501.0001", err: publication.ErrMalformed},
	{name: "five digits before 1501", in: "1412.00001", err: publication.ErrMalformed},
	{name: "too short", in: "2402.0527", err: publication.ErrMalformed},
	{name: "zero number", in: "2402.00000", err: publication.ErrMalformed},
	{name: "version 0", in: "2402.05271v0", err: publication.ErrMalformed},
	{name: "version leading zero", in: "2402.05271v01", err: publication.ErrMalformed},
	{name: "empty version", in: "2402.05271v", err: publication.ErrMalformed},
	{name: "upper-case V", in: "2402.05271V1", err: publication.ErrMalformed},
	{name: "huge version", in: "2402.05271v99999999999999999999", err: publication.ErrMalformed},
	{name: "no dot", in: "240205271", err: publication.ErrMalformed},
	{name: "old six digits", in: "hep-th/990100", err: publication.ErrMalformed},
	{name: "old upper-case archive", in: "HEP-TH/9901001", err: publication.ErrMalformed},
	{name: "old after March 2007", in: "hep-th/0704001", err: publication.ErrMalformed},
	{name: "old month 13", in: "hep-th/9913001", err: publication.ErrMalformed},
	{name: "old zero number", in: "hep-th/9901000", err: publication.ErrMalformed},
	{name: "lower-case class", in: "math.gt/0309136", err: publication.ErrMalformed},
	{name: "long class", in: "math.GTX/0309136", err: publication.ErrMalformed},
	{name: "empty archive", in: "/9901001", err: publication.ErrMalformed},
	{name: "leading hyphen", in: "-hep/9901001", err: publication.ErrMalformed},
	{name: "double hyphen", in: "hep--th/9901001", err: publication.ErrMalformed},
	{name: "extra path", in: "hep-th/9901001/1", err: publication.ErrMalformed},
	{name: "space after prefix", in: "arXiv: 2402.05271", err: publication.ErrMalformed},
	{name: ".pdf on abs", in: "https://arxiv.org/abs/2402.05271.pdf", err: publication.ErrMalformed},
	{name: "other path", in: "https://arxiv.org/html/2402.05271", err: publication.ErrMalformed},
	{name: "trailing newline", in: "2402.05271\n", err: publication.ErrMalformed},
}

func TestParseArXiv(t *testing.T) {
	t.Parallel()
	for _, tc := range arxivTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := publication.ParseArXiv(tc.in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("ParseArXiv(%q) error = %v, want %v", tc.in, err, tc.err)
			}
			if got != tc.want {
				t.Errorf("ParseArXiv(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if err == nil && got.String() != string(tc.want) {
				t.Errorf("ArXiv(%q).String() = %q, want %q", got, got.String(), tc.want)
			}
		})
	}
}

func TestArXivMethods(t *testing.T) {
	t.Parallel()
	tests := []struct {
		id      publication.ArXiv
		base    publication.ArXiv
		version int
		url     string
	}{
		{"2402.05271", "2402.05271", 0, "https://arxiv.org/abs/2402.05271"},
		{"2402.05271v1", "2402.05271", 1, "https://arxiv.org/abs/2402.05271v1"},
		{"2402.05271v12", "2402.05271", 12, "https://arxiv.org/abs/2402.05271v12"},
		{"math.GT/0309136v2", "math.GT/0309136", 2, "https://arxiv.org/abs/math.GT/0309136v2"},
		{"solv-int/9901001", "solv-int/9901001", 0, "https://arxiv.org/abs/solv-int/9901001"},
		{"", "", 0, ""},
		{"not an id v2", "not an id v2", 0, "https://arxiv.org/abs/not an id v2"},
	}
	for _, tc := range tests {
		t.Run(string(tc.id), func(t *testing.T) {
			t.Parallel()
			if got := tc.id.Base(); got != tc.base {
				t.Errorf("ArXiv(%q).Base() = %q, want %q", tc.id, got, tc.base)
			}
			if got := tc.id.Version(); got != tc.version {
				t.Errorf("ArXiv(%q).Version() = %d, want %d", tc.id, got, tc.version)
			}
			if got := tc.id.URL(); got != tc.url {
				t.Errorf("ArXiv(%q).URL() = %q, want %q", tc.id, got, tc.url)
			}
		})
	}
}

func FuzzParseArXiv(f *testing.F) {
	for _, tc := range arxivTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := publication.ParseArXiv(s)
		if err != nil {
			return
		}
		again, err := publication.ParseArXiv(id.String())
		if err != nil {
			t.Fatalf("ParseArXiv(%q) = %q, but ParseArXiv(%q) failed: %v", s, id, id.String(), err)
		}
		if again != id {
			t.Fatalf("ParseArXiv(%q) = %q, but ParseArXiv(%q) = %q", s, id, id.String(), again)
		}
		if base, err := publication.ParseArXiv(id.Base().String()); err != nil || base.Version() != 0 || base != id.Base() {
			t.Fatalf("ArXiv(%q).Base() = %q, which parses to %q, %v", id, id.Base(), base, err)
		}
	})
}
