package biblio

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A name is a person's name in BibTeX's four parts, as Unicode text.
// A corporate name, braced in BibTeX, has only Last.
type name struct {
	First, Von, Last, Jr string
	Corporate            bool
}

// named reports whether n has a name: a first, von or last part that is
// not all white space. A name with none, such as "{}", "~" or an empty
// item of a name list, names nobody.
func (n name) named() bool {
	return strings.TrimFunc(n.First+n.Von+n.Last, unicode.IsSpace) != ""
}

// display returns the name as shown: "First von Last", with ", Jr" after.
func (n name) display() string {
	s := strings.Join(nonEmpty(n.First, n.Von, n.Last), " ")
	if n.Jr != "" {
		s += ", " + n.Jr
	}
	return s
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// isOthers reports whether an item of a BibTeX name list is the keyword
// "others", which marks the list as truncated ("and others", printed "et
// al."). biber takes it in any case and also braced ("{others}"), as
// pandoc does at the end of a list; BibTeX's standard styles take only a
// final, bare, lower-case "others". Both take it at the end of the list;
// this package reads all these forms, and an "others" before the end too
// (as biber does), with a warning.
func isOthers(item string) bool {
	return strings.EqualFold(item, "others") || strings.EqualFold(item, "{others}")
}

// splitAnd splits a BibTeX name list at the word "and" outside braces.
func splitAnd(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		}
		if depth == 0 && i > 0 && isSpace(s[i-1]) && i+4 <= len(s) && strings.EqualFold(s[i:i+3], "and") && isSpace(s[i+3]) {
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 3
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '~' }

// splitDepth0 splits s at sep outside braces.
func splitDepth0(s string, sep func(byte) bool) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '{':
			depth++
		case s[i] == '}':
			depth--
		case depth == 0 && sep(s[i]):
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	out = append(out, s[start:])
	var words []string
	for _, w := range out {
		if w = strings.TrimSpace(w); w != "" || !sep(' ') {
			words = append(words, w)
		}
	}
	return words
}

// parseName parses one BibTeX name, in LaTeX, in the forms "First von
// Last", "von Last, First" and "von Last, Jr, First", as BibTeX does: the
// von part is the run of words that start in lower case. A name wholly in
// braces, such as "{Google DeepMind}", is a corporate name.
func parseName(s string) name {
	s = strings.TrimSpace(s)
	if len(s) > 1 && s[0] == '{' && matchingBrace(s) == len(s)-1 {
		return name{Last: toUnicode(s, true), Corporate: true}
	}
	parts := splitDepth0(s, func(c byte) bool { return c == ',' })
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	words := func(s string) []string { return splitDepth0(s, isSpace) }
	var n name
	var first, vonLast []string
	switch len(parts) {
	case 1:
		w := words(parts[0])
		if len(w) == 0 {
			return name{} // white space only, such as "~"
		}
		// First is the words before the first lower-case one, but the last
		// word is always Last.
		k := len(w) - 1
		for i := 0; i < len(w)-1; i++ {
			if lowerWord(w[i]) {
				k = i
				break
			}
		}
		first, vonLast = w[:k], w[k:]
	case 2:
		vonLast, first = words(parts[0]), words(parts[1])
	default:
		vonLast, first = words(parts[0]), words(strings.Join(parts[2:], ","))
		n.Jr = toUnicode(parts[1], true)
	}
	// In von Last, the von part runs to the last lower-case word that is
	// not the last word.
	v := 0
	for i := 0; i < len(vonLast)-1; i++ {
		if lowerWord(vonLast[i]) {
			v = i + 1
		}
	}
	n.First = toUnicode(strings.Join(first, " "), true)
	n.Von = toUnicode(strings.Join(vonLast[:v], " "), true)
	n.Last = toUnicode(strings.Join(vonLast[v:], " "), true)
	return n
}

// matchingBrace returns the offset of the brace closing the one at s[0].
func matchingBrace(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// lowerWord reports whether a word starts in lower case, as BibTeX sees
// it: its first letter outside braces, or the letter of a special
// character such as {\"o} at its start. A word in braces has no case.
func lowerWord(w string) bool {
	depth := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '{':
			if depth == 0 && i+1 < len(w) && w[i+1] == '\\' {
				// A special character: its case is that of its letter.
				r, _ := utf8.DecodeRuneInString(toUnicode(w[i:], true))
				return unicode.IsLower(r)
			}
			depth++
		case c == '}':
			depth--
		case depth == 0 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf):
			r, _ := utf8.DecodeRuneInString(w[i:])
			return unicode.IsLower(r)
		}
	}
	return false
}

// suffixes are the words that make the Jr part of a display name.
var suffixes = map[string]bool{"Jr": true, "Jr.": true, "Sr": true, "Sr.": true, "II": true, "III": true, "IV": true}

// splitDisplay splits a display name into BibTeX's parts, as BibTeX would
// split the name written "First von Last": the last word is Last, unless
// it is a suffix such as "Jr." (also after a comma), and the lower-case
// words before it the von part.
func splitDisplay(display string) name {
	var n name
	s := strings.TrimSpace(display)
	if base, jr, ok := strings.Cut(s, ", "); ok && suffixes[strings.TrimSpace(jr)] {
		s, n.Jr = base, strings.TrimSpace(jr)
	}
	w := strings.Fields(s)
	if n.Jr == "" && len(w) > 2 && suffixes[w[len(w)-1]] {
		n.Jr, w = w[len(w)-1], w[:len(w)-1]
	}
	if len(w) == 0 {
		return n
	}
	k := len(w) - 1
	for i := 1; i < len(w)-1; i++ {
		if r, _ := utf8.DecodeRuneInString(w[i]); unicode.IsLower(r) {
			k = i
			break
		}
	}
	n.First = strings.Join(w[:k], " ")
	j := k
	for i := k; i < len(w)-1; i++ {
		if r, _ := utf8.DecodeRuneInString(w[i]); unicode.IsLower(r) {
			j = i + 1
		}
	}
	n.Von = strings.Join(w[k:j], " ")
	n.Last = strings.Join(w[j:], " ")
	return n
}

// bibName writes a name for a BibTeX name list, in the form "von Last,
// Jr, First" (or "von Last, First"), which says where each part ends,
// with a word "and" braced in any part, as it would otherwise end the
// name. A corporate name is braced whole, and so is any name that would
// not read back as itself, such as "Acme, Inc.", whose comma would make
// "Inc." a first name: what is written is read back (by [parseName], as
// biber reads it) before it is returned.
func bibName(n name) string {
	want := collapse(n.display())
	if n.First == "" && n.Von == "" && n.Jr == "" && strings.EqualFold(n.Last, "others") {
		// Braced whole, it would read as "and others": brace a letter.
		return "{" + n.Last[:1] + "}" + n.Last[1:]
	}
	whole := "{" + escapeLaTeX(want) + "}"
	if n.Corporate || n.First == "" && n.Von == "" && n.Jr == "" && strings.ContainsAny(n.Last, " ,") {
		return whole
	}
	last := braceAnd(escapeLaTeX(n.Last))
	if strings.ContainsAny(n.Last, " ,") || n.Von == "" && lowerWord(last) {
		last = "{" + last + "}" // a Last of several words is one word
	}
	s := strings.Join(nonEmpty(braceAnd(escapeLaTeX(n.Von)), last), " ")
	if n.Jr != "" {
		s += ", " + braceAnd(escapeLaTeX(n.Jr))
	}
	if n.First != "" {
		s += ", " + braceAnd(escapeLaTeX(n.First))
	}
	if items := splitAnd(s); len(items) != 1 || isOthers(items[0]) || collapse(parseName(s).display()) != want {
		return whole
	}
	return s
}

// braceAnd braces a word "and" in a name part, which would otherwise
// separate two names.
func braceAnd(s string) string {
	w := strings.Fields(s)
	for i := range w {
		if strings.EqualFold(w[i], "and") {
			w[i] = "{" + w[i] + "}"
		}
	}
	return strings.Join(w, " ")
}
