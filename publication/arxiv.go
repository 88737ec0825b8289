package publication

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ArXiv is an arXiv identifier in its canonical bare form, with a version
// if one was given: new-style "2402.05271" or "2402.05271v1", or old-style
// "hep-th/9901001" or "math.GT/0309136v2". The zero value is the empty
// string, meaning no identifier. Values made by [ParseArXiv] are always
// well formed.
type ArXiv string

// ParseArXiv parses an arXiv identifier written bare, with an "arXiv:"
// prefix in any case, or as an abstract or PDF URL at arxiv.org,
// www.arxiv.org or export.arxiv.org (http, https or without a scheme; with
// or without a version; a PDF URL may end in ".pdf").
//
// A new-style identifier is YYMM.NNNN for months 0704 to 1412 and
// YYMM.NNNNN from 1501; an old-style one is archive/YYMMNNN or
// archive.XX/YYMMNNN, where the archive is lower-case letters and hyphens
// and XX is an upper-case subject class. Either may end in a version "vN",
// with N ≥ 1. It returns the canonical form. Errors wrap [ErrMalformed].
func ParseArXiv(s string) (ArXiv, error) {
	const kind = "arXiv ID"
	if err := checkInput(kind, s); err != nil {
		return "", err
	}
	id := s
	if rest, ok := trimPrefixFold(s, "arxiv:"); ok {
		id = rest
	} else if rest, ok := trimArXivURL(s); ok {
		id = rest
	}
	if _, _, err := splitArXiv(id); err != nil {
		return "", parseError(kind, s, ErrMalformed, "%v", err)
	}
	return ArXiv(id), nil
}

// trimArXivURL returns the identifier of an arXiv abstract or PDF URL, such
// as "2311.04567v2" for "arxiv.org/pdf/2311.04567v2.pdf", and true, or s and
// false if s is no such URL.
func trimArXivURL(s string) (string, bool) {
	rest, _ := trimPrefixFold(s, "https://", "http://")
	rest, _ = trimPrefixFold(rest, "www.", "export.")
	if id, ok := trimPrefixFold(rest, "arxiv.org/abs/"); ok {
		return strings.TrimSuffix(id, "/"), true
	}
	if id, ok := trimPrefixFold(rest, "arxiv.org/pdf/"); ok {
		id = strings.TrimSuffix(id, "/")
		if len(id) > 4 && asciiLower(id[len(id)-4:]) == ".pdf" {
			id = id[:len(id)-4]
		}
		return id, true
	}
	return s, false
}

// String returns the canonical form of the identifier, such as "2402.05271v1".
func (id ArXiv) String() string { return string(id) }

// Base returns the identifier without its version, such as "2402.05271" for
// "2402.05271v1". It returns id unchanged if id has no version or is not
// well formed.
func (id ArXiv) Base() ArXiv {
	base, _, err := splitArXiv(string(id))
	if err != nil {
		return id
	}
	return ArXiv(base)
}

// Version returns the version number of the identifier, such as 1 for
// "2402.05271v1", or 0 if it has none or is not well formed.
func (id ArXiv) Version() int {
	_, v, _ := splitArXiv(string(id))
	return v
}

// URL returns the address of the abstract page, such as
// "https://arxiv.org/abs/2402.05271v1", or "" for the zero ArXiv.
func (id ArXiv) URL() string {
	if id == "" {
		return ""
	}
	return "https://arxiv.org/abs/" + string(id)
}

// splitArXiv checks the bare identifier id and splits it into its base and
// version (0 if none). Its errors describe the problem for [parseError].
func splitArXiv(id string) (base string, version int, err error) {
	var rest string
	if strings.Contains(id, "/") {
		rest, err = trimOldArXiv(id)
	} else {
		rest, err = trimNewArXiv(id)
	}
	if err != nil {
		return "", 0, err
	}
	base = id[:len(id)-len(rest)]
	if rest == "" {
		return base, 0, nil
	}
	v, ok := strings.CutPrefix(rest, "v")
	if !ok || v == "" || v[0] == '0' || strings.IndexFunc(v, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return "", 0, fmt.Errorf("%q after %s is not a version such as v1", rest, base)
	}
	version, err = strconv.Atoi(v)
	if err != nil {
		return "", 0, fmt.Errorf("version %s is too large", rest)
	}
	return base, version, nil
}

// trimNewArXiv checks that id starts with a new-style identifier,
// YYMM.NNNN or YYMM.NNNNN, and returns the rest of id.
func trimNewArXiv(id string) (rest string, err error) {
	if len(id) < 9 || !allDigits(id[:4]) || id[4] != '.' {
		return "", errors.New("want YYMM.NNNNN, such as 2402.05271, arXiv:2402.05271 or https://arxiv.org/abs/2402.05271, or archive/YYMMNNN, such as hep-th/9901001")
	}
	yymm := atoi(id[:4])
	if m := yymm % 100; m < 1 || m > 12 {
		return "", fmt.Errorf("month %02d is out of range, want 01 to 12", m)
	}
	if yymm < 704 {
		return "", fmt.Errorf("%s is before April 2007, when the YYMM.NNNN scheme began", id[:4])
	}
	n := 4
	if yymm >= 1501 {
		n = 5
	}
	num := id[5:min(5+n, len(id))]
	if len(num) < n || !allDigits(num) {
		return "", fmt.Errorf("want %d digits after %q", n, id[:5])
	}
	if strings.Trim(num, "0") == "" {
		return "", fmt.Errorf("number %s is zero", num)
	}
	return id[5+n:], nil
}

// trimOldArXiv checks that id starts with an old-style identifier,
// archive/YYMMNNN or archive.XX/YYMMNNN, and returns the rest of id.
func trimOldArXiv(id string) (rest string, err error) {
	archive, num, _ := strings.Cut(id, "/")
	archive, class, hasClass := strings.Cut(archive, ".")
	if !isArchive(archive) {
		return "", fmt.Errorf("archive %q is not lower-case letters and hyphens", archive)
	}
	if hasClass && (len(class) != 2 || !isUpper(class[0]) || !isUpper(class[1])) {
		return "", fmt.Errorf("subject class %q is not two upper-case letters", class)
	}
	if len(num) < 7 || !allDigits(num[:7]) {
		return "", fmt.Errorf("want 7 digits YYMMNNN after %q", id[:len(id)-len(num)])
	}
	yy, mm := atoi(num[0:2]), atoi(num[2:4])
	if mm < 1 || mm > 12 {
		return "", fmt.Errorf("month %02d is out of range, want 01 to 12", mm)
	}
	if yy < 91 && yy*100+mm > 703 {
		return "", fmt.Errorf("%s is not from 1991 to March 2007, when old-style identifiers were issued", num[:4])
	}
	if num[4:7] == "000" {
		return "", errors.New("number 000 is zero")
	}
	return num[7:], nil
}

// isArchive reports whether s is an arXiv archive name such as "hep-th":
// lower-case letters in words joined by single hyphens.
func isArchive(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := range len(s) {
		if c := s[i]; c != '-' && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

// isUpper reports whether c is an upper-case ASCII letter.
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// atoi converts a string of ASCII digits to an int.
func atoi(digits string) int {
	n := 0
	for i := range len(digits) {
		n = n*10 + int(digits[i]-'0')
	}
	return n
}
