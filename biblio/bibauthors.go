package biblio

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// A listName is one item of a BibTeX name list as written, and what it
// became.
type listName struct {
	n      name
	author int  // its index in the publication's Authors, or -1 if left out
	others bool // the keyword "others"
}

// readAuthors reads the author field f of the entry called key into p's
// Authors, in the list's order. The keyword "others" sets p.EtAl and is no
// author (see [isOthers]); a name of white space only, such as an empty
// item between two "and"s, is left out with a warning. It returns the items of
// the list as written, which the ORCID iDs given by number or by name are
// matched to.
func (r *bibReader) readAuthors(key string, f field, p *publication.Publication) []listName {
	path := key + "." + f.Name
	items := splitAnd(f.Value)
	names := make([]listName, 0, len(items))
	for i, item := range items {
		if isOthers(item) {
			p.EtAl = true
			if i < len(items)-1 {
				r.warnf(f.Off, path, "name %d of %d is %s, which marks the end of a truncated list: read as et al., here as there", i+1, len(items), excerpt(item))
			}
			names = append(names, listName{author: -1, others: true})
			continue
		}
		n := parseName(item)
		if !n.named() {
			r.warnf(f.Off, path, "name %d of %d is empty (two \"and\" in a row?): an author without a name is no author", i+1, len(items))
			names = append(names, listName{author: -1})
			continue
		}
		names = append(names, listName{n: n, author: len(p.Authors)})
		p.Authors = append(p.Authors, publication.Contributor{Name: n.display()})
	}
	return names
}

// The fields that give the ORCID iDs of an entry's authors, in the order
// they are read: where two give one author different iDs, the first wins.
const (
	fieldORCIDAnnotation = "author+an:orcid" // biblatex; citation.js writes it
	fieldWoSORCIDs       = "orcid-numbers"   // Web of Science's export
	fieldORCIDList       = "orcid"           // a plain list, as in Ultralytics' citations
)

// readORCIDs gives the authors of p the ORCID iDs that the fields of e
// state, in the order of [fieldORCIDAnnotation], [fieldWoSORCIDs] and
// [fieldORCIDList]. A malformed iD is an error; an iD that cannot be
// matched to exactly one author, or that contradicts an earlier one, is a
// warning, and left out.
func (r *bibReader) readORCIDs(e entry, names []listName, p *publication.Publication) {
	as := &orcidAssigner{r: r, key: e.Key, names: names, p: p, owner: make(map[profile.ORCID]int)}
	if f, ok := e.get(fieldORCIDAnnotation); ok {
		r.orcidAnnotation(as, f)
	}
	if f, ok := e.get(fieldWoSORCIDs); ok {
		r.wosORCIDs(as, f)
	}
	if f, ok := e.get(fieldORCIDList); ok {
		r.orcidList(as, f)
	}
}

// An orcidAssigner gives the authors of one entry their ORCID iDs.
type orcidAssigner struct {
	r     *bibReader
	key   string
	names []listName
	p     *publication.Publication
	owner map[profile.ORCID]int // iD → index in p.Authors
}

// set gives item (0-based, in the list as written) the iD written raw,
// read from field f; who names the item in messages.
func (as *orcidAssigner) set(item int, raw string, f field, who string) {
	path := as.key + "." + f.Name
	id, err := profile.ParseORCID(strings.TrimSpace(raw))
	if err != nil {
		as.r.errorf(f.Off, path, "%s: %w", who, err)
		return
	}
	if item < 0 || item >= len(as.names) {
		as.r.warnf(f.Off, path, "%s: the author list has %d names: the iD %s is no one's", who, len(as.names), id)
		return
	}
	ln := as.names[item]
	if ln.author < 0 {
		what := "empty"
		if ln.others {
			what = `"others"`
		}
		as.r.warnf(f.Off, path, "%s: the iD %s is that of name %d, which is %s and no author", who, id, item+1, what)
		return
	}
	a := &as.p.Authors[ln.author]
	if other, ok := as.owner[id]; ok && other != ln.author {
		as.r.warnf(f.Off, path, "%s: the iD %s is also that of %q: an iD is one person's", who, id, as.p.Authors[other].Name)
		return
	}
	switch a.ORCID {
	case id:
	case "":
		a.ORCID = id
		as.owner[id] = ln.author
	default:
		as.r.warnf(f.Off, path, "%s: the iD %s of %q, who already has %s from an earlier field: the first is kept", who, id, a.Name, a.ORCID)
	}
}

// orcidAnnotation reads a biblatex data annotation of the author list
// named orcid, as citation.js writes it:
//
//	author+an:orcid = {1="0000-0002-1825-0097"; 3="0000-0001-5109-3700"}
//
// In the grammar of biblatex's manual (section 3.7, Data Annotations) and
// of biber, specifications are separated by semicolons, each
// [<item>[:<part>]]=<annotations>, the item a number from 1 in the list
// as written, the annotations one quoted literal or comma-separated
// keywords. An iD is one author's: a specification of the whole field or
// of a part of a name gives none, and is left out with a warning.
func (r *bibReader) orcidAnnotation(as *orcidAssigner, f field) {
	path := as.key + "." + f.Name
	for _, spec := range strings.Split(f.Value, ";") {
		spec = strings.TrimSpace(spec)
		if spec == "" {
			continue
		}
		lhs, v, ok := strings.Cut(spec, "=")
		lhs, v = strings.TrimSpace(lhs), strings.TrimSpace(v)
		if !ok || v == "" {
			r.errorf(f.Off, path, "%s: want <author number>=\"<ORCID iD>\": %w", excerpt(spec), source.ErrSyntax)
			continue
		}
		if lhs == "" {
			r.warnf(f.Off, path, "%s annotates the whole author list: an iD is one author's, given by number (1=\"…\")", excerpt(spec))
			continue
		}
		item, part, _ := strings.Cut(lhs, ":")
		n, err := strconv.Atoi(strings.TrimSpace(item))
		if err != nil || n < 1 {
			r.errorf(f.Off, path, "%s: want the number of an author, 1 for the first, before =: %w", excerpt(spec), source.ErrSyntax)
			continue
		}
		who := fmt.Sprintf("author %d", n)
		if part != "" {
			r.warnf(f.Off, path, "%s annotates a part of %s: an iD belongs to a whole name", excerpt(spec), who)
			continue
		}
		if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
			v = v[1 : len(v)-1] // a literal annotation
		} else if strings.Contains(v, ",") {
			r.errorf(f.Off, path, "%s: several annotations of %s: want one ORCID iD: %w", excerpt(spec), who, source.ErrSyntax)
			continue
		}
		as.set(n-1, toUnicode(v, false), f, who)
	}
}

// wosORCIDs reads the ORCID-Numbers field of Web of Science's BibTeX:
// "Family, Given/iD" entries separated by semicolons or line breaks, the
// names as Web of Science writes them, not always as the author list
// does:
//
//	ORCID-Numbers = {Pratyush, Pawel/0000-0002-4210-1200;
//	   Saigo, Hiroto/0000-0001-...}
//
// Lines are wrapped at spaces, even within a name. Each entry is matched
// to the author of the same family name (with von part, ignoring case,
// accents and punctuation) and first initial; an entry that matches no
// author or several is left out with a warning.
func (r *bibReader) wosORCIDs(as *orcidAssigner, f field) {
	path := as.key + "." + f.Name
	type named struct {
		item    int
		initial rune
	}
	byFamily := make(map[string][]named)
	for i, ln := range as.names {
		if family, initial := nameKey(ln.n); family != "" && !ln.others {
			byFamily[family] = append(byFamily[family], named{i, initial})
		}
	}
	s := collapse(f.Value)
	for s != "" {
		s = strings.TrimLeft(s, "; ")
		if s == "" {
			break
		}
		slash := strings.IndexByte(s, '/')
		if slash < 0 {
			r.errorf(f.Off, path, "%s: want Family, Given/iD: %w", excerpt(s), source.ErrSyntax)
			return
		}
		who := strings.TrimSpace(s[:slash])
		rest := s[slash+1:]
		end := strings.IndexAny(rest, "; ")
		if end < 0 {
			end = len(rest)
		}
		raw := rest[:end]
		s = rest[end:]
		family, initial := nameKey(parseName(who))
		if family == "" {
			r.errorf(f.Off, path, "%s: want Family, Given/iD: %w", excerpt(who+"/"+raw), source.ErrSyntax)
			continue
		}
		var match []int
		for _, k := range byFamily[family] {
			if k.initial == 0 || initial == 0 || k.initial == initial {
				match = append(match, k.item)
			}
		}
		switch len(match) {
		case 0:
			r.warnf(f.Off, path, "%s: no author has that name, so the iD %s is no one's", excerpt(who), excerpt(raw))
		case 1:
			as.set(match[0], raw, f, excerpt(who))
		default:
			r.warnf(f.Off, path, "%s: %d authors have that name: which one has the iD %s is unknown", excerpt(who), len(match), excerpt(raw))
		}
	}
}

// nameKey returns what an author is matched by in a list of iDs by name:
// the von and last parts in lower case without accents, spaces or
// punctuation, and the first letter of the first part, or 0.
func nameKey(n name) (family string, initial rune) {
	norm := func(s string) string {
		var b strings.Builder
		for _, c := range strings.ToLower(s) {
			if f, ok := fold[c]; ok {
				b.WriteString(f)
			} else if unicode.IsLetter(c) || unicode.IsDigit(c) {
				b.WriteRune(c)
			}
		}
		return b.String()
	}
	family = norm(n.Von + n.Last)
	for _, c := range norm(n.First) {
		return family, c
	}
	return family, 0
}

// orcidList reads a plain orcid field of the authors' iDs in the order of
// the author list, separated by commas, semicolons or "and", as the
// citations of Ultralytics' software have it:
//
//	author = {Glenn Jocher and Ayush Chaurasia and Jing Qiu},
//	orcid = {0000-0001-5950-6979, 0000-0002-7603-6750, 0000-0003-3783-7069},
//
// Which iD is whose is known only from the order: a list of another
// length than the author list ("others" aside) is left out with a
// warning, for copies of those citations that drop an author and keep
// the three iDs are common. Empty items are skipped, so a list cannot
// skip an author.
func (r *bibReader) orcidList(as *orcidAssigner, f field) {
	var ids []string
	for _, part := range splitAnd(f.Value) {
		for _, id := range strings.FieldsFunc(part, func(c rune) bool { return c == ',' || c == ';' }) {
			ids = append(ids, strings.TrimSpace(id))
		}
	}
	var items []int // the items of the list that are names, not "others"
	for i, ln := range as.names {
		if !ln.others {
			items = append(items, i)
		}
	}
	if len(ids) != len(items) {
		r.warnf(f.Off, as.key+"."+f.Name, "%d iDs for %d authors: which iD is whose is unknown", len(ids), len(items))
		return
	}
	for i, id := range ids {
		if id != "" {
			as.set(items[i], toUnicode(id, false), f, fmt.Sprintf("author %d", items[i]+1))
		}
	}
}
