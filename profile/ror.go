package profile

import (
	"fmt"
	"strings"
)

// ROR is a Research Organization Registry identifier in its canonical
// lower-case form, such as "0161xgx34". The zero value is the empty string,
// meaning no identifier. Values made by [ParseROR] are always valid.
type ROR string

// rorAlphabet is Crockford's base32 alphabet in lower case, without i, l,
// o and u; a character's index is its value.
const rorAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

// ParseROR parses a ROR ID written bare ("0161xgx34") or as a URL
// ("https://ror.org/0161xgx34", or with http), in either case. A ROR ID is
// "0", six Crockford base32 characters and two decimal check digits, which
// ParseROR verifies (ISO 7064 MOD 97-10 of the base32 value). It returns
// the canonical lower-case form. Errors wrap [ErrMalformed] or [ErrChecksum].
func ParseROR(s string) (ROR, error) {
	const kind = "ROR ID"
	if err := checkInput(kind, s); err != nil {
		return "", err
	}
	id, _ := trimPrefixFold(s, "https://ror.org/", "http://ror.org/")
	id = asciiLower(id)
	if len(id) != 9 {
		return "", parseError(kind, s, ErrMalformed, "want 9 characters, such as 0161xgx34")
	}
	if id[0] != '0' {
		return "", parseError(kind, s, ErrMalformed, "first character is %q, want '0'", id[0])
	}
	var n uint64
	for i := range 7 {
		v := strings.IndexByte(rorAlphabet, id[i])
		if v < 0 {
			return "", parseError(kind, s, ErrMalformed, "character %d is %q, want one of %s", i+1, id[i], rorAlphabet)
		}
		n = n*32 + uint64(v)
	}
	if !isDigit(id[7]) || !isDigit(id[8]) {
		return "", parseError(kind, s, ErrMalformed, "last two characters are %q, want two check digits", id[7:])
	}
	if want := fmt.Sprintf("%02d", 98-n*100%97); id[7:] != want {
		return "", parseError(kind, s, ErrChecksum, "check digits are %s, want %s", id[7:], want)
	}
	return ROR(id), nil
}

// String returns the canonical form of the ID, such as "0161xgx34".
func (id ROR) String() string { return string(id) }

// URL returns the ID as its canonical https URL, such as
// "https://ror.org/0161xgx34", or "" for the zero ROR.
func (id ROR) URL() string {
	if id == "" {
		return ""
	}
	return "https://ror.org/" + string(id)
}
