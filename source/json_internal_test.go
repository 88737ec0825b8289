package source

import (
	"testing"

	"github.com/go-json-experiment/json/jsontext"
)

func TestPointerPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   jsontext.Pointer
		want string
	}{
		{"", ""},
		{"/people", "people"},
		{"/people/0/positions/12/start", "people[0].positions[12].start"},
		{"/0/1", "[0][1]"},
		{"/a~1b/c~0d", "a/b.c~d"},
	}
	for _, tc := range tests {
		if got := pointerPath(tc.in); got != tc.want {
			t.Errorf("pointerPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestCollectorPos checks the line index of the collector against offsetPos.
func TestCollectorPos(t *testing.T) {
	t.Parallel()
	f := &File{name: "f.json", data: []byte("{\n\"é\": 1,\r\n\n  \"b\": [2]}\n")}
	c := &collector{f: f}
	for off := range len(f.data) + 1 {
		if got, want := c.pos(off), f.offsetPos(off); got != want {
			t.Errorf("pos(%d) = %v, want %v", off, got, want)
		}
	}
}
