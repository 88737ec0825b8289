package biblio

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// symbols are LaTeX commands without arguments and the text they stand for.
var symbols = map[string]string{
	"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
	"aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
	"th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
	"&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ",
	",": "\u2009", ";": "\u2009", "/": "", "-": "", "@": "",
	"textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
	"textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
	"textquotesingle": "'", "textasciitilde": "~", "textasciicircum": "^", "textbackslash": "\\",
	"textbraceleft": "{", "textbraceright": "}",
	"textbar": "|", "textless": "<", "textgreater": ">", "textunderscore": "_",
	"copyright": "©", "textcopyright": "©", "textregistered": "®", "texttrademark": "™",
	"S": "§", "P": "¶", "dag": "†", "ddag": "‡", "pounds": "£", "euro": "€", "textdegree": "°",
	"LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "relax": "", "protect": "", "noopsort": "",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "lambda": "λ",
	"mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ", "phi": "φ", "omega": "ω", "ell": "ℓ",
	"times": "×", "infty": "∞", "leq": "≤", "geq": "≥", "pm": "±", "cdot": "·",
}

// toUnicode turns the LaTeX of a BibTeX field into plain Unicode text:
// accents and common commands become the characters they make, "--" and
// "---" dashes, "~" a no-break space (a space in names), “ and ”
// curly quotes, and braces, which protect capitals or group, are removed.
// Runs of white space become one space. Unknown commands leave their
// arguments as text.
func toUnicode(s string, inName bool) string {
	var b strings.Builder
	c := latexConv{src: s, inName: inName}
	c.run(&b)
	return collapse(b.String())
}

// collapse trims s and makes each run of ASCII white space one space; a
// no-break space stays.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
	}), " ")
}

type latexConv struct {
	src    string
	i      int
	inName bool
}

func (c *latexConv) run(b *strings.Builder) {
	for c.i < len(c.src) {
		ch := c.src[c.i]
		switch {
		case ch == '{' || ch == '}':
			c.i++
		case ch == '\\':
			c.command(b)
		case ch == '~':
			c.i++
			if c.inName {
				b.WriteByte(' ')
			} else {
				b.WriteString("\u00a0")
			}
		case ch == '$':
			c.i++ // math shifts go; the formula's text stays
		case strings.HasPrefix(c.src[c.i:], "---"):
			c.i += 3
			b.WriteString("—")
		case strings.HasPrefix(c.src[c.i:], "--"):
			c.i += 2
			b.WriteString("–")
		case strings.HasPrefix(c.src[c.i:], "``"):
			c.i += 2
			b.WriteString("“")
		case strings.HasPrefix(c.src[c.i:], "''"):
			c.i += 2
			b.WriteString("”")
		case ch == '\n' || ch == '\t' || ch == '\r':
			c.i++
			b.WriteByte(' ')
		default:
			_, n := utf8.DecodeRuneInString(c.src[c.i:])
			b.WriteString(c.src[c.i : c.i+n])
			c.i += n
		}
	}
}

// command converts the command at c.i, a backslash.
func (c *latexConv) command(b *strings.Builder) {
	c.i++ // the backslash
	if c.i >= len(c.src) {
		return
	}
	var name string
	if r := rune(c.src[c.i]); r < utf8.RuneSelf && unicode.IsLetter(r) {
		j := c.i
		for j < len(c.src) && c.src[j] < utf8.RuneSelf && unicode.IsLetter(rune(c.src[j])) {
			j++
		}
		name = c.src[c.i:j]
		c.i = j
	} else {
		_, n := utf8.DecodeRuneInString(c.src[c.i:])
		name = c.src[c.i : c.i+n]
		c.i += n
	}
	if pairs, ok := accents[name]; ok && (len(name) != 1 || !unicode.IsLetter(rune(name[0])) || c.peekArg()) {
		c.accent(b, pairs)
		return
	}
	if len(name) > 1 || unicode.IsLetter(rune(name[0])) {
		// A control word eats the spaces after it.
		for c.i < len(c.src) && c.src[c.i] == ' ' {
			c.i++
		}
	}
	if s, ok := symbols[name]; ok {
		// {} after a control word, as in \ss{}, is only a delimiter.
		if strings.HasPrefix(c.src[c.i:], "{}") {
			c.i += 2
		}
		b.WriteString(s)
		return
	}
	switch name {
	case "href":
		c.arg() // the URL goes; the text stays
		return
	case "ensuremath", "mathrm":
		return
	}
	// Any other command goes, and its arguments stay as text.
}

// peekArg reports whether a letter accent (\c, \u, \v, …) has an
// argument: a brace, a space then a letter, or a letter right after it
// would have made a longer command name, so only braces and spaces count.
func (c *latexConv) peekArg() bool {
	return c.i < len(c.src) && (c.src[c.i] == '{' || c.src[c.i] == ' ')
}

// accent applies an accent to its argument: a letter, \i or \j, or a
// braced group of one of them.
func (c *latexConv) accent(b *strings.Builder, pairs string) {
	for c.i < len(c.src) && c.src[c.i] == ' ' {
		c.i++
	}
	arg := c.arg()
	base := strings.TrimSpace(strings.Trim(arg, "{}"))
	switch base {
	case `\i`, `\i{}`:
		base = "i"
	case `\j`, `\j{}`:
		base = "j"
	}
	if r, n := utf8.DecodeRuneInString(base); n == len(base) && n > 0 {
		if k := strings.IndexRune(pairs, r); k >= 0 {
			_, m := utf8.DecodeRuneInString(pairs[k+n:])
			b.WriteString(pairs[k+n : k+n+m])
			return
		}
	}
	b.WriteString(toUnicode(base, c.inName)) // an accent we cannot compose is dropped
}

// arg consumes one argument: a braced group, whose text it returns with
// its braces, or one character.
func (c *latexConv) arg() string {
	if c.i >= len(c.src) {
		return ""
	}
	if c.src[c.i] != '{' {
		if c.src[c.i] == '\\' {
			j := c.i + 1
			for j < len(c.src) && unicode.IsLetter(rune(c.src[j])) {
				j++
			}
			if j == c.i+1 && j < len(c.src) {
				j++
			}
			s := c.src[c.i:j]
			c.i = j
			return s
		}
		_, n := utf8.DecodeRuneInString(c.src[c.i:])
		s := c.src[c.i : c.i+n]
		c.i += n
		return s
	}
	depth, start := 0, c.i
	for c.i < len(c.src) {
		switch c.src[c.i] {
		case '{':
			depth++
		case '}':
			depth--
		}
		c.i++
		if depth == 0 {
			break
		}
	}
	return c.src[start:c.i]
}

// verbatims are the escapes that a verbatim field (a URL, a DOI) may
// hold, as [escapeURL] writes them and reference managers do.
var verbatims = strings.NewReplacer(`\%`, "%", `\#`, "#", `\_`, "_", `\&`, "&", `\{`, "{", `\}`, "}", `\~`, "~",
	`\textbraceleft{}`, "{", `\textbraceright{}`, "}", `\textasciitilde{}`, "~", "{", "", "}", "")

// verbatim returns the text of a verbatim field such as a URL, as biber
// reads it: escapes of special characters undone and other braces gone,
// but no dashes, no-break spaces or accents made of what is a URL's text.
func verbatim(s string) string {
	return strings.TrimSpace(verbatims.Replace(s))
}
