package dataset

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// ErrAmbiguous is wrapped by the warnings of [Dataset.MatchAuthors] about
// an author whose name is that of several people of the dataset.
var ErrAmbiguous = errors.New("ambiguous author")

// MatchBy says how an author was found to be a person of the dataset, or
// why not.
type MatchBy uint8

// The ways of [Match].
const (
	// ByORCID: the author's ORCID iD is the person's.
	ByORCID MatchBy = iota + 1
	// ByVariant: the author's name is one the person declares among the
	// other names of their data (name.other).
	ByVariant
	// ByName: the author's name, normalized, is that of this person and of
	// no other person of the dataset.
	ByName
	// Ambiguous: the name is that of several people (the Candidates), or
	// of a person already an author of the work; the author is left as
	// it is.
	Ambiguous
	// Unmatched: no person has this name, but Candidates have the same
	// family name and first initial, or have another ORCID iD; the author
	// is left as it is. An author whose name resembles no person's is not
	// reported.
	Unmatched
)

// String returns the way as the match report prints it.
func (b MatchBy) String() string {
	switch b {
	case ByORCID:
		return "ORCID iD"
	case ByVariant:
		return "declared name"
	case ByName:
		return "unique name"
	case Ambiguous:
		return "ambiguous"
	case Unmatched:
		return "unmatched"
	}
	return fmt.Sprintf("MatchBy(%d)", int(b))
}

// A Match is one line of the match report: an author of a publication, at
// their rank in its author list, and the person of the dataset they were
// found to be, or why not.
type Match struct {
	Publication string        // the publication's id
	Rank        int           // the author's place in the author list, from 1
	Name        string        // the author's name as printed
	ORCID       profile.ORCID // the author's iD, if the source gives one
	Person      string        // the id of the person matched; "" if none
	By          MatchBy
	Candidates  []string // ids of the people the name may be: for Ambiguous and Unmatched

	at    source.Origin // of the publication
	index int           // of the publication in the dataset matched
}

// Where returns the position and path of the author, such as
// "works.yaml:12:9" and "publications[3].authors[2]" (the position of the
// publication when its source has no finer one), as [Dataset.Locate]
// does. It is worked out when asked for, so that matching costs no
// look-up of positions.
func (m Match) Where() (source.Pos, string) {
	return locate(m.at, Publications, m.index, fmt.Sprintf("authors[%d]", m.Rank-1))
}

// Err returns the warning of an ambiguous author, at its place, wrapping
// [ErrAmbiguous]; nil for others.
func (m Match) Err() *source.Error {
	if m.By != Ambiguous {
		return nil
	}
	pos, path := m.Where()
	return &source.Error{Pos: pos, Path: path, Err: fmt.Errorf("author %q may be %s: not matched; write its ref: %w",
		m.Name, strings.Join(m.Candidates, " or "), ErrAmbiguous)}
}

// String formats m as the match report prints it: "file:line:col: path:
// "Name" is person-id (by ORCID iD)".
func (m Match) String() string {
	var what string
	switch m.By {
	case ByORCID, ByVariant, ByName:
		what = fmt.Sprintf("%q is %s (by %s)", m.Name, m.Person, m.By)
	case Ambiguous:
		what = fmt.Sprintf("%q is ambiguous: %s; write its ref", m.Name, strings.Join(m.Candidates, " or "))
	default:
		if m.ORCID != "" {
			what = fmt.Sprintf("%q (ORCID iD %s) is not matched: the name is that of %s, whose iD is another", m.Name, m.ORCID, strings.Join(m.Candidates, ", "))
			break
		}
		what = fmt.Sprintf("%q is not matched, but resembles %s; add the name to the person's name.other if it is theirs", m.Name, strings.Join(m.Candidates, ", "))
	}
	pos, path := m.Where()
	return fmt.Sprintf("%s: %s: %s", where(pos), path, what)
}

// MatchAuthors finds the people of d among the authors of its
// publications, and makes each author found a reference to the person
// (Ref), keeping the name as printed: the person's page, profile, ORCID
// works and bibliography then list the work, with the person at their
// rank. [Merge] calls it. It returns the report of every author it
// matched, every ambiguous one and every unmatched one that resembles a
// person; [Match.Err] makes an ambiguous one a warning, wrapping
// [ErrAmbiguous], as the command prints it. Authors that already refer to
// a person are left alone.
//
// An author is a person when
//   - the author's ORCID iD is the person's; or
//   - the author has no iD, or the person none, and the author's name is
//     the person's: one of the names the person declares (name.display,
//     given and family, name.other), compared without case, accents,
//     punctuation, particles ("van", "de") or suffixes ("Jr."), in either
//     order ("Family, Given"), and on the first given name; a name of
//     initials ("I. Mitliagkas") is compared on the first initial. The
//     name must be that of exactly one person: two candidates is
//     ambiguous, never a guess.
//
// An author whose iD is not the candidate's is never matched by name.
// MatchAuthors costs what the authors and the people's names hold: one
// look-up a name.
func (d *Dataset) MatchAuthors() []Match {
	if len(d.People) == 0 {
		return nil
	}
	var m Matcher
	m.Add(d.People)
	return m.Match(d)
}

// A Matcher matches authors to people, as [Dataset.MatchAuthors] does, for
// a dataset read in parts: package stream adds the people of each part as
// it comes and matches the publications of each part to the people added
// so far. The zero Matcher knows nobody. It is not safe for concurrent use.
type Matcher struct {
	people  []matchPerson
	orcid   map[profile.ORCID]int
	full    map[string][]int    // "given|family" on the first given name → people
	initial map[string][]int    // "g|family" on the first initial → people
	variant map[string][]string // a declared name.other, normalized whole → people ids
}

// A matchPerson is what a Matcher keeps of a person.
type matchPerson struct {
	id    string
	orcid profile.ORCID
}

// Len returns the number of people m knows.
func (m *Matcher) Len() int { return len(m.people) }

// Add makes people known to m, by their ORCID iDs and names; the first
// person with an iD or a name keeps it, as ids in [Merge].
func (m *Matcher) Add(people []profile.Person) {
	if m.orcid == nil {
		m.orcid, m.full, m.initial, m.variant = make(map[profile.ORCID]int), make(map[string][]int), make(map[string][]int), make(map[string][]string)
	}
	add := func(x map[string][]int, k string, i int) {
		if k != "" && !slices.Contains(x[k], i) {
			x[k] = append(x[k], i)
		}
	}
	for _, p := range people {
		i := len(m.people)
		m.people = append(m.people, matchPerson{id: p.ID, orcid: p.Identifiers.ORCID})
		if id := p.Identifiers.ORCID; id != "" {
			if _, dup := m.orcid[id]; !dup {
				m.orcid[id] = i
			}
		}
		names := []string{p.Name.Display}
		if p.Name.Given != "" && p.Name.Family != "" {
			names = append(names, p.Name.Family+", "+p.Name.Given)
		}
		names = append(names, p.Name.Other...)
		for k, s := range names {
			n := parseName(s)
			add(m.full, n.fullKey(), i)
			add(m.initial, n.initialKey(), i)
			if k >= len(names)-len(p.Name.Other) {
				if w := n.whole(); w != "" && !slices.Contains(m.variant[w], p.ID) {
					m.variant[w] = append(m.variant[w], p.ID)
				}
			}
		}
	}
}

// Match matches the authors of the publications of d to the people m
// knows, as [Dataset.MatchAuthors] does, and returns its report.
func (m *Matcher) Match(d *Dataset) []Match {
	if len(m.people) == 0 {
		return nil
	}
	var report []Match
	for i := range d.Publications {
		p := &d.Publications[i]
		for j := range p.Authors {
			a := &p.Authors[j]
			if a.Ref != "" || a.Name == "" && a.ORCID == "" {
				continue
			}
			r, ok := m.match(a.Name, a.ORCID)
			if !ok {
				continue
			}
			if r.Person != "" && slices.ContainsFunc(p.Authors, func(o profile.PersonRef) bool { return o.Ref == r.Person }) {
				r.By, r.Candidates, r.Person = Ambiguous, []string{r.Person + " (already an author of this work)"}, ""
			}
			r.Publication, r.Rank, r.Name, r.at, r.index = p.ID, j+1, a.Name, p.Origin, i
			if r.By == Unmatched {
				r.ORCID = a.ORCID
			}
			if r.Person != "" {
				a.Ref = r.Person
			}
			report = append(report, r)
		}
	}
	return report
}

// match returns the report line of an author, without its place, and
// whether there is one.
func (x *Matcher) match(name string, id profile.ORCID) (Match, bool) {
	if id != "" {
		if i, ok := x.orcid[id]; ok {
			return Match{Person: x.people[i].id, By: ByORCID}, true
		}
	}
	n := parseName(name)
	var cands []int
	if n.initials {
		cands = x.initial[n.initialKey()]
	} else {
		cands = x.full[n.fullKey()]
	}
	// A person whose iD is not the author's is someone else.
	var ids, others []string
	for _, i := range cands {
		p := x.people[i]
		if id == "" || p.orcid == "" || p.orcid == id {
			ids = append(ids, p.id)
		} else {
			others = append(others, p.id)
		}
	}
	switch len(ids) {
	case 0:
		if len(others) > 0 {
			return Match{By: Unmatched, Candidates: others}, true
		}
		// Resembling: the same family name and first initial ("Alan
		// Lovelace" and Ada), or the name of a person with another iD.
		var like []string
		for _, i := range x.initial[n.initialKey()] {
			like = append(like, x.people[i].id)
		}
		if len(like) == 0 {
			return Match{}, false
		}
		return Match{By: Unmatched, Candidates: like}, true
	case 1:
		by := ByName
		if slices.Contains(x.variant[n.whole()], ids[0]) {
			by = ByVariant
		}
		return Match{Person: ids[0], By: by}, true
	}
	return Match{By: Ambiguous, Candidates: ids}, true
}

// A personName is a name split and normalized for matching: lower case,
// without accents, punctuation, particles or suffixes.
type personName struct {
	given    []string // given names, or initials
	family   string
	initials bool // the first given name is an initial
}

// particles are the lower-case words that start a family name ("van
// Beethoven", "de la Cruz") and that matching ignores.
var particles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true, "di": true,
	"da": true, "du": true, "des": true, "la": true, "le": true, "dos": true, "das": true, "do": true,
	"ten": true, "ter": true, "zu": true, "y": true, "bin": true, "ibn": true, "al": true, "el": true,
}

// suffixes are the generational suffixes that matching ignores.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// parseName splits a name as bylines print it: "Given Family", or
// "Family, Given" (and BibTeX's "Family, Jr, Given").
func parseName(s string) personName {
	var given, family []string
	if parts := strings.Split(s, ","); len(parts) > 1 {
		family = words(parts[0])
		given = words(parts[len(parts)-1])
		if len(parts) == 2 && len(given) == 1 && suffixes[given[0]] {
			// "Given Family, Jr."
			all := family
			given, family = all[:max(0, len(all)-1)], all[max(0, len(all)-1):]
		}
	} else {
		all := words(s)
		for len(all) > 1 && suffixes[all[len(all)-1]] {
			all = all[:len(all)-1] // "Martin Luther King Jr."
		}
		if len(all) > 0 {
			given, family = all[:len(all)-1], all[len(all)-1:]
		}
	}
	var n personName
	for _, w := range family {
		if !particles[w] && !suffixes[w] {
			n.family += w
		}
	}
	for _, w := range given {
		if !particles[w] && !suffixes[w] {
			n.given = append(n.given, w)
		}
	}
	// "G. García Márquez" is compared on its initial.
	n.initials = len(n.given) > 0 && utf8.RuneCountInString(n.given[0]) == 1
	return n
}

// fullKey is the key of the name on its first given name.
func (n personName) fullKey() string {
	if n.family == "" || len(n.given) == 0 || n.initials {
		return ""
	}
	return n.given[0] + "|" + n.family
}

// initialKey is the key of the name on its first initial.
func (n personName) initialKey() string {
	if n.family == "" || len(n.given) == 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(n.given[0])
	return n.given[0][:size] + "|" + n.family
}

// whole is the whole name, normalized.
func (n personName) whole() string {
	if n.family == "" {
		return ""
	}
	return strings.Join(n.given, " ") + "|" + n.family
}

// words returns the words of s in lower case, without accents, split at
// spaces and full stops, hyphens dropped: "J.-P." is "j", "p", and
// "Skłodowska-Curie" is "sklodowskacurie".
func words(s string) []string {
	// One buffer for the folded name, and the words as slices of it: two
	// allocations a name.
	buf := make([]byte, 0, len(s))
	var cuts []int // end of each word in buf
	for _, r := range s {
		switch {
		case r == ' ' || r == '.' || r == '\t' || r == '\u00a0':
			if n := len(cuts); len(buf) > 0 && (n == 0 || cuts[n-1] != len(buf)) {
				cuts = append(cuts, len(buf))
			}
		case r == '-' || r == '\u2010' || r == '\u2011' || r == '\'' || r == '\u2019' || r == '{' || r == '}' || r == '"':
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
		default:
			r = unicode.ToLower(r)
			if f, ok := folds[r]; ok {
				buf = append(buf, f...)
			} else {
				buf = utf8.AppendRune(buf, r)
			}
		}
	}
	if n := len(cuts); len(buf) > 0 && (n == 0 || cuts[n-1] != len(buf)) {
		cuts = append(cuts, len(buf))
	}
	all := string(buf)
	out := make([]string, len(cuts))
	from := 0
	for i, c := range cuts {
		out[i], from = all[from:c], c
	}
	return out
}

// folds maps Latin letters with accents, in lower case, to their letters
// without: ß is "ss", æ "ae", ø "o". The standard library has no Unicode
// decomposition; names in other scripts are compared as written.
var folds = func() map[rune]string {
	m := make(map[rune]string)
	for base, letters := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđð", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏő",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
		"ae": "æ", "oe": "œ", "ss": "ß", "th": "þ",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()
