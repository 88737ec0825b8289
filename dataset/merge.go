package dataset

import (
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

// ErrSharedORCID is wrapped by the error of [Merge] for two people with one
// ORCID iD.
var ErrSharedORCID = errors.New("one ORCID iD for two people")

// Merge merges the records of d that describe the same thing, as read from
// several inputs: a profile in YAML and the same person's ORCID record, a
// publication listed in two files. It takes and returns what [Loader.Load]
// does, so that it chains:
//
//	d, err := validate.Check(dataset.Merge(loader.Load(paths...)))
//
// Records are the same when they are
//   - people with the same id or the same ORCID iD;
//   - organizations with the same id, the same ROR ID, or the same name
//     (ignoring case and spacing) and parent;
//   - publications with the same id, the same DOI or the same arXiv id.
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
	d.People = mergeSection(m, People, d.People, personKeys, personSame)
	d.Organizations = mergeSection(m, Organizations, d.Organizations, orgKeys, nil)
	d.Publications = mergeSection(m, Publications, d.Publications, pubKeys, nil)
	m.rewrite(d)
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
	return []key{{"id", p.ID}, {"ORCID iD", string(p.Identifiers.ORCID)}}
}

func orgKeys(o *profile.Organization) []key {
	return []key{{"id", o.ID}, {"ROR ID", string(o.ROR)}, {"name", normName(o.Name) + "\x00" + o.Parent}}
}

func pubKeys(p *publication.Publication) []key {
	return []key{{"id", p.ID}, {"DOI", p.Identifiers.DOI.Key()}, {"arXiv id", string(p.Identifiers.ArXiv)}}
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
func mergeSection[T any](m *merger, s Section, recs []T, keys func(*T) []key, same func(a, b *T) bool) []T {
	out := make([]record[T], 0, len(recs))
	first := make(map[key]int) // key → index in out of the first record with it
	for i := range recs {
		r := record[T]{r: recs[i], at: originOf(&recs[i]), index: i}
		target := -1
		for _, k := range keys(&r.r) {
			if j, ok := first[k]; ok && k.value != "" && target < 0 {
				target = j
			}
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
		pos, path := locate(b.at, s, b.index, "identifiers.orcid")
		apos, apath := locate(a.at, s, a.index, "identifiers.orcid")
		m.errs = append(m.errs, &source.Error{Pos: pos, Path: path, Err: fmt.Errorf("%s %s of %q is also that of %q, %s at %s; an ORCID iD is one person's: %w",
			ka[1].kind, ka[1].value, kb[0].value, ka[0].value, apath, where(apos), ErrSharedORCID)})
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
	case b.IsZero() || reflect.DeepEqual(a.Interface(), b.Interface()):
	case a.IsZero():
		a.Set(b)
	default:
		apos, apath := locate(ao, s, ai, path)
		bpos, bpath := locate(bo, s, bi, path)
		m.warnings = append(m.warnings, &source.Error{Pos: bpos, Path: bpath, Err: fmt.Errorf("%s here, %s at %s (%s) of the same %s; the earlier input's is kept: %w",
			show(b), show(a), where(apos), apath, s.one(), ErrConflict)})
	}
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
		n := v.Len()
		if n == 1 {
			return "1 item"
		}
		return fmt.Sprintf("%d items", n)
	}
	return fmt.Sprint(v.Interface())
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
