package jsonimport

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/source"
)

// TestPos checks Doc.Pos against source.OffsetPos at every offset of
// documents with long lines, many lines, multi-byte characters and
// invalid UTF-8, asked in order, backwards and at random.
func TestPos(t *testing.T) {
	t.Parallel()
	docs := map[string]string{
		"empty":     "",
		"one line":  strings.Repeat(`{"é": "日本語", "a": 1},`, 100),
		"lines":     strings.Repeat("{\"a\": \"ü\"},\n", 400),
		"mixed":     strings.Repeat("x", 1021) + "日本\n" + strings.Repeat("é", 700) + "\n\n" + strings.Repeat("\xff\x80\x80\x80\x80z", 400),
		"cont only": strings.Repeat("\x80", 2100) + "\na",
	}
	for name, data := range docs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			offsets := make([]int, len(data)+1)
			for i := range offsets {
				offsets[i] = i
			}
			orders := map[string][]int{"forward": offsets}
			back := make([]int, len(offsets))
			for i, o := range offsets {
				back[len(back)-1-i] = o
			}
			orders["backward"] = back
			shuffled := append([]int(nil), offsets...)
			r := rand.New(rand.NewPCG(1, 2))
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			orders["random"] = shuffled
			for order, offs := range orders {
				d := NewDoc("f.json", []byte(data))
				for _, off := range offs {
					if got, want := d.Pos(off), source.OffsetPos("f.json", []byte(data), off); got != want {
						t.Fatalf("%s: Pos(%d) = %v, want %v", order, off, got, want)
					}
				}
			}
		})
	}
}

// TestPosCost checks that positions asked in document order cost one
// pass in all, and positions asked backwards a bounded count each: the
// bytes counted are linear in the document, however many positions are
// asked.
func TestPosCost(t *testing.T) {
	t.Parallel()
	data := []byte(strings.Repeat(`{"a": "b"},`, 100_000)) // one line of 1.1 MB
	d := NewDoc("f.json", data)
	n := 0
	for off := 0; off < len(data); off += 11 {
		d.Pos(off)
		n++
	}
	if d.counted > len(data) {
		t.Errorf("%d positions in order counted %d bytes of a document of %d", n, d.counted, len(data))
	}
	d.counted, n = 0, 0
	for off := len(data) - 1; off >= 0; off -= 11 {
		d.Pos(off)
		n++
	}
	if limit := n * (markEvery + 4); d.counted > limit {
		t.Errorf("%d positions backwards counted %d bytes, more than %d", n, d.counted, limit)
	}
}
