package biblio

import (
	"bytes"
	"unicode/utf8"

	"github.com/scholarld/scholarld/source"
)

// A lineCounter gives the positions of the records of a file, whose
// offsets only grow: it counts lines and columns on from the offset it was
// last asked, so that the positions of all the records of a file cost one
// pass over it, where [source.OffsetPos] counts from the start of the file
// at every call. The column counts characters, as OffsetPos does.
type lineCounter struct {
	name string
	data []byte
	off  int // the offset last asked
	line int // its line, 1-based
	col  int // its column, 0-based: the characters before it on its line
}

func newLineCounter(name string, data []byte) *lineCounter {
	return &lineCounter{name: name, data: data, line: 1}
}

// pos returns the position of offset off, which is at the start of a
// character. An offset before the last one asked is counted from the
// start of the file, as OffsetPos does.
func (c *lineCounter) pos(off int) source.Pos {
	off = min(max(off, 0), len(c.data))
	if off < c.off {
		return source.OffsetPos(c.name, c.data, off)
	}
	p := advance(source.Pos{File: c.name, Line: c.line, Column: c.col + 1}, c.data[c.off:off])
	c.off, c.line, c.col = off, p.Line, p.Column-1
	return p
}

// advance returns the position after seg, which starts at pos and at
// the start of a character.
func advance(pos source.Pos, seg []byte) source.Pos {
	if nl := bytes.LastIndexByte(seg, '\n'); nl >= 0 {
		pos.Line += bytes.Count(seg, []byte("\n"))
		pos.Column = utf8.RuneCount(seg[nl+1:]) + 1
	} else {
		pos.Column += utf8.RuneCount(seg)
	}
	return pos
}
