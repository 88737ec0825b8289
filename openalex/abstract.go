package openalex

import (
	"fmt"
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

// abstract rebuilds a work's abstract from its inverted index, the next
// value of dec, at offset off: an object from each word to the places
// (from 0) where it stands, such as {"Despite": [0], "in": [3, 57]}. The
// words are put in their places and joined by spaces, in time linear in
// the index. An index whose places leave more gaps than [maxGap] allows
// is a warning, and no abstract. The error returned is one of reading dec.
func (d *decoder) abstract(dec *jsontext.Decoder, off int64) (string, error) {
	const name = "abstract_inverted_index"
	switch k := dec.PeekKind(); k {
	case '{':
	default:
		if _, err := dec.ReadValue(); err != nil {
			return "", err
		}
		if k != 'n' {
			d.fail(off, name, fmt.Errorf("%s where an object belongs: %w", kindName(k), source.ErrType))
		}
		return "", nil
	}
	d.words = d.words[:0]
	last, length := int64(-1), 0
	if _, err := dec.ReadToken(); err != nil {
		return "", err
	}
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return "", err
		}
		word := tok.String()
		if k := dec.PeekKind(); k != '[' {
			at := valueStart(dec)
			if _, err := dec.ReadValue(); err != nil {
				return "", err
			}
			d.fail(at, name+"."+word, fmt.Errorf("%s where an array of places belongs: %w", kindName(k), source.ErrType))
			continue
		}
		if _, err := dec.ReadToken(); err != nil {
			return "", err
		}
		for i := 0; dec.PeekKind() != ']'; i++ {
			v, err := dec.ReadValue()
			if err != nil {
				return "", err
			}
			n, ok := place(v)
			if !ok {
				at := dec.InputOffset() - int64(len(v))
				d.fail(at, fmt.Sprintf("%s.%s[%d]", name, word, i), fmt.Errorf("%s where a place, a whole number from 0, belongs: %w", kindName(v.Kind()), source.ErrType))
				continue
			}
			d.words = append(d.words, wordAt{n, word})
			last = max(last, n)
			length += len(word) + 1
		}
		if _, err := dec.ReadToken(); err != nil {
			return "", err
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		return "", err
	}
	if len(d.words) == 0 {
		return "", nil
	}
	if last >= int64(2*len(d.words)+maxGap) {
		d.warn(off, name, "places up to %d for %d words, gaps no abstract has", last, len(d.words))
		return "", nil
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
	return clean(b.String()), nil
}

// place returns the number v is, if it is a whole number from 0 written
// with digits only, below 10¹⁸.
func place(v jsontext.Value) (int64, bool) {
	if len(v) == 0 || len(v) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}
