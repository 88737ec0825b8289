package source_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/source"
)

type item struct {
	Name  string   `yaml:"name"`
	Count int      `yaml:"count"`
	Tags  []string `yaml:"tags"`
}

type doc struct {
	Items []item `yaml:"items"`
}

// want is what a test expects of one error.
type want struct {
	Pos  string
	Path string
	Err  error
}

func got(t *testing.T, err error) []want {
	t.Helper()
	if err == nil {
		return nil
	}
	var list source.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T) is not a source.ErrorList", err, err)
	}
	var ws []want
	for _, e := range list {
		ws = append(ws, want{Pos: e.Pos.String(), Path: e.Path, Err: sentinel(e)})
	}
	return ws
}

// sentinel returns the source sentinel e wraps.
func sentinel(e error) error {
	for _, s := range []error{source.ErrSyntax, source.ErrUnknownField, source.ErrDuplicateKey, source.ErrType} {
		if errors.Is(e, s) {
			return s
		}
	}
	return e
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"ok", "items:\n  - name: a\n    count: 2\n", nil},
		{"empty", "", nil},
		{"comment only", "# nothing\n", nil},
		{"unknown field", "items:\n  - name: a\n    colour: red\n", []want{
			{"f.yaml:3:5", "items[0].colour", source.ErrUnknownField},
		}},
		{"two unknown fields in two items", "items:\n  - nme: a\n  - name: b\n    cont: 3\n", []want{
			{"f.yaml:2:5", "items[0].nme", source.ErrUnknownField},
			{"f.yaml:4:5", "items[1].cont", source.ErrUnknownField},
		}},
		{"unknown top-level key", "itemz: []\n", []want{
			{"f.yaml:1:1", "itemz", source.ErrUnknownField},
		}},
		{"duplicate key", "items:\n  - name: a\n    name: b\n", []want{
			{"f.yaml:3:5", "items[0].name", source.ErrDuplicateKey},
		}},
		{"wrong type", "items:\n  - name: a\n    count: many\n", []want{
			{"f.yaml:3:12", "items[0].count", source.ErrType},
		}},
		{"list for text", "items:\n  - name: [a, b]\n", []want{
			{"f.yaml:2:11", "items[0].name", source.ErrType},
		}},
		{"mapping for list", "items:\n  name: a\n", []want{
			{"f.yaml:2:3", "items", source.ErrType},
		}},
		{"syntax", "items:\n  - name: a\n   count: 2\n", []want{
			{"f.yaml:3:4", "", source.ErrSyntax},
		}},
		{"unclosed quote", "items:\n  - name: \"a\n", []want{
			{"f.yaml:2", "", source.ErrSyntax},
		}},
		{"tab indentation", "items:\n\t- name: a\n", []want{
			{"f.yaml:2:1", "", source.ErrSyntax},
		}},
		{"second document", "items: []\n---\nitems: []\n", []want{
			{"f.yaml:2:1", "", source.ErrSyntax},
		}},
		{"NUL byte", "items:\n  - name: a\x00b\n", []want{
			{"f.yaml:2:12", "", source.ErrSyntax},
		}},
		{"invalid UTF-8", "items:\n  - name: \xff\n", []want{
			{"f.yaml:2:11", "", source.ErrSyntax},
		}},
		{"C1 control", "items:\n  - name: a\u0085\n", []want{
			{"f.yaml:2:12", "", source.ErrSyntax},
		}},
		{"byte-order mark", "\uFEFFitems:\n  - name: a\n", nil},
		{"CRLF", "items:\r\n  - name: a\r\n    count: x\r\n", []want{
			{"f.yaml:3:12", "items[0].count", source.ErrType},
		}},
		{"JSON", `{"items": [{"name": "a", "count": 1}]}`, nil},
		{"JSON with tabs", "{\n\t\"items\": [\n\t\t{\"name\": \"a\", \"colour\": 1}\n\t]\n}\n", []want{
			{"f.yaml:3:17", "items[0].colour", source.ErrUnknownField},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var d doc
			f, err := source.NewFile("f.yaml", []byte(tc.in))
			if err == nil {
				err = f.Decode(&d)
			}
			if diff := cmp.Diff(tc.want, got(t, err), cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("errors of %q (-want +got):\n%s\nerror: %v", tc.in, diff, err)
			}
		})
	}
}

func TestPos(t *testing.T) {
	t.Parallel()
	const in = "items:\n  - name: a\n    tags:\n      - x\n      - y\n  - name: b\n"
	f, err := source.NewFile("f.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want string
	}{
		{"items", "f.yaml:2:3"},
		{"items[0].name", "f.yaml:2:11"},
		{"items[0].tags[1]", "f.yaml:5:9"},
		{"items[1]", "f.yaml:6:5"},
		{"items[1].count", "f.yaml:6:5"}, // missing: the record's position
		{"items[7].name", "f.yaml:2:3"},  // no such item: the list's position
		{"", "f.yaml:1:1"},
	}
	for _, tc := range tests {
		if got := f.Pos(tc.path).String(); got != tc.want {
			t.Errorf("Pos(%q) = %s, want %s", tc.path, got, tc.want)
		}
	}
}

func TestErrorListErr(t *testing.T) {
	t.Parallel()
	var list source.ErrorList
	if err := list.Err(); err != nil {
		t.Errorf("empty list: Err() = %v, want nil", err)
	}
	list.Add(source.Pos{File: "b.yaml", Line: 2, Column: 1}, "x", source.ErrType)
	list.Add(source.Pos{File: "a.yaml", Line: 9, Column: 3}, "", source.ErrSyntax)
	list.Add(source.Pos{File: "b.yaml", Line: 1, Column: 7}, "y", source.ErrUnknownField)
	list.Sort()
	want := "a.yaml:9:3: syntax error\nb.yaml:1:7: y: unknown field\nb.yaml:2:1: x: wrong type"
	if got := list.Err().Error(); got != want {
		t.Errorf("Error() =\n%s\nwant\n%s", got, want)
	}
	if !errors.Is(list.Err(), source.ErrUnknownField) {
		t.Error("errors.Is(list, ErrUnknownField) = false, want true")
	}
}

// TestAliasBomb checks that a "billion laughs" document is refused quickly,
// even when decoded into an interface, which would expand every alias.
func TestAliasBomb(t *testing.T) {
	t.Parallel()
	in := "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for c := 'b'; c <= 'i'; c++ {
		prev := string(c - 1)
		in += fmt.Sprintf("%c: &%c [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", c, c, prev, prev, prev, prev, prev, prev, prev, prev, prev)
	}
	f, err := source.NewFile("bomb.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := f.Decode(&v); !errors.Is(err, source.ErrSyntax) {
		t.Errorf("Decode(billion laughs) = %v, want an error wrapping ErrSyntax", err)
	}
}

// TestErrorPrintable checks that an error's text is one printable line
// whatever the input held: terminal escapes in keys and file names are
// quoted, and very deep paths are cut.
func TestErrorPrintable(t *testing.T) {
	t.Parallel()
	e := &source.Error{
		Pos:  source.Pos{File: "a\x1b]0;pwned\x07.yaml", Line: 1, Column: 2},
		Path: "people[0]." + strings.Repeat("k.", 10_000) + "\x1b[2J",
		Err:  fmt.Errorf("%q: unknown field \u202Egnp.exe", "\x1b[31m"),
	}
	got := e.Error()
	if strings.ContainsFunc(got, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) {
		t.Errorf("Error() holds a control or formatting character: %q", got)
	}
	if !strings.Contains(got, `\x1b]0;pwned\a.yaml`) || !strings.Contains(got, `\u202e`) {
		t.Errorf("Error() = %q, want the escapes written out", got)
	}
	if len(got) > 400 {
		t.Errorf("Error() is %d bytes long, want the path cut", len(got))
	}
}
