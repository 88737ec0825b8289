package jsonimport

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/source"
)

// flat describes v and what it holds, one line per value: its path, kind,
// offset and text.
func flat(v Value, path string, out *[]string) {
	*out = append(*out, fmt.Sprintf("%s %c @%d %q", path, byte(v.Kind()), v.Offset(), v.Text()))
	for k, m := range v.Members() {
		flat(m, path+"."+k, out)
	}
	for i, item := range v.Items() {
		flat(item, fmt.Sprintf("%s[%d]", path, i), out)
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	data := "\ufeff{\"a\": [1, \"x\\u00e9\", null],\n \"b\": {\"c\": true, \"d\": -2.5e3}, \"e\": []}"
	root, err := NewDoc("t.json", []byte(data)).Parse(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	flat(root, "$", &got)
	want := []string{
		`$ { @3 ""`,
		`$.a [ @9 ""`,
		`$.a[0] 0 @10 "1"`,
		`$.a[1] " @13 "xé"`,
		`$.a[2] n @24 ""`,
		`$.b { @37 ""`,
		`$.b.c t @43 ""`,
		`$.b.d 0 @54 "-2.5e3"`,
		`$.e [ @68 ""`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tree (-want +got):\n%s", diff)
	}
	if got, want := root.Get("b").Get("d").Text(), "-2.5e3"; got != want {
		t.Errorf(`Get("b").Get("d") = %q, want %q`, got, want)
	}
	if k := root.Get("zz").Get("y").Kind(); k != Absent {
		t.Errorf("absent lookup kind = %v, want Absent", k)
	}
	if got := root.Get("a").Len(); got != 3 {
		t.Errorf("Len(a) = %d, want 3", got)
	}
	if !root.Get("e").IsEmpty() || root.Get("a").IsEmpty() {
		t.Errorf("IsEmpty wrong for [] or [1, …]")
	}
	// Every offset is where the value's source text starts.
	for k, v := range root.Members() {
		if s := data[v.Offset():v.End()]; !strings.HasPrefix(s, string(rune(v.Kind()))) && v.Kind() != Number {
			t.Errorf("member %s: source %q does not start with its kind", k, s)
		}
	}
}

func TestParseStream(t *testing.T) {
	t.Parallel()
	data := `{"message": {"items": [{"n": 1}, "two", {"n": [3]}], "total": 3}, "list": [{"n": 9}]}`
	type rec struct {
		Keys string
		I    int
		Src  string
	}
	var got []rec
	stream := func(keys []string) bool { return slices.Equal(keys, []string{"message", "items"}) }
	each := func(keys []string, i int, v Value) bool {
		got = append(got, rec{strings.Join(keys, "."), i, data[v.Offset():v.End()]})
		return true
	}
	root, err := NewDoc("t.json", []byte(data)).Parse(stream, each)
	if err != nil {
		t.Fatal(err)
	}
	want := []rec{{"message.items", 0, `{"n": 1}`}, {"message.items", 1, `"two"`}, {"message.items", 2, `{"n": [3]}`}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	msg := root.Get("message")
	if n := msg.Get("items").Len(); n != 0 {
		t.Errorf("streamed array keeps %d items, want 0", n)
	}
	if got := msg.Get("total").Text(); got != "3" {
		t.Errorf("member after the stream = %q, want 3", got)
	}
	if n := root.Get("list").Len(); n != 1 {
		t.Errorf("unstreamed array has %d items, want 1", n)
	}

	// A root array, stopped after the first record.
	got = nil
	stop := func(keys []string, i int, v Value) bool {
		got = append(got, rec{strings.Join(keys, "."), i, data[v.Offset():v.End()]})
		return false
	}
	_, err = NewDoc("t.json", []byte(`[{"a": 1}, {"b": 2}]`)).Parse(func(keys []string) bool { return len(keys) == 0 }, stop)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Errorf("records after stopping: %d, want 1", len(got))
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data string
		line, col  int
		path       string
		sentinel   error
	}{
		{"syntax", "{\n  \"a\": [1, 2,, 3]}", 2, 14, "a[2]", source.ErrSyntax},
		{"duplicate", "{\"a\": 1,\n \"a\": 2}", 2, 2, "a", source.ErrDuplicateKey},
		{"truncated", `{"a": [1, 2`, 1, 12, "a", source.ErrSyntax},
		{"second value", "{} {}", 1, 4, "", source.ErrSyntax},
		{"empty", "  \n ", 2, 2, "", source.ErrSyntax},
		{"not JSON", "people:\n  - id: x\n", 1, 1, "", source.ErrSyntax},
		{"invalid UTF-8", "[\"a\xffb\"]", 1, 4, "[0]", source.ErrSyntax},
		{"too deep", strings.Repeat("[", 10001) + strings.Repeat("]", 10001), 1, 10001, "", source.ErrSyntax},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := NewDoc("t.json", []byte(tc.data)).Parse(nil, nil)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("error %v does not wrap %v", err, tc.sentinel)
			}
			if err.Pos.Line != tc.line || err.Pos.Column != tc.col || err.Pos.File != "t.json" {
				t.Errorf("position %v, want t.json:%d:%d", err.Pos, tc.line, tc.col)
			}
			if tc.name != "too deep" && err.Path != tc.path {
				t.Errorf("path %q, want %q", err.Path, tc.path)
			}
		})
	}
}
