package jsonimport

import (
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/publication"
)

// maxSlug is the longest id Slug makes, leaving room for a suffix within
// the 100 bytes that validation allows.
const maxSlug = 88

// Slug returns s as an id: its ASCII letters (in lower case) and digits,
// each run of other characters made one hyphen, at most 88 bytes long, or
// "" if s has no ASCII letter or digit. A DOI such as
// "10.7554/eLife.01567" becomes "10-7554-elife-01567".
func Slug(s string) string {
	b := make([]byte, 0, min(len(s), maxSlug))
	hyphen := false
	for i := 0; i < len(s) && len(b) < maxSlug; i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			hyphen = true
			continue
		}
		if hyphen && len(b) > 0 {
			if len(b)+2 > maxSlug {
				break // no room for a hyphen and a character
			}
			b = append(b, '-')
		}
		hyphen = false
		b = append(b, c)
	}
	return string(b)
}

// DOISlug returns the id of a publication whose DOI is doi: [Slug] of it,
// or "" for the zero DOI.
func DOISlug(doi publication.DOI) string { return Slug(string(doi)) }

// IDs mints ids unique among those it minted. It remembers, for each
// base, the suffix to try next, so that minting n ids costs O(n) however
// many share a base. The zero IDs is not ready to use; call [NewIDs].
type IDs struct {
	taken map[string]bool
	next  map[string]int // base → the smallest suffix not yet tried
}

// NewIDs returns an IDs that has minted nothing.
func NewIDs() *IDs { return &IDs{taken: make(map[string]bool), next: make(map[string]int)} }

// Mint returns base, or base with the smallest suffix "-2", "-3", … that
// is not taken, and takes it. An empty base is fallback.
func (x *IDs) Mint(base, fallback string) string {
	if base == "" {
		base = fallback
	}
	id := base
	n := max(x.next[base], 2)
	for x.taken[id] {
		id = base + "-" + strconv.Itoa(n)
		n++
	}
	x.next[base] = n
	x.taken[id] = true
	return id
}

// TitleSlug returns an id made of the first words of a title, for a
// record without a DOI, or "".
func TitleSlug(title string) string {
	s := Slug(title)
	if len(s) > 48 {
		s = s[:48]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
	}
	return s
}
