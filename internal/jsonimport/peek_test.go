package jsonimport

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPeek(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data string
		depth      int
		want       []string
	}{
		{"object", `{"status": "ok", "message": {"DOI": "10.1/x", "title": ["T"], "author": [{"given": "A"}]}, "n": 1}`, 2, []string{
			` { ""`, `status " "ok"`, `message { ""`, `message.DOI " "10.1/x"`, `message.title [ ""`,
			`message.author [ ""`, `n 0 "1"`,
		}},
		{"array", `[{"title": ["T"]}, {"title": "U"}]`, 2, []string{
			` [ ""`, `[0] { ""`, `[0].title [ ""`, `[1] { ""`, `[1].title " "U"`,
		}},
		{"truncated", `{"a": "b", "c": [1, 2`, 3, []string{` { ""`, `a " "b"`, `c [ ""`, `c.[0] 0 "1"`, `c.[1] 0 "2"`}},
		{"yaml", "people:\n  - id: x\n", 3, nil},
		{"scalar", `"text"`, 3, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			Peek([]byte(tc.data), tc.depth, func(path []string, k Kind, text string) bool {
				got = append(got, fmt.Sprintf("%s %c %q", strings.Join(path, "."), byte(k), text))
				return true
			})
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Peek (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPeekBounded checks that Peek reads no further than PeekLimit.
func TestPeekBounded(t *testing.T) {
	t.Parallel()
	data := `{"pad": "` + strings.Repeat("x", PeekLimit) + `", "DOI": "10.1/x"}`
	Peek([]byte(data), 3, func(path []string, k Kind, text string) bool {
		if len(path) > 0 && path[0] == "DOI" {
			t.Errorf("Peek saw a member beyond its limit")
		}
		return true
	})
}
