package source

import (
	"strings"
	"testing"
)

// FuzzLines checks that Lines gives the position OffsetPos counts, for
// every offset of any text (lines long and short, invalid UTF-8), asked
// in any order.
func FuzzLines(f *testing.F) {
	for _, s := range []string{"", "a", "\n", "é\nàb\n\n", "\xff\xfe\nx", strings.Repeat("ab\ncdé", 400), strings.Repeat("x", 2000) + "\n@"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		data := []byte(s)
		lines := NewLines("f", data)
		for _, off := range []int{-1, len(data) + 1} {
			if got, want := lines.Pos(off), OffsetPos("f", data, off); got != want {
				t.Fatalf("Pos(%d) = %v, want %v (clamped)", off, got, want)
			}
		}
		for off := len(data); off >= 0; off-- { // backwards: any order
			if got, want := lines.Pos(off), OffsetPos("f", data, off); got != want {
				t.Fatalf("Pos(%d) = %v, want %v", off, got, want)
			}
		}
	})
}
