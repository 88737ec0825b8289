// Package suggest finds, for a word that names nothing, the word meant:
// the "did you mean" of the messages of the loader, validation and the
// command.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate nearest to word, or "" if none is near
// enough to be a plausible typing mistake: at most one edit for words of up
// to 4 characters, and a third of the word's length beyond (an edit is a
// character inserted, deleted, replaced, or two adjacent ones swapped;
// case is ignored). Ties go to the earliest candidate.
func Closest(word string, candidates []string) string {
	n := utf8.RuneCountInString(word)
	limit := max(1, n/3)
	best, bestDist := "", limit+1
	w := []rune(strings.ToLower(word))
	for _, c := range candidates {
		if c == word || c == "" {
			continue
		}
		if d := distance(w, []rune(strings.ToLower(c))); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// Hint returns ` (did you mean "x"?)` for the candidate nearest to word,
// or "" if there is none.
func Hint(word string, candidates []string) string {
	if c := Closest(word, candidates); c != "" {
		return ` (did you mean "` + c + `"?)`
	}
	return ""
}

// distance is the optimal string alignment distance between a and b:
// Levenshtein's, with a swap of adjacent characters counted as one edit.
func distance(a, b []rune) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b)) // not worth comparing: no suggestion
	}
	// Three rows of the matrix at a time, in one array on the stack: the
	// one before the previous (for transpositions), the previous, this.
	var buf [3][65]int
	prev2, prev, cur := buf[0][:len(b)+1], buf[1][:len(b)+1], buf[2][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
