package outdir

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzManifest checks that any set of file names, however odd (newlines,
// quotes, invalid UTF-8), reads back from its manifest as it was.
func FuzzManifest(f *testing.F) {
	f.Add("index.html\x00people/a/index.html")
	f.Add("odd\nname \"q\".html\x00\xff\xfe")
	f.Add("")
	f.Fuzz(func(t *testing.T, joined string) {
		names := strings.Split(joined, "\x00")
		got, err := parseManifest("m", bytes.NewReader(formatManifest(names)))
		if err != nil {
			t.Fatalf("parseManifest(formatManifest(%q)): %v", names, err)
		}
		for _, n := range names {
			if !got[n] {
				t.Errorf("%q lost", n)
			}
		}
		if len(got) > len(names) {
			t.Errorf("read %d names from %d", len(got), len(names))
		}
	})
}
