package openalex

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/scholarld/scholarld/source"
)

// A wordAt is a word of an abstract at its place.
type wordAt struct {
	pos  int64
	word string
}

// maxGap bounds the places of an abstract's words: an inverted index of
// n words names places below 2n+maxGap. OpenAlex's name places 0 to n-1;
// the bound keeps an index naming place 10⁹ from taking memory.
const maxGap = 64

// abstract rebuilds a work's abstract from its inverted index, raw at
// offset off: an object from each word to the places (from 0) where it
// stands, such as {"Despite": [0], "in": [3, 57]}. The words are put in
// their places and joined by spaces, in time linear in the index. An
// index whose places leave more gaps than [maxGap] allows is a warning,
// and no abstract.
func (d *decoder) abstract(raw jsontext.Value, off int64) string {
	const name = "abstract_inverted_index"
	switch raw.Kind() {
	case 'n':
		return ""
	case '{':
	default:
		d.fail(off, name, fmt.Errorf("%s where an object belongs: %w", kindName(raw.Kind()), source.ErrType))
		return ""
	}
	d.words = d.words[:0]
	last, length := int64(-1), 0
	dec := d.sub
	dec.Reset(bytes.NewBuffer(raw))
	dec.ReadToken() // {; raw is valid JSON
	for dec.PeekKind() != '}' {
		tok, _ := dec.ReadToken()
		word := tok.String()
		if dec.PeekKind() != '[' {
			at := off + valueStart(dec)
			d.fail(at, name+"."+word, fmt.Errorf("%s where an array of places belongs: %w", kindName(dec.PeekKind()), source.ErrType))
			dec.SkipValue()
			continue
		}
		dec.ReadToken() // [
		for i := 0; dec.PeekKind() != ']'; i++ {
			v, _ := dec.ReadValue()
			n, err := strconv.ParseInt(string(v), 10, 64)
			if v.Kind() != '0' || err != nil || n < 0 {
				at := off + dec.InputOffset() - int64(len(v))
				d.fail(at, fmt.Sprintf("%s.%s[%d]", name, word, i), fmt.Errorf("%s where a place, a whole number from 0, belongs: %w", kindName(v.Kind()), source.ErrType))
				continue
			}
			d.words = append(d.words, wordAt{n, word})
			last = max(last, n)
			length += len(word) + 1
		}
		dec.ReadToken() // ]
	}
	if len(d.words) == 0 {
		return ""
	}
	if last >= int64(2*len(d.words)+maxGap) {
		d.warn(off, name, "places up to %d for %d words, gaps no abstract has", last, len(d.words))
		return ""
	}
	slots := make([]string, last+1)
	for _, w := range d.words {
		if slots[w.pos] == "" {
			slots[w.pos] = w.word
		}
	}
	var b strings.Builder
	b.Grow(length)
	for _, w := range slots {
		if w == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return clean(b.String())
}
