package publication

// ISBN is an International Standard Book Number in its canonical form, the
// 13 digits of an ISBN-13 without hyphens, such as "9780306406157". The zero
// value is the empty string, meaning no ISBN. Values made by [ParseISBN]
// always have a valid check digit.
type ISBN string

// ParseISBN parses an ISBN-13 ("978-0-306-40615-7") or an ISBN-10
// ("0-306-40615-2", whose check digit may be "X" or "x"), with or without
// single hyphens or spaces between digit groups. It verifies the check
// digit and the ISBN-13 prefix 978 or 979, and returns the canonical
// ISBN-13, converting an ISBN-10 to its 978 form. Errors wrap
// [ErrMalformed] or [ErrChecksum].
func ParseISBN(s string) (ISBN, error) {
	const kind = "ISBN"
	if s == "" {
		return "", parseError(kind, s, ErrMalformed, "empty")
	}
	digits := make([]byte, 0, 13)
	sep := true // the previous character was a separator, or there was none
	for i, r := range s {
		switch {
		case '0' <= r && r <= '9' && len(digits) < 13:
			digits = append(digits, byte(r))
			sep = false
		case '0' <= r && r <= '9':
			return "", parseError(kind, s, ErrMalformed, "more than 13 digits")
		case (r == 'X' || r == 'x') && len(digits) == 9 && i == len(s)-1:
			digits = append(digits, 'X')
			sep = false
		case r == 'X' || r == 'x':
			return "", parseError(kind, s, ErrMalformed, "%q at byte %d is not the check digit of an ISBN-10", r, i)
		case r == '-' || r == ' ':
			if sep {
				return "", parseError(kind, s, ErrMalformed, "%q at byte %d does not separate two digit groups", r, i)
			}
			sep = true
		default:
			return "", parseError(kind, s, ErrMalformed, "%q at byte %d is not a digit, hyphen or space", r, i)
		}
	}
	if sep {
		return "", parseError(kind, s, ErrMalformed, "separator at the end")
	}
	switch len(digits) {
	case 10:
		if got, want := digits[9], isbn10Check(digits[:9]); got != want {
			return "", parseError(kind, s, ErrChecksum, "ISBN-10 check digit is %c, want %c", got, want)
		}
		isbn13 := append([]byte("978"), digits[:9]...)
		return ISBN(append(isbn13, isbn13Check(isbn13))), nil
	case 13:
		if p := string(digits[:3]); p != "978" && p != "979" {
			return "", parseError(kind, s, ErrMalformed, "prefix is %s, want 978 or 979", p)
		}
		if got, want := digits[12], isbn13Check(digits[:12]); got != want {
			return "", parseError(kind, s, ErrChecksum, "check digit is %c, want %c", got, want)
		}
		return ISBN(digits), nil
	default:
		return "", parseError(kind, s, ErrMalformed, "has %d digits, want 10 or 13", len(digits))
	}
}

// String returns the canonical form of the ISBN, such as "9780306406157".
func (n ISBN) String() string { return string(n) }

// isbn10Check returns the ISBN-10 check character, a digit or 'X', for the
// first 9 digits: the weighted sum of all ten, with weights 10 down to 1,
// is a multiple of 11.
func isbn10Check(digits []byte) byte {
	sum := 0
	for i, c := range digits {
		sum += (10 - i) * int(c-'0')
	}
	switch check := (11 - sum%11) % 11; check {
	case 10:
		return 'X'
	default:
		return byte('0' + check)
	}
}

// isbn13Check returns the ISBN-13 check digit for the first 12 digits: the
// sum of all thirteen, with weights alternately 1 and 3, is a multiple of 10.
func isbn13Check(digits []byte) byte {
	sum := 0
	for i, c := range digits {
		sum += (1 + 2*(i%2)) * int(c-'0')
	}
	return byte('0' + (10-sum%10)%10)
}
