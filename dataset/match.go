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
	full    map[string]*namesakes // "given|family" on the first given name
	initial map[string]*namesakes // "g|family" on the first initial
	variant map[string][]string   // a declared name.other, normalized whole → people ids
	names   nameParser            // reused by every look-up, which then allocates nothing
}

// A matchPerson is what a Matcher keeps of a person.
type matchPerson struct {
	id    string
	orcid profile.ORCID
}

// namesakes are the people who bear one name key: their indices, and their
// ids, shared (clipped) by the report lines that list them all.
type namesakes struct {
	people []int
	ids    []string
}

// Len returns the number of people m knows.
func (m *Matcher) Len() int { return len(m.people) }

// Add makes people known to m, by their ORCID iDs and names; the first
// person with an iD or a name keeps it, as ids in [Merge].
func (m *Matcher) Add(people []profile.Person) {
	if m.orcid == nil {
		m.orcid, m.full, m.initial, m.variant = make(map[profile.ORCID]int), make(map[string]*namesakes), make(map[string]*namesakes), make(map[string][]string)
	}
	add := func(x map[string]*namesakes, k []byte, i int) {
		if len(k) == 0 {
			return
		}
		n := x[string(k)]
		if n == nil {
			n = new(namesakes)
			x[string(k)] = n
		}
		if !slices.Contains(n.people, i) {
			n.people = append(n.people, i)
			n.ids = append(n.ids, m.people[i].id)
		}
	}
	p := &m.names
	for _, person := range people {
		i := len(m.people)
		m.people = append(m.people, matchPerson{id: person.ID, orcid: person.Identifiers.ORCID})
		if id := person.Identifiers.ORCID; id != "" {
			if _, dup := m.orcid[id]; !dup {
				m.orcid[id] = i
			}
		}
		names := []string{person.Name.Display}
		if person.Name.Given != "" && person.Name.Family != "" {
			names = append(names, person.Name.Family+", "+person.Name.Given)
		}
		names = append(names, person.Name.Other...)
		for k, s := range names {
			p.parse(s)
			add(m.full, p.fullKey(), i)
			add(m.initial, p.initialKey(), i)
			if k >= len(names)-len(person.Name.Other) {
				if w := p.whole(); len(w) > 0 && !slices.Contains(m.variant[string(w)], person.ID) {
					m.variant[string(w)] = append(m.variant[string(w)], person.ID)
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
	// The lines are gathered small, then made into a report of the exact
	// size: growing a slice of Match, a large struct, would copy each line
	// about twice.
	type hit struct {
		pub, author int32
		by          MatchBy
		person      string
		candidates  []string
	}
	var hits []hit
	for i := range d.Publications {
		p := &d.Publications[i]
		var refs map[string]bool // of a long author list, made when first needed
		for j := range p.Authors {
			a := &p.Authors[j]
			if a.Ref != "" || a.Name == "" && a.ORCID == "" {
				continue
			}
			r, ok := m.match(a.Name, a.ORCID)
			if !ok {
				continue
			}
			if r.Person != "" && m.authorOf(p.Authors, &refs, r.Person) {
				r.By, r.Candidates, r.Person = Ambiguous, []string{r.Person + " (already an author of this work)"}, ""
			}
			if r.Person != "" {
				a.Ref = r.Person
				if refs != nil {
					refs[r.Person] = true
				}
			}
			hits = append(hits, hit{int32(i), int32(j), r.By, r.Person, r.Candidates})
		}
	}
	report := make([]Match, len(hits))
	for k, h := range hits {
		p := &d.Publications[h.pub]
		r := &report[k]
		r.By, r.Person, r.Candidates = h.by, h.person, h.candidates
		r.Publication, r.Rank, r.Name, r.at, r.index = p.ID, int(h.author)+1, p.Authors[h.author].Name, p.Origin, int(h.pub)
		if r.By == Unmatched {
			r.ORCID = p.Authors[h.author].ORCID
		}
	}
	return report
}

// authorOf reports whether the person is already an author of the list:
// a scan of a short list, a set of refs, made once, for a long one, so
// that a work with thousands of authors costs one look-up an author.
func (m *Matcher) authorOf(authors []profile.PersonRef, refs *map[string]bool, person string) bool {
	if len(authors) <= 32 {
		return slices.ContainsFunc(authors, func(o profile.PersonRef) bool { return o.Ref == person })
	}
	if *refs == nil {
		*refs = make(map[string]bool)
		for _, o := range authors {
			if o.Ref != "" {
				(*refs)[o.Ref] = true
			}
		}
	}
	return (*refs)[person]
}

// match returns the report line of an author, without its place, and
// whether there is one.
func (x *Matcher) match(name string, id profile.ORCID) (Match, bool) {
	if id != "" {
		if i, ok := x.orcid[id]; ok {
			return Match{Person: x.people[i].id, By: ByORCID}, true
		}
	}
	p := &x.names
	p.parse(name)
	var n *namesakes
	if p.initials() {
		n = x.initial[string(p.initialKey())]
	} else {
		n = x.full[string(p.fullKey())]
	}
	// A person whose iD is not the author's is someone else.
	var ids, others []string
	if n != nil {
		if id == "" {
			ids = slices.Clip(n.ids)
		} else {
			for _, i := range n.people {
				if q := x.people[i]; q.orcid == "" || q.orcid == id {
					ids = append(ids, q.id)
				} else {
					others = append(others, q.id)
				}
			}
		}
	}
	switch len(ids) {
	case 0:
		if len(others) > 0 {
			return Match{By: Unmatched, Candidates: others}, true
		}
		// Resembling: the same family name and first initial ("Alan
		// Lovelace" and Ada), or the name of a person with another iD.
		like := x.initial[string(p.initialKey())]
		if like == nil {
			return Match{}, false
		}
		return Match{By: Unmatched, Candidates: slices.Clip(like.ids)}, true
	case 1:
		by := ByName
		if slices.Contains(x.variant[string(p.whole())], ids[0]) {
			by = ByVariant
		}
		return Match{Person: ids[0], By: by}, true
	}
	return Match{By: Ambiguous, Candidates: ids}, true
}

// isParticle reports whether a word, in lower case, is one of the
// particles that start a family name ("van Beethoven", "de la Cruz") and
// that matching ignores. (A switch on string(w) does not copy w, and
// costs less than a map look-up for every word of every name.)
func isParticle(w []byte) bool {
	switch string(w) {
	case "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le",
		"dos", "das", "do", "ten", "ter", "zu", "y", "bin", "ibn", "al", "el":
		return true
	}
	return false
}

// isSuffix reports whether a word, in lower case, is a generational
// suffix, which matching ignores.
func isSuffix(w []byte) bool {
	switch string(w) {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// A nameParser splits a name as bylines print it ("Given Family", or
// "Family, Given", and BibTeX's "Family, Jr, Given") and normalizes it for
// matching: lower case, without accents, punctuation, particles or
// suffixes. Its keys are slices of its own buffers, valid until the next
// parse: a Matcher looks them up in its maps without allocating, which
// keeps matching a small part of loading.
type nameParser struct {
	buf    []byte   // the folded name
	words  [][2]int // each word, as a range of buf
	given  []int    // the given names, as indices of words
	family []byte   // the family name, its words joined
	key    []byte
}

// parse splits and normalizes s.
func (p *nameParser) parse(s string) {
	p.buf, p.words, p.given, p.family = p.buf[:0], p.words[:0], p.given[:0], p.family[:0]
	var given, family [2]int // ranges of words
	if first, rest, comma := strings.Cut(s, ","); comma {
		last := rest
		parts := 2
		for {
			_, after, more := strings.Cut(last, ",")
			if !more {
				break
			}
			last, parts = after, parts+1
		}
		family = p.fold(first)
		given = p.fold(last)
		if parts == 2 && given[1]-given[0] == 1 && isSuffix(p.wordBytes(given[0])) {
			// "Given Family, Jr."
			given, family = [2]int{family[0], max(family[0], family[1]-1)}, [2]int{max(family[0], family[1]-1), family[1]}
		}
	} else {
		all := p.fold(s)
		for all[1]-all[0] > 1 && isSuffix(p.wordBytes(all[1]-1)) {
			all[1]-- // "Martin Luther King Jr."
		}
		if all[1] > all[0] {
			given, family = [2]int{all[0], all[1] - 1}, [2]int{all[1] - 1, all[1]}
		}
	}
	for w := family[0]; w < family[1]; w++ {
		if b := p.wordBytes(w); !p.ignored(b) {
			p.family = append(p.family, b...)
		}
	}
	for w := given[0]; w < given[1]; w++ {
		if !p.ignored(p.wordBytes(w)) {
			p.given = append(p.given, w)
		}
	}
}

// initials reports whether the first given name is an initial: "G. García
// Márquez" is compared on it.
func (p *nameParser) initials() bool {
	return len(p.given) > 0 && utf8.RuneCount(p.wordBytes(p.given[0])) == 1
}

// wordBytes returns the i-th word.
func (p *nameParser) wordBytes(i int) []byte { return p.buf[p.words[i][0]:p.words[i][1]] }

// ignored reports whether a word is a particle or a suffix.
func (p *nameParser) ignored(b []byte) bool { return isParticle(b) || isSuffix(b) }

// fullKey is the key of the name on its first given name, or nil.
func (p *nameParser) fullKey() []byte {
	if len(p.family) == 0 || len(p.given) == 0 || p.initials() {
		return nil
	}
	p.key = append(append(append(p.key[:0], p.wordBytes(p.given[0])...), '|'), p.family...)
	return p.key
}

// initialKey is the key of the name on its first initial, or nil.
func (p *nameParser) initialKey() []byte {
	if len(p.family) == 0 || len(p.given) == 0 {
		return nil
	}
	g := p.wordBytes(p.given[0])
	_, size := utf8.DecodeRune(g)
	p.key = append(append(append(p.key[:0], g[:size]...), '|'), p.family...)
	return p.key
}

// whole is the whole name, normalized, or nil.
func (p *nameParser) whole() []byte {
	if len(p.family) == 0 {
		return nil
	}
	p.key = p.key[:0]
	for k, w := range p.given {
		if k > 0 {
			p.key = append(p.key, ' ')
		}
		p.key = append(p.key, p.wordBytes(w)...)
	}
	p.key = append(append(p.key, '|'), p.family...)
	return p.key
}

// fold appends the words of s to p, in lower case, without accents, split
// at spaces and full stops, hyphens dropped ("J.-P." is "j", "p", and
// "Skłodowska-Curie" is "sklodowskacurie"), and returns their range.
func (p *nameParser) fold(s string) [2]int {
	from := len(p.words)
	start := len(p.buf)
	cut := func() {
		if len(p.buf) > start {
			p.words = append(p.words, [2]int{start, len(p.buf)})
			start = len(p.buf)
		}
	}
	for _, r := range s {
		switch {
		case r == ' ' || r == '.' || r == '\t' || r == '\u00a0':
			cut()
		case r == '-' || r == '\u2010' || r == '\u2011' || r == '\'' || r == '\u2019' || r == '{' || r == '}' || r == '"':
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			p.buf = append(p.buf, byte(r))
		default:
			r = unicode.ToLower(r)
			if f, ok := folds[r]; ok {
				p.buf = append(p.buf, f...)
			} else {
				p.buf = utf8.AppendRune(p.buf, r)
			}
		}
	}
	cut()
	return [2]int{from, len(p.words)}
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
