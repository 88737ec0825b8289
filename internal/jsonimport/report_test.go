package jsonimport

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/source"
)

func TestReporter(t *testing.T) {
	t.Parallel()
	data := []byte(`{"s": ["a", 1, null, " ", "b"], "o": [{"x": 1}, 2, null], "n": 3, "t": true}`)
	doc := NewDoc("r.json", data)
	root, err := doc.Parse(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var warnings source.ErrorList
	r := &Reporter{Doc: doc, Warnings: &warnings}
	var got []string
	for _, s := range r.Strings(root.Get("s"), "s", Line) {
		got = append(got, s.Text)
	}
	for i := range r.Objects(root.Get("o"), "o") {
		got = append(got, string(rune('0'+i)))
	}
	if s, ok := r.Text(root.Get("n"), "n", true); ok {
		got = append(got, s)
	}
	if _, ok := r.Text(root.Get("t"), "t", false); ok {
		t.Error("Text of true is ok")
	}
	r.Strings(root.Get("n"), "n", Line)
	r.Warnf(root.Get("t"), "t", "a warning: %w", source.ErrType)
	if diff := cmp.Diff([]string{"a", "b", "0", "3"}, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"r.json:1:13 s[1]", "r.json:1:49 o[1]", "r.json:1:72 t", "r.json:1:64 n"}, errorsAt(r.Errs)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	for _, e := range r.Errs {
		if !errors.Is(e, source.ErrType) {
			t.Errorf("error %v does not wrap ErrType", e)
		}
	}
	if len(warnings) != 1 || warnings[0].Path != "t" {
		t.Errorf("warnings %v, want one at t", warnings)
	}
}

func errorsAt(list source.ErrorList) []string {
	var out []string
	for _, e := range list {
		out = append(out, e.Pos.String()+" "+e.Path)
	}
	return out
}
