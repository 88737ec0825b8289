package profile

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrMalformed is wrapped by every Parse function in this package when its
// input is not written in an accepted form: it is empty, contains white space
// or control characters, or breaks the syntax of the identifier or date.
var ErrMalformed = errors.New("malformed")

// ErrChecksum is wrapped by a Parse function when its input is well formed
// but its check digits do not match the rest of the identifier, which
// usually means a typing mistake.
var ErrChecksum = errors.New("checksum mismatch")

// parseError returns an error such as
//
//	ORCID iD "0000-0002-1825-0096": check digit is 6, want 7: checksum mismatch
//
// for input s of the given kind, wrapping sentinel. Messages name no Go
// package: they are read by people fixing their data.
func parseError(kind, s string, sentinel error, format string, args ...any) error {
	return fmt.Errorf("%s %q: %s: %w", kind, s, fmt.Sprintf(format, args...), sentinel)
}

// checkInput rejects input that no Parse function accepts: the empty string,
// invalid UTF-8, and any white space or control character.
func checkInput(kind, s string) error {
	if problem := inputProblem(s); problem != "" {
		return parseError(kind, s, ErrMalformed, "%s", problem)
	}
	return nil
}

// inputProblem describes why no Parse function accepts s, or returns "".
func inputProblem(s string) string {
	if s == "" {
		return "empty"
	}
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return fmt.Sprintf("invalid UTF-8 at byte %d", i)
		case unicode.IsSpace(r):
			return fmt.Sprintf("white space at byte %d", i)
		case unicode.IsControl(r):
			return fmt.Sprintf("control character %U at byte %d", r, i)
		}
	}
	return ""
}

// trimPrefixFold removes the first of the lower-case ASCII prefixes that
// starts s, ignoring ASCII case, and reports whether one did.
func trimPrefixFold(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if len(s) >= len(p) && asciiLower(s[:len(p)]) == p {
			return s[len(p):], true
		}
	}
	return s, false
}

// asciiLower maps the ASCII letters of s to lower case, leaving other bytes alone.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// isDigit reports whether c is an ASCII decimal digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
