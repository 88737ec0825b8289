package profile

import "time"

// Date is a calendar date in the proleptic Gregorian calendar, given to the
// year ("2017"), the month ("2017-03") or the day ("2017-03-14"), with a
// four-digit year from 0001 to 9999. The zero value is the empty string,
// meaning no date; see [Date.IsZero]. Values made by [ParseDate] are always
// real dates.
type Date string

// ParseDate parses a date in exactly one of the forms "YYYY", "YYYY-MM" or
// "YYYY-MM-DD", with zero-padded month and day, and checks that it exists
// (2024-02-29 does, 2023-02-29 does not). The canonical form is the input
// itself. Errors wrap [ErrMalformed].
func ParseDate(s string) (Date, error) {
	if _, _, _, err := dateParts(s); err != nil {
		return "", err
	}
	return Date(s), nil
}

// String returns the date as written, such as "2017-03".
func (d Date) String() string { return string(d) }

// IsZero reports whether d is the zero Date, the empty string.
func (d Date) IsZero() bool { return d == "" }

// Year returns the year of d, or 0 if d is zero or not a valid date.
func (d Date) Year() int {
	y, _, _, _ := dateParts(string(d))
	return y
}

// Month returns the month of d, from 1 to 12, or 0 if d has no month or is
// not a valid date.
func (d Date) Month() int {
	_, m, _, _ := dateParts(string(d))
	return m
}

// Day returns the day of the month of d, from 1 to 31, or 0 if d has no day
// or is not a valid date.
func (d Date) Day() int {
	_, _, day, _ := dateParts(string(d))
	return day
}

// Earliest returns midnight UTC at the start of the first day that d can
// denote: 2017-01-01 for "2017", 2017-03-01 for "2017-03". It returns the
// zero [time.Time] if d is zero or not a valid date. The zero time is also
// the earliest day of "0001", so test [Date.IsZero], not the result, to
// tell an absent date.
func (d Date) Earliest() time.Time {
	y, m, day, err := dateParts(string(d))
	if err != nil {
		return time.Time{}
	}
	return time.Date(y, time.Month(max(m, 1)), max(day, 1), 0, 0, 0, 0, time.UTC)
}

// Latest returns midnight UTC at the start of the last day that d can
// denote: 2017-12-31 for "2017", 2024-02-29 for "2024-02". It returns the
// zero [time.Time] if d is zero or not a valid date.
func (d Date) Latest() time.Time {
	y, m, day, err := dateParts(string(d))
	switch {
	case err != nil:
		return time.Time{}
	case m == 0:
		return time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)
	case day == 0:
		return time.Date(y, time.Month(m), daysIn(y, m), 0, 0, 0, 0, time.UTC)
	default:
		return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	}
}

// dateParts parses s as a Date, returning 0 for an absent month or day.
func dateParts(s string) (year, month, day int, err error) {
	const kind = "date"
	// Every error says which forms are accepted.
	parseError := func(kind, s string, sentinel error, format string, args ...any) error {
		return parseError(kind, s, sentinel, format+"; write 2021, 2021-03 or 2021-03-12", args...)
	}
	if problem := inputProblem(s); problem != "" {
		return 0, 0, 0, parseError(kind, s, ErrMalformed, "%s", problem)
	}
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return 0, 0, 0, parseError(kind, s, ErrMalformed, "want YYYY, YYYY-MM or YYYY-MM-DD")
	}
	for i := range len(s) {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return 0, 0, 0, parseError(kind, s, ErrMalformed, "character %d is %q, want '-'", i+1, s[i])
			}
		} else if !isDigit(s[i]) {
			return 0, 0, 0, parseError(kind, s, ErrMalformed, "character %d is %q, want a digit", i+1, s[i])
		}
	}
	year = atoi(s[0:4])
	if year == 0 {
		return 0, 0, 0, parseError(kind, s, ErrMalformed, "year 0000 is out of range, want 0001 to 9999")
	}
	if len(s) >= 7 {
		month = atoi(s[5:7])
		if month < 1 || month > 12 {
			return 0, 0, 0, parseError(kind, s, ErrMalformed, "month %02d is out of range, want 01 to 12", month)
		}
	}
	if len(s) == 10 {
		day = atoi(s[8:10])
		if n := daysIn(year, month); day < 1 || day > n {
			return 0, 0, 0, parseError(kind, s, ErrMalformed, "day %02d is out of range for %s, want 01 to %02d", day, s[:7], n)
		}
	}
	return year, month, day, nil
}

// daysIn returns the number of days in the given month of year.
func daysIn(year, month int) int {
	// Day 0 of the next month is the last day of this one.
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// atoi converts a string of ASCII digits to an int.
func atoi(digits string) int {
	n := 0
	for i := range len(digits) {
		n = n*10 + int(digits[i]-'0')
	}
	return n
}
