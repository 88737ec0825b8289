package source

import (
	"sort"
	"unicode/utf8"
)

// checkpointEvery is the distance in bytes between the checkpoints of a
// [Lines]: finding a position counts at most this many bytes.
const checkpointEvery = 512

// Lines gives the positions of the byte offsets of a file. It is built
// once, in one pass over the file, and holds a checkpoint (offset, line,
// column) every [checkpointEvery] bytes: the position of any offset,
// asked in any order, is counted on from the checkpoint before it, so
// that the positions of all the errors, warnings and records of a file
// cost time linear in the file, even where they are many, out of order or
// on one long line (minified CSL-JSON), and the file is never copied.
// [OffsetPos] counts from the start of the file at every call, for a
// decoder that reports one position or a few. The column counts
// characters, as OffsetPos does, and a byte that is not valid UTF-8
// counts as one.
type Lines struct {
	name   string
	data   []byte
	points []checkpoint
}

type checkpoint struct {
	off, line, col int // col is 0-based: the characters before off on its line
}

// NewLines returns the Lines of data, the content of the file called name,
// in one pass over it.
func NewLines(name string, data []byte) *Lines {
	t := &Lines{name: name, data: data, points: make([]checkpoint, 0, len(data)/checkpointEvery+1)}
	line, col, next := 1, 0, 0
	for i := 0; i < len(data); {
		if i >= next {
			t.points = append(t.points, checkpoint{i, line, col})
			next = i + checkpointEvery
		}
		i, line, col = nextChar(data, i, line, col)
	}
	if len(t.points) == 0 {
		t.points = append(t.points, checkpoint{0, 1, 0})
	}
	return t
}

// Pos returns the position of byte offset off, clamped to the file.
func (t *Lines) Pos(off int) Pos {
	off = min(max(off, 0), len(t.data))
	k := sort.Search(len(t.points), func(k int) bool { return t.points[k].off > off }) - 1
	cp := t.points[max(k, 0)]
	line, col := cp.line, cp.col
	// Counting in data[:off], a rune cut at off counts as utf8.RuneCount
	// counts it.
	for i := cp.off; i < off; {
		i, line, col = nextChar(t.data[:off], i, line, col)
	}
	return Pos{File: t.name, Line: line, Column: col + 1}
}

// nextChar moves past the character at data[i], returning the offset after
// it and the line and column (0-based) there: a byte that is not valid
// UTF-8 is one character.
func nextChar(data []byte, i, line, col int) (int, int, int) {
	switch c := data[i]; {
	case c == '\n':
		return i + 1, line + 1, 0
	case c < utf8.RuneSelf:
		return i + 1, line, col + 1
	}
	_, n := utf8.DecodeRune(data[i:])
	return i + n, line, col + 1
}
