package fast

import (
	"hash/maphash"
	"iter"
	"maps"
	"strings"
)

// A Table maps strings to uint32 values, exactly. It keeps each string
// once, in an [Arena], and finds it by its 64-bit hash: a map of hash to
// entry holds no pointers, so it costs the garbage collector nothing and
// takes no more memory than a map of the hash alone. A string whose hash
// an earlier, different string has (about one in 2⁶⁴ pairs) goes to the
// map more, so a collision costs a second lookup, never a wrong answer.
type Table struct {
	keys  *Arena
	seed  maphash.Seed
	first map[uint64]entry  // hash → the first string with it
	more  map[string]uint32 // strings whose hash is in first for another string
}

// An entry is a string of a Table (an Arena ref) and its value.
type entry struct{ key, val uint32 }

// NewTable returns an empty Table that keeps its strings in keys, which
// several Tables may share.
func NewTable(keys *Arena) *Table {
	return &Table{keys: keys, seed: maphash.MakeSeed(), first: map[uint64]entry{}}
}

// Get returns the value of s, if s is in t.
func (t *Table) Get(s string) (uint32, bool) {
	e, ok := t.first[maphash.String(t.seed, s)]
	if !ok {
		return 0, false
	}
	if t.keys.Get(e.key) == s {
		return e.val, true
	}
	v, ok := t.more[s]
	return v, ok
}

// Add maps s to v unless s is in t already. It returns the value of s and
// whether it was added.
func (t *Table) Add(s string, v uint32) (uint32, bool) {
	h := maphash.String(t.seed, s)
	e, ok := t.first[h]
	switch {
	case !ok:
		t.first[h] = entry{key: t.keys.Add(s), val: v}
		return v, true
	case t.keys.Get(e.key) == s:
		return e.val, false
	}
	if w, ok := t.more[s]; ok {
		return w, false
	}
	if t.more == nil {
		t.more = map[string]uint32{}
	}
	t.more[strings.Clone(s)] = v
	return v, true
}

// Values returns the values of t, in no particular order.
func (t *Table) Values() iter.Seq[uint32] {
	return func(yield func(uint32) bool) {
		for _, e := range t.first {
			if !yield(e.val) {
				return
			}
		}
		for v := range maps.Values(t.more) {
			if !yield(v) {
				return
			}
		}
	}
}
