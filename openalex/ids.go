package openalex

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// entityID returns the short form of an OpenAlex id such as
// "https://openalex.org/W2741809807": its letter, in upper case, and its
// digits ("W2741809807"), or "" if s is not an OpenAlex id. The letter says
// what the record is: W a work, A an author, I an institution, S a source,
// and so on.
func entityID(s string) string {
	rest, ok := cutPrefixFold(s, "https://openalex.org/")
	if !ok {
		rest, ok = cutPrefixFold(s, "http://openalex.org/")
	}
	if !ok {
		rest = s
	}
	if len(rest) < 2 || len(rest) > 13 || !isASCIILetter(rest[0]) || rest[1] < '1' || rest[1] > '9' {
		return ""
	}
	for i := 2; i < len(rest); i++ {
		if rest[i] < '0' || rest[i] > '9' {
			return ""
		}
	}
	return strings.ToUpper(rest[:1]) + rest[1:]
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// foldings are the Latin letters with diacritics that slugs spell without
// them (after lower-casing).
var foldings = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a", "ā", "a", "ă", "a", "ą", "a",
	"ç", "c", "ć", "c", "č", "c", "ď", "d", "đ", "d",
	"è", "e", "é", "e", "ê", "e", "ë", "e", "ē", "e", "ė", "e", "ę", "e", "ě", "e",
	"ğ", "g", "ì", "i", "í", "i", "î", "i", "ï", "i", "ī", "i", "ı", "i",
	"ł", "l", "ñ", "n", "ń", "n", "ň", "n",
	"ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ø", "o", "ō", "o", "ő", "o",
	"ř", "r", "ś", "s", "š", "s", "ş", "s", "ș", "s", "ß", "ss", "ť", "t", "ţ", "t", "ț", "t",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ū", "u", "ů", "u", "ű", "u",
	"ý", "y", "ÿ", "y", "ź", "z", "ż", "z", "ž", "z",
	"æ", "ae", "œ", "oe", "þ", "th", "ð", "d",
)

// slug returns s as an id: lower-case ASCII letters and digits in words
// joined by single hyphens, at most maxWords words and 60 bytes, or "" if
// s has no ASCII letter or digit once its diacritics are dropped.
func slug(s string, maxWords int) string {
	s = foldings.Replace(strings.ToLower(s))
	var b strings.Builder
	words := 0
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}) {
		if words == maxWords || words > 0 && b.Len()+1+len(w) > 60 {
			break
		}
		if words > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w[:min(len(w), 60)])
		words++
	}
	return b.String()
}

// A minter mints ids unique in one file: a base, or the base with the
// smallest suffix "-2", "-3", … not yet given. It remembers the next
// suffix of each base, so minting n ids costs O(n) whatever the
// duplicates. The zero minter is not usable; see newMinter.
type minter struct {
	taken map[string]bool
	next  map[string]int // base → the smallest suffix not yet tried
	tries int            // ids looked at, for the test of linear cost
}

func newMinter() *minter {
	return &minter{taken: make(map[string]bool), next: make(map[string]int)}
}

// mint returns a fresh id made of base, or of fallback when base is "".
func (m *minter) mint(base, fallback string) string {
	if base == "" {
		base = fallback
	}
	id := base
	n := max(m.next[base], 2)
	for m.tries++; m.taken[id]; m.tries++ {
		id = base + "-" + strconv.Itoa(n)
		n++
	}
	m.next[base] = n
	m.taken[id] = true
	return id
}

// clean returns s as the model holds text on one line, such as a title or
// a name: white space, control characters and Unicode noncharacters (which
// validation refuses) as single spaces, none at either end.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || isNonCharacter(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether clean(s) == s, cheaply for the common case of
// printable ASCII.
func isClean(s string) bool {
	prevSpace := true // no space at the start
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return isCleanRunes(s)
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if c < ' ' || c == 0x7f {
			return false
		}
		prevSpace = false
	}
	return len(s) == 0 || s[len(s)-1] != ' '
}

func isCleanRunes(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	prevSpace := true
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case unicode.IsSpace(r) || unicode.IsControl(r) || isNonCharacter(r):
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace
}

// isNonCharacter reports whether r is one of Unicode's 66 noncharacters.
func isNonCharacter(r rune) bool {
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE && r <= unicode.MaxRune
}
