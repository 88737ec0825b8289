package validate_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/validate"
)

// TestURLs checks the URLs that validation accepts and refuses: every URL
// it accepts must be one that ORCID's XSD, JSON-LD processors and Turtle
// parsers all take as the same absolute IRI.
func TestURLs(t *testing.T) {
	t.Parallel()
	good := []string{
		"https://example.org/",
		"http://example.org/a/b?c=d#e",
		"https://e.org:8443/x",
		"https://[2001:db8::1]/x",
		"https://192.0.2.1/",
		"https://bücher.example/ä",
		"https://example.org/a%20b",
		"https://example.org.",
	}
	bad := []string{
		"javascript:alert(1)",
		"https://e.org/a#b#c",                        // two fragments
		"https://e.org/a[b]",                         // brackets outside an IPv6 host
		"https://:80/",                               // no host
		"https://e..org/",                            // an empty label
		"https://-e.org/",                            // a label starting with a hyphen
		"https://e.org:99999/",                       // port out of range
		"https://e.org:0/",                           // port 0
		"https://e.org:/",                            // an empty port
		"https://user@e.org/",                        // user information
		"https://e.org/\uFEFFx",                      // a byte-order mark, which JSON-LD reads as making a relative IRI
		"https://e.org/\u202Ex",                      // a bidirectional control, which RFC 3987 forbids
		"https://e.org/\uFFFE",                       // a noncharacter
		"https://e.org/a b",                          // a space
		"ftp://e.org/",                               // not http
		"https://e.org/" + strings.Repeat("a", 2084), // longer than ORCID's common:url
	}
	check := func(u string) error {
		d := &dataset.Dataset{People: []profile.Person{{ID: "a", Name: profile.Name{Display: "A"}, Homepage: u}}}
		return validate.Dataset(d)
	}
	for _, u := range good {
		if err := check(u); err != nil {
			t.Errorf("%q refused: %v", u, err)
		}
	}
	for _, u := range bad {
		err := check(u)
		if !errors.Is(err, validate.ErrInvalid) {
			t.Errorf("%q: err = %v, want ErrInvalid", u, err)
		}
	}
}

// TestText checks that blank text and noncharacters are refused: a blank
// title passed and the ORCID export then used the id as the title, and
// U+FFFE became U+FFFD in ORCID's XML.
func TestText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, title string
		email       string
		want        string
	}{
		{"blank title", "   ", "", "publications[0].title"},
		{"newline name", "T", "", ""},
		{"noncharacter", "a\uFFFEb", "", "publications[0].title"},
		{"long e-mail", "T", strings.Repeat("a", 340) + "@example.org", "people[0].emails[0]"},
	}
	// Records built in Go have Go paths, such as People[0].Name.Display:
	// compared without case.
	for _, tc := range tests {
		display := "A"
		if tc.name == "newline name" {
			display, tc.want = "\n", "people[0].name.display"
		}
		d := &dataset.Dataset{
			People:       []profile.Person{{ID: "a", Name: profile.Name{Display: display}}},
			Publications: []publication.Publication{{ID: "p", Title: tc.title, Kind: publication.KindPreprint, Authors: []publication.Contributor{{Ref: "a"}}}},
		}
		if tc.email != "" {
			d.People[0].Emails = []string{tc.email}
		}
		err := validate.Dataset(d)
		if !errors.Is(err, validate.ErrInvalid) || !strings.Contains(strings.ToLower(err.Error()), tc.want) {
			t.Errorf("%s: err = %v, want ErrInvalid at %s", tc.name, err, tc.want)
		}
	}
}
