package suggest

import "testing"

func TestClosest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word       string
		candidates []string
		want       string
	}{
		{"orgnization", []string{"id", "organization", "department"}, "organization"},
		{"ingrid-solbreg", []string{"ingrid-solberg", "ada-lovelace"}, "ingrid-solberg"},
		{"ttl2", []string{"jsonld", "ttl", "nt"}, "ttl"},
		{"Display", []string{"display", "given"}, "display"},
		{"xyz", []string{"jsonld", "ttl"}, ""},
		{"nickname", []string{"display", "given", "family"}, ""},
		{"ab", []string{"ab"}, ""},
	}
	for _, tc := range tests {
		if got := Closest(tc.word, tc.candidates); got != tc.want {
			t.Errorf("Closest(%q, %q) = %q, want %q", tc.word, tc.candidates, got, tc.want)
		}
	}
}
