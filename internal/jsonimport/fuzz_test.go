package jsonimport

import (
	"os"
	"testing"
	"unicode/utf8"

	"github.com/scholarld/scholarld/source"
)

// FuzzParse checks that parsing never panics, that every value's offset
// has the position source.OffsetPos gives, and that stripping markup from
// any string never panics.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"message": {"items": [{"DOI": "10.1/x", "title": ["<i>T</i>"]}]}}`))
	f.Add([]byte("[{\"a\": \"\u00e9\"},\n 1, null, true]"))
	f.Add([]byte(`{"a": [1, 2,, 3]}`))
	f.Add([]byte("\ufeff{}"))
	for _, name := range []string{"../../crossref/testdata/10.7554_elife.01567.json", "../../datacite/testdata/10.5438_zhyx-n122.json"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := runeCount(data), utf8.RuneCount(data); got != want {
			t.Fatalf("runeCount = %d, want %d", got, want)
		}
		d := NewDoc("f.json", data)
		var check func(v Value)
		check = func(v Value) {
			if got, want := d.Pos(v.Offset()), source.OffsetPos("f.json", data, v.Offset()); got != want {
				t.Fatalf("Pos(%d) = %v, want %v", v.Offset(), got, want)
			}
			for _, m := range v.Members() {
				check(m)
			}
			for _, item := range v.Items() {
				check(item)
			}
			StripMarkup(v.Text())
		}
		root, _ := d.Parse(func(keys []string) bool { return len(keys) == 0 }, func(_ []string, _ int, v Value) bool {
			check(v)
			return true
		})
		check(root)
		Peek(data, 3, func([]string, Kind, string) bool { return true })
	})
}
