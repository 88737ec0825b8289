package publication

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scholarld/scholarld/profile"
)

// ErrMalformed and ErrChecksum are the sentinels of package profile: every
// identifier of the module, of a person or of a publication, wraps the same
// two, so errors.Is needs not know which package an error came from.
var (
	ErrMalformed = profile.ErrMalformed
	ErrChecksum  = profile.ErrChecksum
)

// parseError returns an error such as
//
//	ISBN "978-0-306-40615-6": check digit is 6, want 7: checksum mismatch
//
// for input s of the given kind, wrapping sentinel.
func parseError(kind, s string, sentinel error, format string, args ...any) error {
	return fmt.Errorf("%s %q: %s: %w", kind, s, fmt.Sprintf(format, args...), sentinel)
}

// checkInput rejects input that no Parse function accepts: the empty string,
// invalid UTF-8, and any white space or control character.
func checkInput(kind, s string) error {
	if s == "" {
		return parseError(kind, s, ErrMalformed, "empty")
	}
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return parseError(kind, s, ErrMalformed, "invalid UTF-8 at byte %d", i)
		case unicode.IsSpace(r):
			return parseError(kind, s, ErrMalformed, "white space at byte %d", i)
		case unicode.IsControl(r):
			return parseError(kind, s, ErrMalformed, "control character %U at byte %d", r, i)
		}
	}
	return nil
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

// allDigits reports whether s is all ASCII digits.
func allDigits(s string) bool {
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
