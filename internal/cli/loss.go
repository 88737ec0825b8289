package cli

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
)

// A personLoss is what one person's ORCID record cannot hold.
type personLoss struct {
	person string
	loss   orcid.Loss
}

// A lossItem is one thing ORCID cannot hold, at the place it comes from.
type lossItem struct {
	pos    string // file:line:col, or "" if unknown
	path   string // its path in its file, or in the dataset
	key    string // its path in the dataset, such as "people[0].supervisions[3]"
	reason string
}

// lossItems returns the items of losses once each: a publication or an
// organization that several people's records hold is listed once, at the
// position of the field it comes from.
func lossItems(d *dataset.Dataset, losses []personLoss) []lossItem {
	var items []lossItem
	seen := make(map[orcid.Lost]bool)
	for _, pl := range losses {
		for _, l := range pl.loss {
			if seen[l] {
				continue
			}
			seen[l] = true
			it := lossItem{path: l.Path, key: l.Path, reason: l.Reason}
			if s, i, sub, ok := splitPath(l.Path); ok && i < sectionLen(d, s) {
				pos, path := d.Locate(s, i, sub)
				it.path = path
				if pos.IsValid() {
					it.pos = pos.String()
				}
			}
			items = append(items, it)
		}
	}
	return items
}

var recordPath = regexp.MustCompile(`^(people|organizations|publications)\[(\d+)\]\.?(.*)$`)

// splitPath splits a path of the dataset such as "people[0].supervisions[3]"
// into its section, record index and the path below the record.
func splitPath(path string) (dataset.Section, int, string, bool) {
	m := recordPath.FindStringSubmatch(path)
	if m == nil {
		return 0, 0, "", false
	}
	i, err := strconv.Atoi(m[2])
	if err != nil {
		return 0, 0, "", false
	}
	s := map[string]dataset.Section{"people": dataset.People, "organizations": dataset.Organizations, "publications": dataset.Publications}[m[1]]
	return s, i, m[3], true
}

func sectionLen(d *dataset.Dataset, s dataset.Section) int {
	switch s {
	case dataset.People:
		return len(d.People)
	case dataset.Organizations:
		return len(d.Organizations)
	}
	return len(d.Publications)
}

var indexes = regexp.MustCompile(`\[\d+\]`)

// category names the kind of an item for the summary, such as
// "supervisions" or "venue details", from its path.
func category(path string) string {
	_, _, sub, ok := splitPath(path)
	if !ok {
		return strings.ReplaceAll(indexes.ReplaceAllString(path, ""), "_", " ")
	}
	sub = indexes.ReplaceAllString(sub, "")
	if strings.HasPrefix(sub, "venue") {
		return "venue details"
	}
	if sub == "" {
		s, _, _, _ := splitPath(path)
		return s.String()
	}
	keys := strings.Split(sub, ".")
	if len(keys) > 1 && keys[0] == "supervisions" {
		return "supervisions"
	}
	return strings.ReplaceAll(keys[len(keys)-1], "_", " ")
}

// reportLoss prints one line that says what the ORCID records cannot
// hold, by category, and writes the full report, an item a line, to the
// file named by file if it is not "".
func reportLoss(env *Env, d *dataset.Dataset, losses []personLoss, file string) error {
	items := lossItems(d, losses)
	if len(items) == 0 {
		return nil
	}
	counts := make(map[string]int)
	var cats []string
	for _, it := range items {
		c := category(it.key)
		if counts[c] == 0 {
			cats = append(cats, c)
		}
		counts[c]++
	}
	slices.SortStableFunc(cats, func(a, b string) int { return cmp.Compare(counts[b], counts[a]) })
	var parts []string
	for i, c := range cats {
		if i == 3 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d", c, counts[c]))
	}
	where := "see -loss FILE"
	if file != "" {
		where = "listed in " + file
	}
	fmt.Fprintf(env.Stderr, "ORCID cannot hold %d %s of %d %s (%s); %s\n",
		len(items), plural(len(items), "item", "items"), len(losses), plural(len(losses), "person", "people"), strings.Join(parts, ", "), where)
	if file == "" {
		return nil
	}
	var b strings.Builder
	for _, it := range items {
		if it.pos != "" {
			fmt.Fprintf(&b, "%s: ", it.pos)
		}
		fmt.Fprintf(&b, "%s: %s\n", it.path, it.reason)
	}
	return writeFileAtomic(file, []byte(b.String()))
}

// writeFileAtomic writes data to a temporary file beside name and renames
// it into place.
func writeFileAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	remove := func() { tmp.Close(); os.Remove(tmp.Name()) }
	defer cleanup.add(remove)()
	if _, err := tmp.Write(data); err != nil {
		remove()
		return err
	}
	if err := tmp.Close(); err != nil {
		remove()
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		remove()
		return err
	}
	return nil
}
