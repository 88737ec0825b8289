package profile

import (
	"strconv"
	"strings"
)

// ORCID is an ORCID iD in its canonical form, four hyphen-separated groups of
// four characters such as "0000-0002-1825-0097", where the last character is
// a check digit or an upper-case "X". The zero value is the empty string,
// meaning no iD. Values made by [ParseORCID] are always valid.
type ORCID string

// ParseORCID parses an ORCID iD written bare ("0000-0002-1825-0097"), without
// its hyphens ("0000000218250097") or as a URL
// ("https://orcid.org/0000-0002-1825-0097", with http or without a scheme),
// accepting a lower-case "x" as the check character. It verifies the
// ISO 7064 MOD 11-2 check digit and returns the canonical form. Errors wrap
// [ErrMalformed] or [ErrChecksum].
func ParseORCID(s string) (ORCID, error) {
	const kind = "ORCID iD"
	if err := checkInput(kind, s); err != nil {
		return "", err
	}
	id, _ := trimPrefixFold(s, "https://orcid.org/", "http://orcid.org/", "orcid.org/")
	if len(id) == 16 && !strings.Contains(id, "-") {
		id = id[0:4] + "-" + id[4:8] + "-" + id[8:12] + "-" + id[12:16]
	}
	if len(id) != 19 || id[4] != '-' || id[9] != '-' || id[14] != '-' {
		return "", parseError(kind, s, ErrMalformed, "want four groups of four digits, such as 0000-0002-1825-0097, 0000000218250097 or https://orcid.org/0000-0002-1825-0097")
	}
	b := []byte(id)
	if b[18] == 'x' {
		b[18] = 'X'
	}
	for i, c := range b[:18] {
		if i != 4 && i != 9 && i != 14 && !isDigit(c) {
			return "", parseError(kind, s, ErrMalformed, "character %d of the iD is %q, want a digit", i+1, c)
		}
	}
	if got := b[18]; !isDigit(got) && got != 'X' {
		return "", parseError(kind, s, ErrMalformed, "check character is %q, want a digit or X", got)
	}
	if got, want := b[18], mod11_2(orcidBase(string(b))); got != want {
		return "", parseError(kind, s, ErrChecksum, "check digit is %c, want %c", got, want)
	}
	return ORCID(b), nil
}

// String returns the canonical form of the iD, such as "0000-0002-1825-0097".
func (id ORCID) String() string { return string(id) }

// URL returns the iD as its canonical https URL, such as
// "https://orcid.org/0000-0002-1825-0097", or "" for the zero ORCID.
func (id ORCID) URL() string {
	if id == "" {
		return ""
	}
	return "https://orcid.org/" + string(id)
}

// InAssignedRange reports whether id lies in one of the blocks from which
// ORCID issues iDs: 0000-0001-5000-0007 to 0000-0003-5000-0001 and
// 0009-0000-0000-0000 to 0009-0010-0000-0000, both inclusive. An iD outside
// them has a valid checksum but cannot have been issued. It reports false
// for the zero ORCID and for values not made by [ParseORCID].
func (id ORCID) InAssignedRange() bool {
	if len(id) != 19 {
		return false
	}
	n, err := strconv.ParseUint(orcidBase(string(id)), 10, 64)
	if err != nil {
		return false
	}
	return 15000000 <= n && n <= 35000000 ||
		900000000000 <= n && n <= 900100000000
}

// orcidBase returns the 15 base digits of a 19-character iD: the iD without
// its hyphens and check character.
func orcidBase(id string) string {
	return id[0:4] + id[5:9] + id[10:14] + id[15:18]
}

// mod11_2 returns the ISO 7064 MOD 11-2 check character for a string of
// decimal digits.
func mod11_2(digits string) byte {
	total := 0
	for i := range len(digits) {
		total = (total + int(digits[i]-'0')) * 2 % 11
	}
	switch check := (12 - total) % 11; check {
	case 10:
		return 'X'
	default:
		return byte('0' + check)
	}
}
