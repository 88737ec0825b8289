package dataset_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/source"
)

// TestHostileInput feeds input meant to hurt a loader: each gives a clear,
// positioned error or loads correctly, and none panics or hangs.
func TestHostileInput(t *testing.T) {
	t.Parallel()
	deep := "people: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"
	var deepMap strings.Builder
	deepMap.WriteString("people:\n")
	for i := range 5000 {
		deepMap.WriteString(strings.Repeat("  ", i+1) + "a:\n")
	}
	tests := []struct {
		name string
		in   string
		err  error // a sentinel the error wraps; nil means it loads
	}{
		{"deep flow nesting", deep, source.ErrSyntax},
		{"deep block nesting", deepMap.String(), source.ErrType},
		{"NUL byte", "people:\n  - id: a\x00\n", source.ErrSyntax},
		{"escaped NUL is text, for validation to refuse", "people:\n  - id: \"a\\0\"\n", nil},
		{"invalid UTF-8", "people:\n  - id: \xc3\x28\n", source.ErrSyntax},
		{"byte-order mark", "\uFEFFpeople:\n  - id: a\n", nil},
		{"CRLF", "people:\r\n  - id: a\r\n", nil},
		{"duplicate key", "people:\n  - id: a\n    id: b\n", source.ErrDuplicateKey},
		{"duplicate top-level key", "people: []\npeople: []\n", source.ErrDuplicateKey},
		{"merge key into strict struct", "base: &b {id: a}\npeople:\n  - <<: *b\n", source.ErrUnknownField},
		{"tag trickery", "people:\n  - id: !!binary aGVsbG8=\n", nil},
		{"huge number", "people:\n  - id: 1" + strings.Repeat("0", 10000) + "\n", nil},
		{"empty", "", nil},
		{"only a document marker", "---\n", nil},
		{"scalar document", "hello\n", source.ErrType},
		{"list document", "- a\n- b\n", source.ErrType},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			done := make(chan error, 1)
			go func() {
				_, err := dataset.Decode("h.yaml", strings.NewReader(tc.in))
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("Parse hangs")
			}
			switch {
			case tc.err == nil && err != nil:
				t.Errorf("Parse = %v, want no error", err)
			case tc.err != nil && !errors.Is(err, tc.err):
				t.Errorf("Parse = %v, want an error wrapping %v", err, tc.err)
			case err != nil:
				if _, ok := errors.AsType[source.ErrorList](err); !ok {
					t.Errorf("error %T is not a source.ErrorList", err)
				}
			}
		})
	}
}

// TestLargeString loads a 50 MB string: it is text like any other.
func TestLargeString(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("abcdéfghi ", 5<<20)
	d, err := dataset.Decode("big.yaml", strings.NewReader("people:\n  - id: a\n    name: {display: A}\n    biography: \""+big+"\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.People[0].Biography; len(got) != len(big) {
		t.Errorf("biography of %d bytes, want %d", len(got), len(big))
	}
}

// TestLimits checks the configurable limits.
func TestLimits(t *testing.T) {
	t.Parallel()
	doc := []byte("people:\n  - {id: a, name: {display: A}}\n  - {id: b, name: {display: B}}\n")
	tests := []struct {
		limits dataset.Limits
		err    error
	}{
		{dataset.Limits{}, nil},
		{dataset.Limits{MaxFileSize: 10}, source.ErrTooLarge},
		{dataset.Limits{MaxRecords: 1}, source.ErrTooLarge},
		{dataset.Limits{MaxRecords: 2, MaxFileSize: int64(len(doc))}, nil},
	}
	for _, tc := range tests {
		l := dataset.Loader{Limits: tc.limits}
		_, err := l.Decode("l.yaml", bytes.NewReader(doc))
		if tc.err == nil && err != nil || tc.err != nil && !errors.Is(err, tc.err) {
			t.Errorf("Limits%+v.Parse = %v, want %v", tc.limits, err, tc.err)
		}
	}
	// A file over the record limit is refused even when it has other
	// problems too: it used to report only those, and go on to validate
	// every record.
	for _, name := range []string{"l.yaml", "l.json"} {
		bad := []byte("people:\n  - {id: a, name: {display: A}}\n  - {id: b, name: {display: B}, colour: red}\n")
		if name == "l.json" {
			bad = []byte(`{"people": [{"id": "a", "name": {"display": "A"}}, {"id": "b", "name": {"display": "B"}, "colour": "red"}]}`)
		}
		l := dataset.Loader{Limits: dataset.Limits{MaxRecords: 1}}
		d, err := l.Decode(name, bytes.NewReader(bad))
		if !errors.Is(err, source.ErrTooLarge) || errors.Is(err, source.ErrUnknownField) || d != nil {
			t.Errorf("%s over the record limit, with an unknown field: %v, %v; want only ErrTooLarge", name, d, err)
		}
	}
}

// TestErrorPlaces checks that errors yaml.v3 gives without a column, or at
// the wrong node, are reported at the value they are about.
func TestErrorPlaces(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		// yaml.v3 names the type; the innermost list on the line is not it.
		{"people: [[[]]]\n", "h.yaml:1:10: people[0]: got a list, want Person: wrong type"},
		{"people:\n  - id: a\n    name: {display: A}\n    topics: [[x]]\n", "h.yaml:4:14: people[0].topics[0]: got a list, want Topic: wrong type"},
		// The whole document is of the wrong type.
		{"- a\n- b\n", "h.yaml:1:1: got a list, want Dataset: wrong type"},
		// yaml.v3 gives no line for an unknown anchor.
		{"people:\n  - id: a\n    topics: *nowhere\n", "h.yaml:3:13: unknown anchor 'nowhere' referenced: syntax error"},
	}
	for _, tc := range tests {
		_, err := dataset.Decode("h.yaml", strings.NewReader(tc.in))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q:\n got %v\nwant %s", tc.in, err, tc.want)
		}
	}
}
