package fast

import (
	"hash/maphash"
	"slices"
	"strings"
	"testing"
)

// TestTableCollision checks that strings whose hashes collide are kept
// apart. A real 64-bit collision cannot be found for a test, so this one
// files "b" under the hash of "a".
func TestTableCollision(t *testing.T) {
	var keys Arena
	tab := NewTable(&keys)
	tab.Add("a", 1)
	ha, hb := maphash.String(tab.seed, "a"), maphash.String(tab.seed, "b")
	tab.first[hb] = tab.first[ha]
	for _, c := range []struct {
		s     string
		v     uint32
		want  uint32
		added bool
	}{
		{"b", 2, 2, true},
		{"b", 3, 2, false},
		{"a", 4, 1, false},
	} {
		if got, added := tab.Add(c.s, c.v); got != c.want || added != c.added {
			t.Errorf("Add(%q, %d) = %d, %v; want %d, %v", c.s, c.v, got, added, c.want, c.added)
		}
	}
	for s, want := range map[string]uint32{"a": 1, "b": 2} {
		if got, ok := tab.Get(s); !ok || got != want {
			t.Errorf("Get(%q) = %d, %v; want %d, true", s, got, ok, want)
		}
	}
	if got, ok := tab.Get("c"); ok {
		t.Errorf("Get(%q) = %d, true; want false", "c", got)
	}
	got := slices.Sorted(tab.Values())
	if want := []uint32{1, 1, 2}; !slices.Equal(got, want) { // "a" twice: under its hash and that of "b"
		t.Errorf("Values = %v, want %v", got, want)
	}
}

// TestArena checks that strings come back as they were added, whether
// packed in blocks, across blocks, or kept whole because they are long.
func TestArena(t *testing.T) {
	var a Arena
	in := []string{"", "x", strings.Repeat("y", 0x7f), strings.Repeat("z", 0x80), strings.Repeat("l", maxPacked), strings.Repeat("L", maxPacked+1), strings.Repeat("w", 64<<10)}
	for i := range 400 { // enough to fill a few blocks
		in = append(in, strings.Repeat(string(rune('a'+i%26)), i%100*7))
	}
	refs := make([]uint32, len(in))
	for i, s := range in {
		refs[i] = a.Add(s)
	}
	for i, s := range in {
		if got := a.Get(refs[i]); got != s {
			t.Errorf("Get(Add(%d bytes)) = %d bytes %.8q…", len(s), len(got), got)
		}
	}
	if len(a.blocks) < 2 || len(a.long) != 2 {
		t.Errorf("%d blocks, %d long strings; want several blocks and 2 long strings", len(a.blocks), len(a.long))
	}
}
