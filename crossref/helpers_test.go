package crossref_test

import (
	"os"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/source"
)

const fixture = "testdata/10.7554_elife.01567.json"

func mustReadFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// posAfter returns the position in data, the file called name, of the
// byte after the first occurrence of marker.
func posAfter(t testing.TB, name string, data []byte, marker string) source.Pos {
	t.Helper()
	i := strings.Index(string(data), marker)
	if i < 0 {
		t.Fatalf("%s: no %q", name, marker)
	}
	return source.OffsetPos(name, data, i+len(marker))
}

// posOf returns the position in data, the file called name, of the first
// occurrence of marker.
func posOf(t testing.TB, name string, data []byte, marker string) source.Pos {
	t.Helper()
	i := strings.Index(string(data), marker)
	if i < 0 {
		t.Fatalf("%s: no %q", name, marker)
	}
	return source.OffsetPos(name, data, i)
}

// where describes a list of errors or warnings by position and path.
func where(list source.ErrorList) []string {
	var out []string
	for _, e := range list {
		out = append(out, e.Pos.String()+" "+e.Path)
	}
	return out
}
