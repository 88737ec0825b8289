package publication_test

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/publication"
)

var pmidTests = []struct {
	name string
	in   string
	want publication.PMID
	err  error
}{
	{name: "bare", in: "31452104", want: "31452104"},
	{name: "one", in: "1", want: "1"},
	{name: "nine digits", in: "999999999", want: "999999999"},
	{name: "prefix", in: "PMID:31452104", want: "31452104"},
	{name: "lower-case prefix", in: "pmid:31452104", want: "31452104"},
	{name: "URL", in: "https://pubmed.ncbi.nlm.nih.gov/31452104/", want: "31452104"},
	{name: "URL without slash", in: "https://pubmed.ncbi.nlm.nih.gov/31452104", want: "31452104"},
	{name: "http URL", in: "http://pubmed.ncbi.nlm.nih.gov/31452104/", want: "31452104"},

	{name: "empty", in: "", err: publication.ErrMalformed},
	{name: "zero", in: "0", err: publication.ErrMalformed},
	{name: "leading zero", in: "031452104", err: publication.ErrMalformed},
	{name: "ten digits", in: "1234567890", err: publication.ErrMalformed},
	{name: "space after prefix", in: "PMID: 31452104", err: publication.ErrMalformed},
	{name: "negative", in: "-1", err: publication.ErrMalformed},
	{name: "plus", in: "+1", err: publication.ErrMalformed},
	{name: "letter", in: "12a", err: publication.ErrMalformed},
	{name: "prefix only", in: "PMID:", err: publication.ErrMalformed},
	{name: "URL without id", in: "https://pubmed.ncbi.nlm.nih.gov/", err: publication.ErrMalformed},
	{name: "URL double slash", in: "https://pubmed.ncbi.nlm.nih.gov/31452104//", err: publication.ErrMalformed},
	{name: "full-width digits", in: "３１", err: publication.ErrMalformed},
}

func TestParsePMID(t *testing.T) {
	t.Parallel()
	for _, tc := range pmidTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := publication.ParsePMID(tc.in)
			if !errors.Is(err, tc.err) {
				t.Fatalf("ParsePMID(%q) error = %v, want %v", tc.in, err, tc.err)
			}
			if got != tc.want {
				t.Errorf("ParsePMID(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if err == nil && got.String() != string(tc.want) {
				t.Errorf("PMID(%q).String() = %q, want %q", got, got.String(), tc.want)
			}
		})
	}
}

func TestPMIDURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		id   publication.PMID
		want string
	}{
		{"31452104", "https://pubmed.ncbi.nlm.nih.gov/31452104/"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := tc.id.URL(); got != tc.want {
			t.Errorf("PMID(%q).URL() = %q, want %q", tc.id, got, tc.want)
		}
	}
}

func FuzzParsePMID(f *testing.F) {
	for _, tc := range pmidTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := publication.ParsePMID(s)
		if err != nil {
			return
		}
		again, err := publication.ParsePMID(id.String())
		if err != nil {
			t.Fatalf("ParsePMID(%q) = %q, but ParsePMID(%q) failed: %v", s, id, id.String(), err)
		}
		if again != id {
			t.Fatalf("ParsePMID(%q) = %q, but ParsePMID(%q) = %q", s, id, id.String(), again)
		}
	})
}
