package cli

import (
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/dataset"
)

// reportMatches prints what matching authors to people did: each
// ambiguous author as a warning, every line of the report when all is
// set (scholarld validate), and a summary line; it writes the full report,
// a line an author, to the file named by file if it is not "".
func reportMatches(env *Env, matches []dataset.Match, all bool, file string) error {
	counts := make(map[dataset.MatchBy]int)
	var b strings.Builder
	for _, m := range matches {
		counts[m.By]++
		line := m.String()
		if file != "" {
			b.WriteString(line)
			b.WriteByte('\n')
		}
		switch {
		case all:
			fmt.Fprintf(env.Stderr, "author: %s\n", line)
		case m.By == dataset.Ambiguous:
			fmt.Fprintf(env.Stderr, "warning: %v\n", m.Err())
		}
	}
	if file != "" {
		if err := writeFileAtomic(file, []byte(b.String())); err != nil {
			return err
		}
	}
	if len(matches) > 0 {
		fmt.Fprintln(env.Stderr, matchSummary(counts, file))
	}
	return nil
}

// matchSummary says in one line how many authors were matched, how, and
// how many were not.
func matchSummary(counts map[dataset.MatchBy]int, file string) string {
	matched := counts[dataset.ByORCID] + counts[dataset.ByVariant] + counts[dataset.ByName]
	var how []string
	for _, by := range []dataset.MatchBy{dataset.ByORCID, dataset.ByVariant, dataset.ByName} {
		if counts[by] > 0 {
			how = append(how, fmt.Sprintf("%d by %s", counts[by], by))
		}
	}
	s := fmt.Sprintf("authors: %d matched to people", matched)
	if len(how) > 0 {
		s += " (" + strings.Join(how, ", ") + ")"
	}
	s += fmt.Sprintf(", %d ambiguous, %d unmatched that resemble a person", counts[dataset.Ambiguous], counts[dataset.Unmatched])
	if file != "" {
		return s + "; listed in " + file
	}
	return s + "; see -matches FILE"
}
