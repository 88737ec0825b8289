package biblio

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scholarld/scholarld/source"
)

// ErrEncoding is wrapped by the errors about a file that is not UTF-8
// text: a UTF-16 file, a NUL byte, bytes that are not UTF-8 (a Latin-1 or
// Windows-1252 file). Each says what the file looks like and how to
// convert it.
var ErrEncoding = errors.New("not UTF-8 text")

// utf16Problem reports whether data looks like UTF-16 (a byte order mark,
// or a NUL in every other byte of its start), and the error that says so
// and how to convert it.
func utf16Problem(data []byte) error {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return utf16Error("it starts with a UTF-16 byte order mark")
	}
	if len(data) >= 4 {
		head := data[:min(len(data), 64)&^1]
		evenNUL, oddNUL := 0, 0
		for i := 0; i+1 < len(head); i += 2 {
			if head[i] == 0 {
				evenNUL++
			}
			if head[i+1] == 0 {
				oddNUL++
			}
		}
		if n := len(head) / 2; evenNUL == n && oddNUL == 0 || oddNUL == n && evenNUL == 0 {
			return utf16Error("every other byte is a NUL")
		}
	}
	return nil
}

func utf16Error(why string) error {
	return fmt.Errorf("the file looks like UTF-16 (%s): convert it to UTF-8, with iconv -f utf-16 -t utf-8 in > out: %w", why, ErrEncoding)
}

// badText returns the offset in s of its first NUL byte or byte that is
// not UTF-8, and the error that says what it is and how to convert the
// file; it returns -1 and nil for UTF-8 text without NUL.
func badText(s string) (int, error) {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return -1, nil
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0:
			return i, fmt.Errorf("a NUL byte: the file is binary, or UTF-16 (convert it with iconv -f utf-16 -t utf-8 in > out): %w", ErrEncoding)
		case r == utf8.RuneError && n == 1:
			return i, fmt.Errorf("byte %#02x is not UTF-8: the file looks like Latin-1 or Windows-1252; convert it to UTF-8, with iconv -f latin1 -t utf-8 in > out (or -f cp1252): %w", s[i], ErrEncoding)
		}
		i += n
	}
	return -1, nil
}

// A DuplicateError is the error about a second BibTeX entry with the key
// of an earlier one (keys compared ignoring case, as BibTeX does), or a
// second CSL-JSON item with the id of an earlier one. It is reported at
// the second; First is the position of the first. Neither is merged with
// the other: the second is not read.
type DuplicateError struct {
	What  string // "entry with the key" or "item with the id"
	Key   string
	First source.Pos
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("a second %s %s (the first is at %v): %v", e.What, excerpt(e.Key), e.First, source.ErrDuplicateKey)
}

// Unwrap returns [source.ErrDuplicateKey].
func (e *DuplicateError) Unwrap() error { return source.ErrDuplicateKey }

// excerpt quotes s for a message, cut to its first 60 characters: an
// error about a value of a megabyte quotes its start, not all of it.
func excerpt(s string) string {
	const most = 60
	if len(s) <= most {
		return strconv.Quote(s)
	}
	i, n := 0, 0
	for i < len(s) && n < most {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	if i == len(s) {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%s… (%d bytes)", strconv.Quote(s[:i]), len(s))
}
