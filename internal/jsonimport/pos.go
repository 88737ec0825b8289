package jsonimport

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"

	"github.com/scholarld/scholarld/source"
)

// markEvery is how far apart, in bytes, the marks of a document's lines
// are: a position costs at most about this many bytes of counting.
const markEvery = 1024

// A mark is the line and column of a byte offset.
type mark struct{ off, line, col int }

// lines turns byte offsets into positions. source.OffsetPos counts from
// the start of the file at each call, which is quadratic over the records
// of a long file; lines counts the whole file once, on the first call,
// keeping a mark every markEvery bytes, and counts from the nearest mark
// before the offset, or from the last position asked for when that is
// nearer: positions asked for in document order cost as much in all as
// one pass.
type lines struct {
	marks   []mark
	last    mark
	counted int // bytes counted by Pos, for the test of its cost
}

// Pos returns the position of byte offset off in the document, as
// [source.OffsetPos] would: the line, and the column in characters.
func (d *Doc) Pos(off int) source.Pos {
	off = min(max(off, 0), len(d.data))
	if d.marks == nil {
		d.index()
	}
	// The mark of index k is at or at most three bytes before k*markEvery.
	from := d.marks[min(off/markEvery, len(d.marks)-1)]
	if d.last.off <= off && d.last.off > from.off {
		from = d.last
	}
	m := advance(d.data, from, off)
	d.counted += off - from.off
	if off == len(d.data) || utf8.RuneStart(d.data[off]) {
		d.last = m // counting on from inside a character could miscount
	}
	return source.Pos{File: d.name, Line: m.line, Column: m.col}
}

// index sets the marks: one at the start, then one at the first byte that
// starts a character at or after each multiple of markEvery. A mark never
// falls inside a character, so that counting characters from it counts
// as counting from the start of the line does (for invalid UTF-8 too: at
// most three continuation bytes are skipped, and a character is at most
// four bytes long).
func (d *Doc) index() {
	d.marks = make([]mark, 0, len(d.data)/markEvery+1)
	m := mark{line: 1, col: 1}
	d.marks = append(d.marks, m)
	for next := markEvery; next < len(d.data); next += markEvery {
		at := next
		for k := 0; k < utf8.UTFMax-1 && at > m.off && !utf8.RuneStart(d.data[at]); k++ {
			at--
		}
		m = advance(d.data, m, at)
		d.marks = append(d.marks, m)
	}
	d.last = d.marks[0]
}

// advance returns the mark of offset off ≥ m.off, counting from m.
func advance(data []byte, m mark, off int) mark {
	seg := data[m.off:off]
	lines := bytes.Count(seg, newline)
	if lines == 0 {
		return mark{off: off, line: m.line, col: m.col + runeCount(seg)}
	}
	nl := bytes.LastIndexByte(seg, '\n')
	return mark{off: off, line: m.line + lines, col: runeCount(seg[nl+1:]) + 1}
}

var newline = []byte{'\n'}

// runeCount is utf8.RuneCount, eight bytes at a time where they are ASCII.
func runeCount(b []byte) int {
	const ascii = 0x8080808080808080
	n := 0
	for len(b) > 0 {
		i := 0
		for i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&ascii == 0 {
			i += 8
		}
		n += i
		b = b[i:]
		// Up to eight bytes, or the last character that starts within them,
		// one character at a time.
		j := 0
		for j < len(b) && j < 8 {
			if b[j] < utf8.RuneSelf {
				j++
			} else {
				_, size := utf8.DecodeRune(b[j:])
				j += size
			}
			n++
		}
		b = b[j:]
	}
	return n
}
