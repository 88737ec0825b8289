package jsonimport

import (
	"fmt"
	"iter"

	"github.com/scholarld/scholarld/source"
)

// A Reporter reads the values of one document for an importer, reporting
// what is wrong with them: errors, and warnings about what the model
// cannot hold, each at the value's position with its path in the
// document. The zero Reporter is not ready to use: Doc and Warnings must
// be set.
type Reporter struct {
	Doc      *Doc
	Errs     source.ErrorList
	Warnings *source.ErrorList // where warnings go, such as the dataset's
}

// Errorf reports an error about the value v at path.
func (r *Reporter) Errorf(v Value, path, format string, args ...any) {
	r.Errs.Add(r.Doc.Pos(v.Offset()), path, fmt.Errorf(format, args...))
}

// Warnf adds a warning about the value v at path; the format wraps a
// sentinel, such as an importer's ErrLeftOut.
func (r *Reporter) Warnf(v Value, path, format string, args ...any) {
	r.Warnings.Add(r.Doc.Pos(v.Offset()), path, fmt.Errorf(format, args...))
}

// TypeError reports that the value v at path is not what is wanted, such
// as "a string", wrapping [source.ErrType].
func (r *Reporter) TypeError(v Value, path, want string) {
	r.Errorf(v, path, "%s, want %s: %w", r.Doc.Describe(v), want, source.ErrType)
}

// Text returns the text of a string, or of a number if numbers is true
// (a volume may be given as 3 rather than "3"), and false for null or an
// absent value. Other values are an error.
func (r *Reporter) Text(v Value, path string, numbers bool) (string, bool) {
	switch v.Kind() {
	case String:
		return v.Text(), true
	case Number:
		if numbers {
			return v.Text(), true
		}
	case Absent, Null:
		return "", false
	}
	want := "a string"
	if numbers {
		want = "a string or a number"
	}
	r.TypeError(v, path, want)
	return "", false
}

// A StrItem is one string of an array, cleaned, with its value and its
// index in the array.
type StrItem struct {
	Text  string
	Value Value
	Index int
}

// Strings returns the strings of an array of strings, each cleaned by
// clean, leaving out those that clean makes empty, and null items. An
// item of another type is an error, as is a value that is not an array
// (null and an absent value are no strings).
func (r *Reporter) Strings(v Value, path string, clean func(string) string) []StrItem {
	switch v.Kind() {
	case Absent, Null:
		return nil
	case Array:
	default:
		r.TypeError(v, path, "an array of strings")
		return nil
	}
	var out []StrItem
	for i, item := range v.Items() {
		switch item.Kind() {
		case Null:
			continue
		case String:
		default:
			r.TypeError(item, At(path, "[%d]", i), "a string")
			continue
		}
		if s := clean(item.Text()); s != "" {
			out = append(out, StrItem{s, item, i})
		}
	}
	return out
}

// Objects yields the objects of an array of objects, with their indexes.
// An item of another type but null is an error, as is a value that is not
// an array (null and an absent value hold no objects).
func (r *Reporter) Objects(v Value, path string) iter.Seq2[int, Value] {
	return func(yield func(int, Value) bool) {
		switch v.Kind() {
		case Absent, Null:
			return
		case Array:
		default:
			r.TypeError(v, path, "an array of objects")
			return
		}
		for i, item := range v.Items() {
			if item.Kind() != Object {
				if item.Kind() != Null {
					r.TypeError(item, At(path, "[%d]", i), "an object")
				}
				continue
			}
			if !yield(i, item) {
				return
			}
		}
	}
}

// At returns the path of a value below the value at path: At("message",
// "author[%d].ORCID", 3) is "message.author[3].ORCID". Callers make paths
// only to report a problem, so that reading costs no formatting.
func At(path, format string, args ...any) string {
	return source.JoinPath(path, fmt.Sprintf(format, args...))
}

// Count returns "1 funder" or "8 funders".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Such returns ` (such as "SystemsX")`, the member key of the first item
// of the array v that has it, or "".
func Such(v Value, key string) string {
	for _, item := range v.Items() {
		if s := Line(item.Get(key).Text()); s != "" {
			return " (such as " + Quote(s, 60) + ")"
		}
	}
	return ""
}
