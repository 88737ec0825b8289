package biblio

import (
	"strings"
	"unicode"
)

// This file writes Unicode text as BibTeX field text. It is hand-written,
// not a strings.Replacer, because what a character becomes depends on
// the text around it: BibTeX counts braces whether or not a backslash
// comes before them (a title "The set {x" written "The set \{x" leaves
// the entry open, and biber refuses the file), and "--", "``" and "''"
// are ligatures that readers turn into dashes and quotes. FuzzWriteBibTeX
// and TestWriteBiber check it, through this package's reader and biber.

// matchedBraces returns, for the text s, which of its braces have a
// partner: a { with a } after it, paired as parentheses are. Only those
// can be written \{ and \}, which BibTeX counts as a pair.
func matchedBraces(s string) map[int]bool {
	var open []int
	var matched map[int]bool
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			open = append(open, i)
		case '}':
			if len(open) > 0 {
				if matched == nil {
					matched = make(map[int]bool)
				}
				matched[open[len(open)-1]], matched[i] = true, true
				open = open[:len(open)-1]
			}
		}
	}
	return matched
}

// A texWriter writes text as BibTeX field text.
type texWriter struct {
	b       strings.Builder
	matched map[int]bool // the braces of the text that have a partner
	last    byte         // the last byte written
}

// escapeLaTeX writes Unicode text as BibTeX field text: the characters
// special to TeX are escaped, runs of white space are one space (as
// readers take them: no line of the field can then start with @), and
// everything else stays UTF-8, which biber and pandoc read. Dashes are
// written -- and ---, so that a page range reads as BibTeX expects, and
// hyphens, backquotes and quotes that would make a ligature with the
// character before them are kept apart with {}. Braces that pair up are
// written \{ and \}, and a brace without a partner \textbraceleft{} or
// \textbraceright{}, so that the braces of a field always balance, as
// BibTeX and biber count them (biber and LaTeX print the brace; pandoc
// drops the command).
func escapeLaTeX(s string) string {
	s = collapse(s)
	w := texWriter{matched: matchedBraces(s)}
	w.text(s, 0)
	return w.b.String()
}

// text writes s, which starts at offset off of the text the braces were
// matched in.
func (w *texWriter) text(s string, off int) {
	for i, r := range s {
		var out string
		switch r {
		case '&', '%', '$', '#', '_':
			out = `\` + string(r)
		case '{':
			out = `\textbraceleft{}`
			if w.matched[off+i] {
				out = `\{`
			}
		case '}':
			out = `\textbraceright{}`
			if w.matched[off+i] {
				out = `\}`
			}
		case '~':
			out = `\textasciitilde{}`
		case '^':
			out = `\textasciicircum{}`
		case '\\':
			out = `\textbackslash{}`
		case '–':
			out = "--"
		case '—':
			out = "---"
		case '\u00a0':
			out = "~"
		case '"':
			out = `{"}` // a bare quote would end a quoted field in some readers
		case '-', '`', '\'':
			out = string(r)
		default:
			out = string(r)
		}
		if (out[0] == '-' || out[0] == '`' || out[0] == '\'') && w.last == out[0] {
			w.b.WriteString("{}") // not a ligature with the one before
		}
		w.b.WriteString(out)
		w.last = out[len(out)-1]
	}
}

// raw writes s as it is: braces of the writer's own.
func (w *texWriter) raw(s string) {
	w.b.WriteString(s)
	w.last = s[len(s)-1]
}

// protectTitle escapes a title and braces the words whose capitals a
// style must not lower, as biber and pandoc lower the others when they
// make a title sentence case: every word with a capital that is not a
// capitalised ordinary word, such as "NFA", "TD(0)", "R", "GPT-4" or
// "iPhone". "Package" is a capitalised ordinary word, and is left to the
// style, as is a proper noun such as "Fourier", which the text cannot
// tell from one.
func protectTitle(s string) string {
	s = collapse(s)
	w := texWriter{matched: matchedBraces(s)}
	off := 0
	for i, wd := range strings.Split(s, " ") {
		if i > 0 {
			w.raw(" ")
		}
		if mustProtect(wd, i == 0) {
			w.raw("{")
			w.text(wd, off)
			w.raw("}")
		} else {
			w.text(wd, off)
		}
		off += len(wd) + 1
	}
	return w.b.String()
}

// mustProtect reports whether a word of a title has capitals a style
// must keep: it has a capital, and it is not a capitalised ordinary word
// (a capital followed by at least one lower-case letter and no other
// letters or digits, punctuation aside), nor, as the first word of the
// title, whose capital every style keeps, a capital alone ("A").
func mustProtect(wd string, firstWord bool) bool {
	upper, lower, other := 0, 0, false
	first := true
	for _, r := range wd {
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			upper++
			if !first {
				other = true
			}
		case unicode.IsLower(r):
			lower++
			if first {
				other = true // "iPhone"
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			other = true
		default:
			continue // punctuation
		}
		first = false
	}
	return upper > 0 && (other || lower == 0 && !(firstWord && upper == 1))
}

// escapeURL escapes in a URL only what would break the field: braces, as
// \textbraceleft{} and \textbraceright{} so that BibTeX's count of braces
// stays balanced, and percent and hash signs, which TeX reads as a
// comment and a parameter.
func escapeURL(s string) string {
	return strings.NewReplacer(`%`, `\%`, `{`, `\textbraceleft{}`, `}`, `\textbraceright{}`, `#`, `\#`).Replace(s)
}
