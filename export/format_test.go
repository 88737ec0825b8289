package export_test

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/export"
)

func TestForMediaType(t *testing.T) {
	t.Parallel()
	tests := []struct{ mediaType, want string }{
		{"text/turtle", "ttl"},
		{"application/ld+json; charset=utf-8", "jsonld"},
		{"Application/N-Triples", "nt"},
		{"application/vnd.orcid+xml", "orcid-xml"},
		{"application/vnd.orcid+json", "orcid-json"},
	}
	for _, tc := range tests {
		f, err := export.ForMediaType(tc.mediaType)
		if err != nil || f.Name != tc.want {
			t.Errorf("ForMediaType(%q) = %q, %v; want %q", tc.mediaType, f.Name, err, tc.want)
		}
	}
	if _, err := export.ForMediaType("image/png"); !errors.Is(err, export.ErrUnknownFormat) {
		t.Errorf("ForMediaType(image/png) = %v, want ErrUnknownFormat", err)
	}
	for _, f := range export.Formats() {
		works, ok := f.Works()
		if ok != (f.Name == "orcid-xml" || f.Name == "orcid-json") || ok && (!works.PerPerson || works.MediaType != f.MediaType) {
			t.Errorf("%s.Works() = %+v, %v", f.Name, works, ok)
		}
	}
}
