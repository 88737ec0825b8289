package biblio

import (
	"strconv"
	"strings"
)

// mintID makes a publication id of a citation key: lower case, with runs
// of other characters than letters and digits as one hyphen, unique in
// the file.
func (r *bibReader) mintID(key string) string {
	base := slug(strings.TrimPrefix(key, "DBLP:"))
	if base == "" {
		base = "entry"
	}
	// The suffix tried next for a stem is kept, so that minting n ids of
	// one stem costs n probes, not n²/2.
	id := base
	for r.ids[id] {
		n := max(r.next[base], 2)
		r.next[base] = n + 1
		id = base + "-" + strconv.Itoa(n)
	}
	r.ids[id] = true
	return id
}

// slug lower-cases s to letters, digits and single hyphens, at most 80
// bytes long.
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, c := range strings.ToLower(toUnicode(s, true)) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(c)
		default:
			if folded, ok := fold[c]; ok {
				if hyphen && b.Len() > 0 {
					b.WriteByte('-')
				}
				hyphen = false
				b.WriteString(folded)
				continue
			}
			hyphen = true
		}
		if b.Len() >= 80 {
			break
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// fold maps common accented letters to ASCII, for ids.
var fold = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'ø': "o", 'æ': "ae", 'œ': "oe", 'ł': "l", 'ı': "i", 'ð': "d", 'þ': "th"}
	for _, pairs := range accents {
		rs := []rune(pairs)
		for i := 0; i+1 < len(rs); i += 2 {
			if rs[i] >= 'a' && rs[i] <= 'z' {
				m[rs[i+1]] = string(rs[i])
			}
		}
	}
	return m
}()
