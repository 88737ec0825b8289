package openalex

import (
	"testing"
	"unicode/utf8"
)

func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "a", "abcdefgh", "abcdefghi", "Université de Montréal", "école", "日本語のテキストです", "😀 emoji 😀😀 and more text after", "Larivière, Vincent — Université du Québec à Montréal"} {
		for i := 0; i <= len(s); i++ {
			if !utf8.ValidString(s[:i]) {
				continue
			}
			if got, want := runeCount([]byte(s[:i])), utf8.RuneCountInString(s[:i]); got != want {
				t.Errorf("runeCount(%q) = %d, want %d", s[:i], got, want)
			}
		}
	}
}
