package source

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
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

// Error returns "file:line:col: path: cause", leaving out the path when it is empty.
func (e *Error) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("%v: %v", e.Pos, e.Err)
	}
	return fmt.Sprintf("%v: %s: %v", e.Pos, e.Path, e.Err)
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
