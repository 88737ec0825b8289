package orcid

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/source"
)

// A Lost is one piece of data that a conversion could not carry, or could
// carry only in another form.
type Lost struct {
	// Path is where the data is: in the model, such as
	// "people[0].supervisions[3]", for [Export]; in the ORCID document,
	// such as "activities-summary.works.group[2]", for [Import].
	Path string
	// Reason says what is lost and why, such as "ORCID has no supervision
	// section".
	Reason string
	// Pos is where the data is in its file, when [Import] knows it: for
	// the sections of a record it skips, such as fundings.
	Pos source.Pos
}

// String returns "path: reason".
func (l Lost) String() string { return l.Path + ": " + l.Reason }

// Loss lists what a conversion could not carry, in the order of the data.
// The zero value is an empty list.
type Loss []Lost

// add appends a Lost at path with a formatted reason.
func (l *Loss) add(path, format string, args ...any) {
	*l = append(*l, Lost{Path: path, Reason: fmt.Sprintf(format, args...)})
}

// String returns one line per item, each ending in a newline.
func (l Loss) String() string {
	var b strings.Builder
	for _, x := range l {
		b.WriteString(x.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Under returns the items whose path is prefix or starts with prefix
// followed by "." or "[", such as l.Under("people[0].supervisions").
func (l Loss) Under(prefix string) Loss {
	var out Loss
	for _, x := range l {
		if x.Path == prefix || strings.HasPrefix(x.Path, prefix+".") || strings.HasPrefix(x.Path, prefix+"[") {
			out = append(out, x)
		}
	}
	return out
}

// sortByPath sorts l by path: the model's sections in the order people,
// organizations, publications, then indexes by number and names
// alphabetically, keeping the order of items at the same path.
func (l Loss) sortByPath() {
	rank := func(path string) int {
		for i, s := range []string{"people", "organizations", "publications"} {
			if strings.HasPrefix(path, s) {
				return i
			}
		}
		return 3
	}
	slices.SortStableFunc(l, func(a, b Lost) int {
		return cmp.Or(cmp.Compare(rank(a.Path), rank(b.Path)), naturalCompare(a.Path, b.Path))
	})
}

// naturalCompare compares two strings with runs of digits compared as
// numbers, so that "a[2]" sorts before "a[10]".
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, _ := strconv.Atoi(a[:da])
			nb, _ := strconv.Atoi(b[:db])
			if c := cmp.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

// digitRun returns the number of ASCII digits s starts with.
func digitRun(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}
