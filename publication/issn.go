package publication

// ISSN is an International Standard Serial Number in its canonical form,
// "NNNN-NNNC" with an upper-case "X" for a check digit of ten, such as
// "1050-124X". The zero value is the empty string, meaning no ISSN. Values
// made by [ParseISSN] always have a valid check digit.
type ISSN string

// ParseISSN parses an ISSN written "NNNN-NNNC" or "NNNNNNNC", where C is a
// check digit or "X" (or "x"). It verifies the check digit (mod 11) and
// returns the canonical form. Errors wrap [ErrMalformed] or [ErrChecksum].
func ParseISSN(s string) (ISSN, error) {
	const kind = "ISSN"
	if err := checkInput(kind, s); err != nil {
		return "", err
	}
	id := s
	if len(s) == 9 && s[4] == '-' {
		id = s[:4] + s[5:]
	}
	if len(id) != 8 || !allDigits(id[:7]) {
		return "", parseError(kind, s, ErrMalformed, "want NNNN-NNNC, such as 0317-8471")
	}
	got := id[7]
	if got == 'x' {
		got = 'X'
	}
	if !isDigit(got) && got != 'X' {
		return "", parseError(kind, s, ErrMalformed, "check character is %q, want a digit or X", got)
	}
	if want := issnCheck(id[:7]); got != want {
		return "", parseError(kind, s, ErrChecksum, "check digit is %c, want %c", got, want)
	}
	return ISSN(id[:4] + "-" + id[4:7] + string(got)), nil
}

// String returns the canonical form of the ISSN, such as "0317-8471".
func (n ISSN) String() string { return string(n) }

// issnCheck returns the check character, a digit or 'X', for the first 7
// digits of an ISSN: the sum of all eight, with weights 8 down to 1, is a
// multiple of 11.
func issnCheck(digits string) byte {
	sum := 0
	for i := range len(digits) {
		sum += (8 - i) * int(digits[i]-'0')
	}
	switch check := (11 - sum%11) % 11; check {
	case 10:
		return 'X'
	default:
		return byte('0' + check)
	}
}
