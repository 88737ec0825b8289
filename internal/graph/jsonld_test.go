package graph

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/internal/hostile"
)

// TestCompact checks that a compact encoder writes what encoding/json's
// Compact makes of the indented document, for the example and for a
// dataset whose every text is hostile, as a document and as a script
// element, and for an empty graph.
func TestCompact(t *testing.T) {
	var ld dataset.Loader
	ld.FS = seed.FS
	example, err := ld.Load(".")
	if err != nil {
		t.Fatal(err)
	}
	bad, err := hostile.Dataset("../../validate/testdata/ada.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]*dataset.Dataset{"example": example, "hostile": bad, "empty": {}} {
		for _, script := range []bool{false, true} {
			encode := func(compact bool) string {
				m, err := NewMapper(d, Options{})
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				newEncoder := NewJSONLDEncoder
				if script {
					newEncoder = NewScriptEncoder
				}
				e := newEncoder(&b)
				if compact {
					e.SetCompact()
				}
				if _, _, err := Write(e, m.Dataset(d)); err != nil {
					t.Fatal(err)
				}
				return b.String()
			}
			indented, compact := encode(false), encode(true)
			if script {
				indented, compact = unwrap(t, indented), unwrap(t, compact)
			}
			var want bytes.Buffer
			if err := json.Compact(&want, []byte(indented)); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			want.WriteByte('\n')
			if compact != want.String() {
				t.Errorf("%s, script %v: compact document differs from json.Compact's:\n got %.300s\nwant %.300s", name, script, compact, want.String())
			}
			if len(compact) >= len(indented) && name != "empty" {
				t.Errorf("%s: compact %d bytes, indented %d", name, len(compact), len(indented))
			}
		}
	}
}

// unwrap returns the JSON inside a script element.
func unwrap(t *testing.T, s string) string {
	t.Helper()
	json, ok := strings.CutPrefix(s, scriptStart)
	if ok {
		json, ok = strings.CutSuffix(json, scriptEnd)
	}
	if !ok {
		t.Fatalf("not a script element: %.100q", s)
	}
	return json
}
