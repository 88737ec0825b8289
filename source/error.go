package source

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors wrapped by the [*Error] values that decoding returns, for
// use with [errors.Is].
var (
	ErrSyntax       = errors.New("syntax error")
	ErrUnknownField = errors.New("unknown field")
	ErrDuplicateKey = errors.New("duplicate key")
	ErrType         = errors.New("wrong type")
	ErrTooLarge     = errors.New("input too large")
)

// Pos is a place in an input file. String formats it "file:line:col"
// as go/token does. Line and Column are 1-based; zero means unknown.
type Pos struct {
	File         string
	Line, Column int
}

// IsValid reports whether the position has a line number.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String returns "file:line:col", "file:line" when the column is unknown,
// or just the file name when the line is unknown.
func (p Pos) String() string {
	s := p.File
	if s == "" {
		s = "-"
	}
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Column > 0 {
			s += fmt.Sprintf(":%d", p.Column)
		}
	}
	return s
}

// compare orders positions by file, line and column.
func (p Pos) compare(q Pos) int {
	return cmp.Or(
		strings.Compare(p.File, q.File),
		cmp.Compare(p.Line, q.Line),
		cmp.Compare(p.Column, q.Column),
	)
}

// An Error is a problem with one value of an input document.
type Error struct {
	Pos  Pos
	Path string // YAML path such as "people[0].positions[1].start"; empty for syntax errors
	Err  error  // the cause, often wrapping a sentinel such as ErrUnknownField
}

// Error returns "file:line:col: path: cause", leaving out the path when it
// is empty. It is one line of printable text whatever the input held:
// control characters (terminal escapes, line breaks) and Unicode's
// formatting characters in file names, keys or values are written as Go
// escapes, such as \x1b, and a path longer than 200 bytes is cut in its
// middle.
func (e *Error) Error() string {
	var s string
	if e.Path == "" {
		s = fmt.Sprintf("%v: %v", e.Pos, e.Err)
	} else {
		s = fmt.Sprintf("%v: %s: %v", e.Pos, shorten(e.Path, 200), e.Err)
	}
	return Printable(s)
}

// Printable returns s with every control character, formatting character
// (such as U+202E, which reverses the text after it) and invalid byte
// written as a Go escape, so that s can be printed to a terminal as it is.
func Printable(s string) string {
	if !strings.ContainsFunc(s, unprintable) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unprintable(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func unprintable(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// shorten cuts s to about n bytes, keeping its start and end.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	head, tail := s[:n/2], s[len(s)-n/2:]
	for !utf8.ValidString(head) {
		head = head[:len(head)-1]
	}
	for !utf8.ValidString(tail) {
		tail = tail[1:]
	}
	return fmt.Sprintf("%s…(%d bytes)…%s", head, len(s)-len(head)-len(tail), tail)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is a list of [*Error]s. The zero value is an empty list ready to use.
type ErrorList []*Error

// Add appends an error at pos about the value at path.
func (l *ErrorList) Add(pos Pos, path string, err error) {
	*l = append(*l, &Error{Pos: pos, Path: path, Err: err})
}

// Len returns the number of errors.
func (l ErrorList) Len() int { return len(l) }

// Sort sorts the list by position, then by path, keeping the order of
// errors at the same place.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(a.Pos.compare(b.Pos), strings.Compare(a.Path, b.Path))
	})
}

// Error returns one line per error.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns nil if the list is empty, and the list otherwise.
// Use it to return an ErrorList as an error without a typed nil.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unwrap returns the errors of the list, for [errors.Is] and [errors.As].
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}
