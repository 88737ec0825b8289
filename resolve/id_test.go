package resolve

import (
	"errors"
	"testing"

	"github.com/scholarld/scholarld/publication"
)

func TestParseID(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in      string
		want    ID
		wantErr error
	}{
		{in: "doi:10.7717/peerj.4375", want: "doi:10.7717/peerj.4375"},
		{in: "DOI:10.7717/PeerJ.4375", want: "doi:10.7717/PeerJ.4375"},
		{in: "10.7717/peerj.4375", want: "doi:10.7717/peerj.4375"},
		{in: "https://doi.org/10.7717/peerj.4375", want: "doi:10.7717/peerj.4375"},
		{in: "doi:https://doi.org/10.7717/peerj.4375", want: "doi:10.7717/peerj.4375"},
		{in: "http://dx.doi.org/10.1000/a%3Cb", want: "doi:10.1000/a<b"},
		{in: "doi:doi.org/10.1000/a%3Cb", want: "doi:10.1000/a<b"},
		{in: "doi:10.1000/a%3Cb", want: "doi:10.1000/a%3Cb"}, // not a URL: not decoded
		{in: "doi.org/10.7717/peerj.4375", want: "doi:10.7717/peerj.4375"},
		{in: "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O", want: "doi:10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"},
		{in: "openalex:W2741809807", want: "openalex:W2741809807"},
		{in: "OpenAlex:w2741809807", want: "openalex:W2741809807"},
		{in: "openalex:A5023888391", want: "openalex:A5023888391"},
		{in: "https://openalex.org/A5023888391", want: "openalex:A5023888391"},
		{in: "openalex:https://openalex.org/W2741809807", want: "openalex:W2741809807"},
		{in: "openalex.org/W1", want: "openalex:W1"},
		{in: "", wantErr: publication.ErrMalformed},
		{in: "doi:", wantErr: publication.ErrMalformed},
		{in: "doi:11.1234/x", wantErr: publication.ErrMalformed},
		{in: "https://example.org/10.1234/x", wantErr: publication.ErrMalformed},
		{in: "openalex:", wantErr: publication.ErrMalformed},
		{in: "openalex:W", wantErr: publication.ErrMalformed},
		{in: "openalex:W0", wantErr: publication.ErrMalformed},
		{in: "openalex:W12x", wantErr: publication.ErrMalformed},
		{in: "openalex:W1234567890123", wantErr: publication.ErrMalformed},
		{in: "openalex:X1", wantErr: publication.ErrMalformed},
		{in: "openalex:\xff1", wantErr: publication.ErrMalformed},
		{in: "openalex:I136199984", wantErr: ErrUnsupported},
		{in: "https://openalex.org/S137773608", wantErr: ErrUnsupported},
		{in: "orcid:0000-0002-1825-0097", wantErr: ErrUnsupported},
		{in: "pmid:29456894", wantErr: ErrUnsupported},
	} {
		got, err := ParseID(tc.in)
		if !errors.Is(err, tc.wantErr) || got != tc.want {
			t.Errorf("ParseID(%q) = %q, %v; want %q, %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func TestIDParts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		id       ID
		doi      publication.DOI
		openAlex string
	}{
		{"doi:10.7717/peerj.4375", "10.7717/peerj.4375", ""},
		{"openalex:W2741809807", "", "W2741809807"},
		{"", "", ""},
	} {
		if got := tc.id.DOI(); got != tc.doi {
			t.Errorf("%q.DOI() = %q, want %q", tc.id, got, tc.doi)
		}
		if got := tc.id.OpenAlex(); got != tc.openAlex {
			t.Errorf("%q.OpenAlex() = %q, want %q", tc.id, got, tc.openAlex)
		}
	}
}

// FuzzParseID: ParseID never panics, and what it returns parses again to
// itself.
func FuzzParseID(f *testing.F) {
	for _, s := range []string{
		"doi:10.7717/peerj.4375", "https://doi.org/10.7554/ELIFE.01567", "10.5438/zhyx-n122",
		"openalex:W2741809807", "https://openalex.org/A5023888391", "openalex:i1", "pmid:1", "doi:%zz", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseID(s)
		if err != nil {
			return
		}
		again, err := ParseID(id.String())
		if err != nil || again != id {
			t.Errorf("ParseID(%q) = %q, which parses to %q, %v", s, id, again, err)
		}
		if (id.DOI() == "") == (id.OpenAlex() == "") {
			t.Errorf("ParseID(%q) = %q, neither or both a DOI and an OpenAlex id", s, id)
		}
	})
}
