package crossref

import (
	"github.com/scholarld/scholarld/internal/jsonimport"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// workDate returns the date of a work: the first of its dates, in the
// order of dateFields, that is given and valid. A date that is not valid
// is an error, and the next one is tried.
func (r *reader) workDate(path string, f *fields) profile.Date {
	for i, v := range f.dates {
		if d := r.date(jsonimport.At(path, "%s", dateFields[i]), v); !d.IsZero() {
			return d
		}
	}
	return ""
}

// date returns the date of a Crossref date object at path, such as
// {"date-parts": [[2014, 2, 11]]}: a year, a month or a day, as precise
// as its parts. Only the first date of date-parts counts (a second is the
// end of a range). It returns the zero Date for an absent or null date,
// or for [[null]], Crossref's unknown date, and for an invalid one, which
// is an error. Parts may be numbers or strings of digits.
func (r *reader) date(path string, v jsonimport.Value) profile.Date {
	switch v.Kind() {
	case jsonimport.Absent, jsonimport.Null:
		return ""
	case jsonimport.Object:
	default:
		r.TypeError(v, path, `a date, such as {"date-parts": [[2014, 2, 11]]}`)
		return ""
	}
	dp := v.Get("date-parts")
	partsPath := path + ".date-parts"
	var first jsonimport.Value
	switch dp.Kind() {
	case jsonimport.Absent, jsonimport.Null:
		return ""
	case jsonimport.Array:
		for _, item := range dp.Items() {
			first = item
			break
		}
	default:
		r.TypeError(dp, partsPath, "an array of dates, such as [[2014, 2, 11]]")
		return ""
	}
	switch first.Kind() {
	case jsonimport.Absent, jsonimport.Null:
		return ""
	case jsonimport.Array:
	default:
		r.TypeError(first, partsPath+"[0]", "an array of a year, a month and a day, such as [2014, 2, 11]")
		return ""
	}
	if first.Len() > 3 {
		r.Errorf(first, partsPath+"[0]", "%s: more than a year, a month and a day: %w", r.Doc.Snippet(first), source.ErrType)
		return ""
	}
	var b []byte
	for j, part := range first.Items() {
		if part.Kind() == jsonimport.Null {
			break // [2014, null]: the year alone
		}
		width := 2
		if j == 0 {
			width = 4
		}
		digits := part.Text()
		if part.Kind() != jsonimport.Number && part.Kind() != jsonimport.String || !allDigits(digits) || digits == "" {
			r.TypeError(part, jsonimport.At(partsPath, "[0][%d]", j), "a year, month or day as a whole number")
			return ""
		}
		for len(digits) > 1 && digits[0] == '0' && len(digits) > width {
			digits = digits[1:]
		}
		if len(digits) > width {
			r.Errorf(part, jsonimport.At(partsPath, "[0][%d]", j), "%s: out of range for a %s: %w", jsonimport.Quote(digits, 12), [3]string{"year", "month", "day"}[j], profile.ErrMalformed)
			return ""
		}
		if j > 0 {
			b = append(b, '-')
		}
		for range width - len(digits) {
			b = append(b, '0')
		}
		b = append(b, digits...)
	}
	if len(b) == 0 {
		return "" // [[]] or [[null]]
	}
	d, err := profile.ParseDate(string(b))
	if err != nil {
		r.Errorf(first, partsPath+"[0]", "%s: %w", r.Doc.Snippet(first), err)
		return ""
	}
	return d
}

// allDigits reports whether s is ASCII digits only.
func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
