package jsonimport

import (
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean returns s as the model's text rule wants it: without surrounding
// white space, line ends as "\n", invalid UTF-8 replaced, and other
// control characters and Unicode's noncharacters (such as U+FFFE)
// removed.
func Clean(s string) string {
	if isClean(s) {
		return strings.TrimSpace(s)
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r != '\n' && r != '\t' && unicode.IsControl(r), isNonCharacter(r):
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// isClean reports whether s has no control character but tab and line
// feed, and is valid UTF-8.
func isClean(s string) bool {
	for i := range len(s) {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' || c == 0x7f || c >= 0x80 {
			return utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
				return r != '\n' && r != '\t' && unicode.IsControl(r) || isNonCharacter(r)
			})
		}
	}
	return true
}

// isNonCharacter reports whether r is one of Unicode's 66 noncharacters,
// which package validate refuses in text.
func isNonCharacter(r rune) bool {
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE
}

// Line returns [Clean](s) on one line, each run of white space made one
// space: for names and titles.
func Line(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// Quote returns s quoted as Go does, cut to its first n characters and an
// ellipsis if it is longer: for naming a value of the input in a message.
func Quote(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return strconv.Quote(s)
	}
	i := 0
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return strconv.Quote(s[:i]) + "…"
}

// snippetLen is how many bytes of the source a message quotes at most.
const snippetLen = 40

// Describe names v for a message: its kind and, but for null, true and
// false, its source text, cut to a few dozen bytes, such as
// `an array [[2014, 13, 40]]`.
func (d *Doc) Describe(v Value) string {
	switch k := v.Kind(); k {
	case Absent, Null, True, False:
		return k.String()
	default:
		return k.String() + " " + d.Snippet(v)
	}
}

// Snippet returns the source text of v, cut to a few dozen bytes with an
// ellipsis if it is longer, on one line.
func (d *Doc) Snippet(v Value) string {
	start, end := v.Offset(), v.End()
	if start < 0 || end > len(d.data) || start > end {
		return ""
	}
	cut := end-start > snippetLen
	if cut {
		end = start + snippetLen
		for end > start && !utf8.RuneStart(d.data[end]) {
			end--
		}
	}
	s := strings.Join(strings.Fields(string(d.data[start:end])), " ")
	if cut {
		s += "…"
	}
	return s
}

// blockElements are the elements of JATS and HTML that make paragraphs of
// their content, by local name.
var blockElements = map[string]bool{
	"p": true, "sec": true, "title": true, "list": true, "list-item": true, "abstract": true,
	"trans-abstract": true, "disp-quote": true, "boxed-text": true, "def-list": true, "def-item": true,
	"caption": true, "fig": true, "table-wrap": true, "statement": true,
	"div": true, "ul": true, "ol": true, "li": true, "blockquote": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "table": true, "tr": true, "pre": true,
}

// spaceElements are empty elements that stand for a space.
var spaceElements = map[string]bool{"break": true, "br": true, "hr": true}

// StripMarkup returns the text of s, a fragment of JATS XML (as Crossref
// gives abstracts and titles) or of HTML: tags are dropped, character
// references and entities decoded, white space within a paragraph made
// single spaces, and paragraphs (the content of p, sec, title, list-item
// and other block elements) separated by a blank line. A title that says
// only "Abstract" is dropped, since it heads most abstracts. A '<' that
// does not start a tag is kept as text. The result is [Clean].
func StripMarkup(s string) string {
	var paras []string
	var cur strings.Builder
	titleStart := -1 // the index in paras of the paragraph a title element began
	flush := func() {
		if t := Line(html.UnescapeString(cur.String())); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	noTagEnd := false // no '>' is left: every '<' from here is text
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 || noTagEnd {
			cur.WriteString(s[i:])
			break
		}
		cur.WriteString(s[i : i+lt])
		i += lt
		name, closing, ok := tagName(s[i:])
		if !ok {
			cur.WriteByte('<')
			i++
			continue
		}
		gt := strings.IndexByte(s[i:], '>')
		if gt < 0 {
			noTagEnd = true
			continue
		}
		selfClosing := gt > 0 && s[i+gt-1] == '/'
		i += gt + 1
		switch {
		case spaceElements[name]:
			cur.WriteByte(' ')
		case blockElements[name]:
			flush()
			switch {
			case name == "title" && !closing && !selfClosing:
				titleStart = len(paras)
			case name == "title" && closing && titleStart >= 0:
				if len(paras) == titleStart+1 && strings.EqualFold(paras[titleStart], "abstract") {
					paras = paras[:titleStart]
				}
				titleStart = -1
			}
		}
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// tagName returns the lower-case local name of the tag that s starts
// with (such as "p" for "<jats:p>" or "</P>"), whether it is a closing
// tag, and false if s starts with no tag: a '<' followed by a letter (or
// "/" and a letter), a name of letters, digits, ':', '.', '_' and '-',
// then white space, '/' or '>'. Comments and declarations ("<!", "<?")
// are tags without a name.
func tagName(s string) (name string, closing, ok bool) {
	i := 1
	if i < len(s) && (s[i] == '!' || s[i] == '?') {
		return "", false, true
	}
	if i < len(s) && s[i] == '/' {
		closing = true
		i++
	}
	start := i
	for i < len(s) && (isASCIILetter(s[i]) || i > start && (s[i] >= '0' && s[i] <= '9' || strings.IndexByte(":._-", s[i]) >= 0)) {
		i++
	}
	if i == start || i == len(s) || !strings.ContainsRune(" \t\r\n/>", rune(s[i])) {
		return "", false, false
	}
	name = strings.ToLower(s[start:i])
	if c := strings.LastIndexByte(name, ':'); c >= 0 {
		name = name[c+1:]
	}
	return name, closing, true
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// LooksLikeMarkup reports whether s holds HTML or XML markup: a closing
// tag or a line break tag. Plain text that merely holds a '<' does not.
func LooksLikeMarkup(s string) bool {
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			return false
		}
		i += lt
		if name, closing, ok := tagName(s[i:]); ok && (closing || name == "br" || name == "p") {
			return true
		}
		i++
	}
	return false
}

// Key returns a member name as a message writes it: itself if it is short
// and plain, else quoted and cut to its first few dozen characters.
func Key(name string) string {
	if len(name) <= 40 && !strings.ContainsFunc(name, func(r rune) bool {
		return !unicode.IsPrint(r) || unicode.IsSpace(r)
	}) {
		return name
	}
	return Quote(name, 40)
}

// IsEtAl reports whether name, an author's, says only that the list of
// authors goes on: "et al.", "et al" or "and others", in any case, as
// some registries give a truncated byline.
func IsEtAl(name string) bool {
	switch strings.ToLower(strings.Join(strings.Fields(name), " ")) {
	case "et al.", "et al", "et. al.", "and others", "others":
		return true
	}
	return false
}
