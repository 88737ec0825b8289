package dataset

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// ErrConflict is wrapped by the warnings of [Merge] about a field that two
// inputs give different values.
var ErrConflict = errors.New("conflicting values")

// ErrVersions is wrapped by the warning of [Merge] about a preprint and its
// published version, which it keeps apart as two versions of one work.
var ErrVersions = errors.New("two versions of one work")

// ErrSharedORCID is wrapped by the error of [Merge] for two people with one
// ORCID iD (or one OpenAlex author id).
var ErrSharedORCID = errors.New("one ORCID iD for two people")

// Merge merges the records of d that describe the same thing, as read from
// several inputs: a profile in YAML and the same person's ORCID record, a
// publication listed in two files. It takes and returns what [Loader.Load]
// does, so that it chains:
//
//	d, err := validate.Check(dataset.Merge(loader.Load(paths...)))
//
// Records are the same when they are
//   - people with the same id, the same ORCID iD or the same OpenAlex id;
//   - organizations with the same id, the same ROR ID, or the same name
//     (ignoring case and spacing) and parent;
//   - publications with the same id, DOI, arXiv id or OpenAlex id, or
//     books with the same ISBN.
//
// But a preprint (of kind preprint, or in a repository such as arXiv) and
// a publication that is not, which share an arXiv id or an OpenAlex id but
// not a DOI, are two versions of one work: they are kept apart, the
// preprint's version_of naming the other (unless it names another
// already), the arXiv id left to the preprint; a warning wrapping
// [ErrVersions] names both.
//
// Records of one file are never merged: a record given twice in a file is a
// mistake, which validation reports. Nor are records that have one key in
// common but differ in another (the same id, two DOIs): validation reports
// the duplicate.
//
// The earlier record wins, field by field: the merged record is at the
// place of the first, and a field it leaves empty is taken from the later
// ones. A list (positions, authors…) is taken whole from the first record
// that has one. A field that two records give different values is a
// warning, added to d.Warnings, that names both positions and wraps
// [ErrConflict]. The id of the first is kept, and references to the ids of
// the others are rewritten to it.
//
// Two people with one ORCID iD and different ids and names are not merged:
// that is an error, wrapping [ErrSharedORCID].
//
// Then the authors of publications are matched to the people of the
// dataset ([Dataset.MatchAuthors]), and the report is in d.Matches.
//
// Then a supervision stated on both sides, in the advisor's supervisions
// (with the student's ref) and in the student's education advisors (with
// the advisor's ref), is kept once: the advisor's supervision states it,
// and the advisor is dropped from the student's advisors.
func Merge(d *Dataset, err error) (*Dataset, error) {
	if d == nil {
		return d, err
	}
	var errs source.ErrorList
	if list, ok := errors.AsType[source.ErrorList](err); ok {
		errs = list
	} else if err != nil {
		return d, err
	}
	m := &merger{renamed: [numSections]map[string]string{{}, {}, {}}}
	d.People = mergeSection(m, People, d.People, personKeys, personSame, nil)
	d.Organizations = mergeSection(m, Organizations, d.Organizations, orgKeys, nil, nil)
	d.Publications = mergeSection(m, Publications, d.Publications, pubKeys, nil, m.versions)
	m.rewrite(d)
	m.linkVersions(d)
	d.MergeAdvising()
	d.Matches = append(d.Matches, d.MatchAuthors()...)
	d.Warnings = append(d.Warnings, m.warnings...)
	d.Warnings.Sort()
	errs = append(errs, m.errs...)
	errs.Sort()
	return d, errs.Err()
}

// A merger merges the records of one dataset.
type merger struct {
	renamed        [numSections]map[string]string // by section: id merged away → id kept
	warnings, errs source.ErrorList
	pairs          [][2]string // ids of a preprint and its published version, kept apart
}

// A key is one thing that identifies a record: its id, or an identifier
// such as an ORCID iD.
type key struct {
	kind, value string
}

// A record is one record of a section being merged, with where it is.
type record[T any] struct {
	r     T
	at    source.Origin
	index int // in the section as loaded
}

func personKeys(p *profile.Person) []key {
	return []key{{"id", p.ID}, {"ORCID iD", string(p.Identifiers.ORCID)}, {"OpenAlex id", p.Identifiers.OpenAlex}}
}

func orgKeys(o *profile.Organization) []key {
	return []key{{"id", o.ID}, {"ROR ID", string(o.ROR)}, {"name", normName(o.Name) + "\x00" + o.Parent}}
}

func pubKeys(p *publication.Publication) []key {
	// A chapter carries its book's ISBN: an ISBN names only a book.
	isbn := ""
	if p.Kind == publication.KindBook {
		isbn = string(p.Identifiers.ISBN)
	}
	return []key{{"id", p.ID}, {"DOI", p.Identifiers.DOI.Key()}, {"arXiv id", string(p.Identifiers.ArXiv)},
		{"OpenAlex id", p.Identifiers.OpenAlex}, {"ISBN", isbn}}
}

// preprint reports whether p is the preprint of a work: of kind preprint,
// or in a repository such as arXiv.
func preprint(p *publication.Publication) bool {
	return p.Kind == publication.KindPreprint || p.Venue.Kind == publication.VenueRepository
}

// versions reports whether two publications that share the key k are two
// versions of one work, not one record: a preprint and the paper it
// became, which share an arXiv id (or an OpenAlex work) but not a DOI.
func (m *merger) versions(a, b *publication.Publication, k key) bool {
	if k.kind != "arXiv id" && k.kind != "OpenAlex id" || preprint(a) == preprint(b) {
		return false
	}
	if a.Identifiers.DOI != "" && a.Identifiers.DOI.Key() == b.Identifiers.DOI.Key() {
		return false
	}
	return true
}

// personSame reports whether two people with a key in common are one: not
// if they have one ORCID iD but different ids and names.
func personSame(a, b *profile.Person) bool {
	return a.ID == b.ID || sameName(a.Name, b.Name)
}

func sameName(a, b profile.Name) bool {
	return normName(a.Display) == normName(b.Display) || a.Family != "" && normName(a.Family) == normName(b.Family)
}

// normName returns a name in lower case with its spaces collapsed.
func normName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// mergeSection merges the records of one section, keeping the first of
// each set of same records in its place.
func mergeSection[T any](m *merger, s Section, recs []T, keys func(*T) []key, same func(a, b *T) bool, apart func(a, b *T, k key) bool) []T {
	out := make([]record[T], 0, len(recs))
	first := make(map[key]int) // key → index in out of the first record with it
	for i := range recs {
		r := record[T]{r: recs[i], at: originOf(&recs[i]), index: i}
		target := -1
		var shared key
		for _, k := range keys(&r.r) {
			if j, ok := first[k]; ok && k.value != "" && target < 0 {
				target, shared = j, k
			}
		}
		if target >= 0 && apart != nil && apart(&out[target].r, &r.r, shared) {
			m.apart(s, &out[target], &r, shared)
			target = -1
		}
		if target >= 0 && mergeable(m, s, &out[target], &r, keys, same) {
			a := &out[target]
			m.fields(s, a.at, a.index, r.at, r.index, reflect.ValueOf(&a.r).Elem(), reflect.ValueOf(&r.r).Elem(), "")
			if from, to := keys(&r.r)[0].value, keys(&a.r)[0].value; from != to && from != "" {
				m.renamed[s][from] = to
			}
			for _, k := range keys(&r.r) {
				if _, ok := first[k]; !ok && k.value != "" {
					first[k] = target
				}
			}
			continue
		}
		for _, k := range keys(&r.r) {
			if _, ok := first[k]; !ok && k.value != "" {
				first[k] = len(out)
			}
		}
		out = append(out, r)
	}
	if len(out) == len(recs) {
		return recs
	}
	merged := make([]T, len(out))
	for i, r := range out {
		merged[i] = r.r
	}
	return merged
}

// originOf returns the Origin field of a record.
func originOf[T any](r *T) source.Origin {
	o, _ := reflect.ValueOf(r).Elem().FieldByName("Origin").Interface().(source.Origin)
	return o
}

// mergeable reports whether a and b, which have a key in common, are one
// record, and records an error for two people with one ORCID iD.
func mergeable[T any](m *merger, s Section, a, b *record[T], keys func(*T) []key, same func(a, b *T) bool) bool {
	if a.at.Name() != "" && a.at.Name() == b.at.Name() {
		return false // one file: a duplicate, for validation to report
	}
	ka, kb := keys(&a.r), keys(&b.r)
	for i := range ka {
		if i > 0 && ka[i].kind != "name" && ka[i].value != "" && kb[i].value != "" && ka[i].value != kb[i].value {
			return false // different identifiers: a duplicate id, for validation to report
		}
	}
	if same != nil && !same(&a.r, &b.r) {
		k := 1 // the ORCID iD, else the OpenAlex id, that they share
		if ka[1].value == "" || ka[1].value != kb[1].value {
			k = 2
		}
		sub := map[int]string{1: "identifiers.orcid", 2: "identifiers.openalex"}[k]
		pos, path := locate(b.at, s, b.index, sub)
		apos, apath := locate(a.at, s, a.index, sub)
		m.errs = append(m.errs, &source.Error{Pos: pos, Path: path, Err: fmt.Errorf("%s %s of %q is also that of %q, %s at %s; an %s is one person's: %w",
			ka[k].kind, ka[k].value, kb[0].value, ka[0].value, apath, where(apos), ka[k].kind, ErrSharedORCID)})
		return false
	}
	return true
}

// locate returns the position and path of sub in the record at o, index i
// of section s as loaded, as [Dataset.Locate] does.
func locate(o source.Origin, s Section, i int, sub string) (source.Pos, string) {
	if o.IsZero() {
		o = source.Origin{Path: fmt.Sprintf("%s[%d]", s.goName(), i), Index: i}
		sub = goPath(sectionType(s), sub)
	}
	return o.Locate(sub)
}

// apart notes that b is a version of the work a is another version of:
// they are kept as two records, linked once ids are final (linkVersions).
func (m *merger) apart(s Section, a, b any, k key) {
	ra, rb := a.(*record[publication.Publication]), b.(*record[publication.Publication])
	m.pairs = append(m.pairs, [2]string{ra.r.ID, rb.r.ID})
	apos, apath := locate(ra.at, s, ra.index, "")
	bpos, bpath := locate(rb.at, s, rb.index, "")
	m.warnings = append(m.warnings, &source.Error{Pos: bpos, Path: bpath, Err: fmt.Errorf("the %s of %s at %s (%s): kept as two versions of one work, the preprint's version_of naming the other: %w",
		map[bool]string{true: "preprint", false: "published version"}[preprint(&rb.r)], k.kind+" "+k.value, where(apos), apath, ErrVersions)})
}

// linkVersions links each preprint kept apart from its published version:
// the preprint's version_of names it (unless it names another), and the
// published version drops the arXiv id they shared, which names the
// preprint (an IRI is one record's).
func (m *merger) linkVersions(d *Dataset) {
	if len(m.pairs) == 0 {
		return
	}
	at := make(map[string]int, len(d.Publications))
	for i := range d.Publications {
		if _, dup := at[d.Publications[i].ID]; !dup {
			at[d.Publications[i].ID] = i
		}
	}
	for _, pair := range m.pairs {
		i, ok1 := at[pair[0]]
		j, ok2 := at[pair[1]]
		if !ok1 || !ok2 || i == j {
			continue
		}
		pre, pub := &d.Publications[i], &d.Publications[j]
		if !preprint(pre) {
			pre, pub = pub, pre
		}
		if pre.VersionOf == "" && pub.VersionOf != pre.ID {
			pre.VersionOf = pub.ID
		}
		if pub.Identifiers.ArXiv == pre.Identifiers.ArXiv {
			pub.Identifiers.ArXiv = ""
		}
		if pub.Identifiers.OpenAlex == pre.Identifiers.OpenAlex {
			pre.Identifiers.OpenAlex = ""
		}
	}
}

// where formats a position, or says it is unknown.
func where(p source.Pos) string {
	if p.IsValid() {
		return p.String()
	}
	if p.File != "" {
		return p.File
	}
	return "an input with no positions"
}

// fields merges the value b (of the record at bo, index bi) into a (of the
// record at ao, index ai), field by field, at path.
func (m *merger) fields(s Section, ao source.Origin, ai int, bo source.Origin, bi int, a, b reflect.Value, path string) {
	if a.Kind() == reflect.Struct {
		t := a.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if tag == "-" || !f.IsExported() || path == "" && tag == "id" {
				continue
			}
			m.fields(s, ao, ai, bo, bi, a.Field(i), b.Field(i), source.JoinPath(path, tag))
		}
		return
	}
	switch {
	case b.IsZero() || reflect.DeepEqual(a.Interface(), b.Interface()) || sameDOI(a, b):
	case a.IsZero():
		a.Set(b)
	default:
		apos, apath := locate(ao, s, ai, path)
		bpos, bpath := locate(bo, s, bi, path)
		m.warnings = append(m.warnings, &source.Error{Pos: bpos, Path: bpath, Err: fmt.Errorf("%s here, %s at %s (%s) of the same %s; the earlier input's is kept: %w",
			show(b), show(a), where(apos), apath, s.one(), ErrConflict)})
	}
}

// sameDOI reports whether a and b are one DOI in two cases: DOIs are
// case-insensitive.
func sameDOI(a, b reflect.Value) bool {
	x, ok1 := a.Interface().(publication.DOI)
	y, ok2 := b.Interface().(publication.DOI)
	return ok1 && ok2 && x.Key() == y.Key()
}

// show formats a value for a message: a string quoted, a list by its length.
func show(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		if t := v.String(); utf8.RuneCountInString(t) > 60 {
			return fmt.Sprintf("%q", string([]rune(t)[:57])+"...")
		}
		return fmt.Sprintf("%q", v.String())
	case reflect.Slice:
		if refs, ok := v.Interface().([]profile.PersonRef); ok {
			return showRefs(refs)
		}
		n := v.Len()
		if n == 1 {
			return "1 item"
		}
		return fmt.Sprintf("%d items", n)
	}
	return fmt.Sprint(v.Interface())
}

// showRefs formats a list of people, such as authors, by their names (or
// refs): "[Ada Lovelace, Luigi Menabrea, ada, and 4 more]".
func showRefs(refs []profile.PersonRef) string {
	var names []string
	for i, r := range refs {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(refs)-3))
			break
		}
		names = append(names, cmp.Or(r.Name, r.Ref, string(r.ORCID), "(unnamed)"))
	}
	return "[" + strings.Join(names, ", ") + "]"
}

// one names one record of s, such as "person".
func (s Section) one() string {
	switch s {
	case People:
		return "person"
	case Organizations:
		return "organization"
	}
	return "publication"
}

// rewrite rewrites the references to the ids of merged records.
func (m *merger) rewrite(d *Dataset) {
	people, orgs, pubs := m.renamed[People], m.renamed[Organizations], m.renamed[Publications]
	ref := func(ids map[string]string, id *string) {
		if to, ok := ids[*id]; ok {
			*id = to
		}
	}
	for i := range d.People {
		p := &d.People[i]
		for j := range p.Positions {
			ref(orgs, &p.Positions[j].Organization)
		}
		for j := range p.Education {
			e := &p.Education[j]
			ref(orgs, &e.Organization)
			for k := range e.Advisors {
				ref(people, &e.Advisors[k].Ref)
			}
		}
		for j := range p.Supervisions {
			sv := &p.Supervisions[j]
			ref(people, &sv.Student.Ref)
			ref(orgs, &sv.Institution)
			for k := range sv.Others {
				ref(people, &sv.Others[k].Person.Ref)
			}
		}
		for j := range p.Awards {
			ref(orgs, &p.Awards[j].Organization)
		}
	}
	for i := range d.Organizations {
		ref(orgs, &d.Organizations[i].Parent)
	}
	for i := range d.Publications {
		p := &d.Publications[i]
		ref(pubs, &p.VersionOf)
		for j := range p.Authors {
			ref(people, &p.Authors[j].Ref)
		}
	}
}

// MergeAdvising makes a supervision stated on both sides one: it drops
// from each student's education the advisors (by ref) whose supervision of
// that student is stated in the advisor's supervisions, so that the
// relationship is mapped once. [Merge] calls it; package stream calls it
// on the people it holds.
func (d *Dataset) MergeAdvising() {
	supervised := make(map[[2]string]bool) // advisor id, student id
	for _, p := range d.People {
		for _, s := range p.Supervisions {
			if s.Student.Ref != "" {
				supervised[[2]string{p.ID, s.Student.Ref}] = true
			}
		}
	}
	if len(supervised) == 0 {
		return
	}
	for i := range d.People {
		p := &d.People[i]
		for j := range p.Education {
			e := &p.Education[j]
			for k := 0; k < len(e.Advisors); k++ {
				if a := e.Advisors[k].Ref; a != "" && supervised[[2]string{a, p.ID}] {
					e.Advisors = append(e.Advisors[:k:k], e.Advisors[k+1:]...)
					k--
				}
			}
		}
	}
}
