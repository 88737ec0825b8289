package fast

import (
	"encoding/binary"
	"strings"
	"unsafe"
)

const (
	blockBits = 16
	blockSize = 1 << blockBits            // bytes in a block of an arena
	maxBlocks = 1 << (32 - blockBits - 1) // blocks a ref can name (2 GiB)
	maxPacked = 1 << 10                   // the longest string packed in a block
	longRef   = 1 << 31                   // the bit of refs to strings of arena.long
)

// An Arena keeps copies of strings, such as the ids a validate.Index
// holds, so that the records they were read from can be freed, and names
// each by a uint32 ref. Strings of up to maxPacked bytes are packed, each after its
// length as a uvarint, into blocks of blockSize bytes: one allocation, with
// no pointers, for thousands of ids. A ref to one of them is its block and
// offset. Longer strings, and any once maxBlocks are full, are kept whole
// in long, and their refs have the longRef bit set. Blocks are only
// appended to, so bytes once written never change. The zero Arena is empty
// and ready to use.
type Arena struct {
	blocks [][]byte
	long   []string
}

// Add returns a ref to a copy of s.
func (a *Arena) Add(s string) uint32 {
	need := len(s) + 1
	if len(s) >= 0x80 {
		need++
	}
	if len(s) <= maxPacked {
		last := len(a.blocks) - 1
		if last < 0 || len(a.blocks[last])+need > blockSize {
			if len(a.blocks) < maxBlocks {
				a.blocks = append(a.blocks, make([]byte, 0, blockSize))
				last++
			}
		}
		if b := a.blocks[last]; len(b)+need <= blockSize {
			a.blocks[last] = append(binary.AppendUvarint(b, uint64(len(s))), s...)
			return uint32(last)<<blockBits | uint32(len(b))
		}
	}
	a.long = append(a.long, strings.Clone(s))
	return longRef | uint32(len(a.long)-1)
}

// Get returns the string ref names. It does not copy: the string's bytes
// are in a block, where they never change.
func (a *Arena) Get(ref uint32) string {
	if ref&longRef != 0 {
		return a.long[ref&^longRef]
	}
	b := a.blocks[ref>>blockBits][ref&(blockSize-1):]
	n, k := binary.Uvarint(b)
	if n == 0 {
		return ""
	}
	// Gain: no copy of the string, and no allocation, for each look-up
	// of a table (docs/scale.md, "Speed machinery").
	return unsafe.String(&b[k], int(n))
}
