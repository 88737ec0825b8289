package validate

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/fast"
	"github.com/scholarld/scholarld/internal/suggest"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// An Index checks what spans records: that ids are unique, that references
// resolve, that organizations and versions do not form cycles, and that no
// two publications share a DOI or arXiv id unless they are versions of one
// work. Datasets are added to it in chunks, as a stream of files is read,
// and references may point forward to records of later chunks: [Index.Close]
// reports those that never resolved.
//
// An Index keeps the people and organizations it is given (they are few, and
// their references are checked at the end), but of publications only their
// ids, DOIs and arXiv ids, packed into a fast.Arena so that no chunk is kept
// for them, and where each publication was: about a hundred bytes each.
// Ids and identifiers are compared exactly, however long they are.
//
// The zero Index is not usable; call [NewIndex]. An Index is not safe for
// concurrent use.
type Index struct {
	people  map[string]recordRef
	orgs    map[string]recordRef
	parents map[string]string  // organization id → parent id
	kept    []*dataset.Dataset // chunks holding people or organizations

	keys      fast.Arena        // the strings of the tables and of versionOf
	refs      []pubRef          // every publication, in the order added
	pubs      *fast.Table       // id → first publication with it (index into refs)
	versionOf map[uint32]uint32 // pubRef.id → the id it is a version of (a ref in keys)
	dois      *fast.Table       // DOI key → first publication with it
	arxivs    *fast.Table       // full arXiv id → first publication with it
	bases     *fast.Table       // arXiv id without version → first publication
	files     []string          // names of the files publications came from; "" for the dataset
	fileIndex map[string]int32  // file name → index in files

	pending []pending // references to publications not seen yet
	maybe   []maybeDup
	errs    source.ErrorList
}

// A recordRef is where a person or organization is.
type recordRef struct {
	d *dataset.Dataset
	i int
}

// A pubRef says where a publication was: its file (an index into files)
// and its index there; and which id it has, as the first publication with
// that id (an index into refs), or noID. It is small: an Index holds one
// per publication.
type pubRef struct {
	file, rec int32
	id        uint32
}

// noID is the pubRef.id of publications without an id.
const noID = ^uint32(0)

// path returns the publication's path: in its file, or, for one built
// in Go, in its Dataset.
func (x *Index) path(r pubRef) string {
	if x.files[r.file] == "" {
		return fmt.Sprintf("Publications[%d]", r.rec)
	}
	return fmt.Sprintf("publications[%d]", r.rec)
}

func (x *Index) where(n uint32) string {
	r := x.refs[n]
	if x.files[r.file] == "" {
		return x.path(r) + " of the dataset"
	}
	return fmt.Sprintf("%s in %s", x.path(r), x.files[r.file])
}

// file returns the index in files of the file called name ("" for
// records built in Go).
func (x *Index) file(name string) int32 {
	n := len(x.files)
	if n > 0 && x.files[n-1] == name {
		return int32(n - 1) // the common case: the file of the last publication
	}
	f, ok := x.fileIndex[name]
	if !ok {
		f = int32(n)
		x.fileIndex[name] = f
		x.files = append(x.files, name)
	}
	return f
}

// A pending reference could not be resolved when it was added.
type pending struct {
	pos  source.Pos
	path string
	id   string
}

// A maybeDup is a shared arXiv id whose publications may prove to be
// versions of one work once all are known.
type maybeDup struct {
	first, second uint32
	pos           source.Pos
	path, value   string
}

// NewIndex returns an empty Index.
func NewIndex() *Index {
	x := &Index{
		people:    map[string]recordRef{},
		orgs:      map[string]recordRef{},
		parents:   map[string]string{},
		versionOf: map[uint32]uint32{},
		fileIndex: map[string]int32{},
	}
	x.pubs, x.dois, x.arxivs, x.bases = fast.NewTable(&x.keys), fast.NewTable(&x.keys), fast.NewTable(&x.keys), fast.NewTable(&x.keys)
	return x
}

// Add adds the records of d and checks them against those added before.
// It keeps d if d holds people or organizations.
func (x *Index) Add(d *dataset.Dataset) {
	report := func(s dataset.Section, i int, sub string, err error) {
		pos, path := d.Locate(s, i, sub)
		x.errs.Add(pos, path, err)
	}
	for i := range d.Organizations {
		o := &d.Organizations[i]
		if x.unique(x.orgs, o.ID, recordRef{d, i}, dataset.Organizations, report) {
			x.parents[o.ID] = o.Parent
		}
	}
	for i := range d.People {
		x.unique(x.people, d.People[i].ID, recordRef{d, i}, dataset.People, report)
	}
	if len(d.Organizations)+len(d.People) > 0 {
		x.kept = append(x.kept, d)
	}
	if len(d.Publications) == 0 {
		return
	}
	for i := range d.Publications {
		x.addPublication(d, i, x.file(d.Origin(dataset.Publications, i).Name()), report)
	}
}

// unique records id in known, or reports it as a duplicate.
func (x *Index) unique(known map[string]recordRef, id string, r recordRef, s dataset.Section, report func(dataset.Section, int, string, error)) bool {
	if id == "" {
		return false // reported as required
	}
	if first, dup := known[id]; dup {
		pos, path := first.d.Locate(s, first.i, "id")
		report(s, r.i, "id", fmt.Errorf("%q is also the id of %s at %v: %w", id, path, pos, ErrDuplicate))
		return false
	}
	known[id] = r
	return true
}

func (x *Index) addPublication(d *dataset.Dataset, i int, file int32, report func(dataset.Section, int, string, error)) {
	p := &d.Publications[i]
	me := uint32(len(x.refs))
	meRef := pubRef{file: file, rec: int32(d.Origin(dataset.Publications, i).Index), id: noID}
	if p.ID != "" {
		var added bool
		if meRef.id, added = x.pubs.Add(p.ID, me); !added {
			report(dataset.Publications, i, "id", fmt.Errorf("%q is also the id of %s: %w", p.ID, x.where(meRef.id), ErrDuplicate))
		}
	}
	x.refs = append(x.refs, meRef)
	for j, a := range p.Authors {
		if a.Ref != "" {
			if _, ok := x.people[a.Ref]; !ok {
				x.later(d, i, fmt.Sprintf("authors[%d].ref", j), a.Ref)
			}
		}
	}
	switch {
	case p.VersionOf == "":
	case p.VersionOf == p.ID:
		report(dataset.Publications, i, "version_of", fmt.Errorf("%q is a version of itself: %w", p.ID, ErrCycle))
	default:
		x.versionOf[meRef.id] = x.keys.Add(p.VersionOf)
		if _, ok := x.pubs.Get(p.VersionOf); !ok {
			x.later(d, i, "version_of", p.VersionOf)
		}
	}
	dup := func(m *fast.Table, sub, kind, value string, sameWorkOK bool) {
		if value == "" {
			return
		}
		first, added := m.Add(value, me)
		if added {
			return
		}
		if sameWorkOK && x.work(meRef.id) == x.work(x.refs[first].id) {
			return // versions of one work, as far as is known now
		}
		pos, path := d.Locate(dataset.Publications, i, sub)
		if sameWorkOK {
			x.maybe = append(x.maybe, maybeDup{first: first, second: me, pos: pos, path: path, value: value})
			return
		}
		x.errs.Add(pos, path, fmt.Errorf("%s %s is also the %s of %s: %w", kind, value, kind, x.where(first), ErrDuplicate))
	}
	dup(x.dois, "identifiers.doi", "DOI", p.Identifiers.DOI.Key(), false)
	dup(x.arxivs, "identifiers.arxiv", "arXiv id", string(p.Identifiers.ArXiv), false)
	firstArXiv, _ := x.arxivs.Get(string(p.Identifiers.ArXiv))
	if p.Identifiers.ArXiv.Version() != 0 || firstArXiv == me {
		dup(x.bases, "identifiers.arxiv", "arXiv id", string(p.Identifiers.ArXiv.Base()), true)
	}
}

// later notes a reference to a publication or person that Close must find.
func (x *Index) later(d *dataset.Dataset, i int, sub, id string) {
	pos, path := d.Locate(dataset.Publications, i, sub)
	x.pending = append(x.pending, pending{pos: pos, path: path, id: id})
}

// Close checks what needs every record: references, cycles, and shared
// arXiv ids. It returns every problem Add and Close found, sorted, or nil.
func (x *Index) Close() error {
	for _, p := range x.pending {
		if strings.HasSuffix(p.path, ".ref") {
			if _, ok := x.people[p.id]; !ok {
				x.errs.Add(p.pos, p.path, fmt.Errorf("no person has id %q%s: %w", p.id, suggest.Hint(p.id, sortedKeys(x.people)), ErrReference))
			}
			continue
		}
		if _, ok := x.pubs.Get(p.id); !ok {
			x.errs.Add(p.pos, p.path, fmt.Errorf("no publication has id %q: %w", p.id, ErrReference))
		}
	}
	x.versionCycles()
	for _, m := range x.maybe {
		if x.work(x.refs[m.first].id) != x.work(x.refs[m.second].id) {
			x.errs.Add(m.pos, m.path, fmt.Errorf("arXiv id %s is also the arXiv id of %s: %w", m.value, x.where(m.first), ErrDuplicate))
		}
	}
	for _, d := range x.kept {
		x.references(d)
	}
	x.errs.Sort()
	return x.errs.Err()
}

// sortedKeys returns the ids of a table of records, sorted, for a "did you
// mean" that does not depend on the order of a map.
func sortedKeys(m map[string]recordRef) []string {
	return slices.Sorted(maps.Keys(m))
}

// work returns the main publication (as a pubRef.id) that the publication
// with pubRef.id n is a version of.
func (x *Index) work(n uint32) uint32 {
	for range len(x.versionOf) + 1 {
		of, ok := x.versionOf[n]
		if !ok {
			break
		}
		next, known := x.pubs.Get(x.keys.Get(of))
		if !known {
			break
		}
		n = next
	}
	return n
}

// versionCycles reports publications whose version_of chain returns to them.
func (x *Index) versionCycles() {
	for n := range x.pubs.Values() {
		ref := x.refs[n]
		cur := n
		for steps := 0; steps <= len(x.versionOf); steps++ {
			of, ok := x.versionOf[cur]
			if !ok {
				break
			}
			next, known := x.pubs.Get(x.keys.Get(of))
			if !known {
				break
			}
			if next == n {
				sub := ".version_of"
				if x.files[ref.file] == "" {
					sub = ".VersionOf"
				}
				x.errs.Add(source.Pos{File: x.files[ref.file]}, x.path(ref)+sub, fmt.Errorf("version_of leads back to this publication: %w", ErrCycle))
				break
			}
			cur = next
		}
	}
}

// references checks the references of the people and organizations of d.
func (x *Index) references(d *dataset.Dataset) {
	at := func(s dataset.Section, i int) func(string, error) {
		return func(sub string, err error) {
			pos, path := d.Locate(s, i, sub)
			x.errs.Add(pos, path, err)
		}
	}
	org := func(report func(string, error), sub, id string) {
		if _, ok := x.orgs[id]; id != "" && !ok {
			report(sub, fmt.Errorf("no organization has id %q%s: %w", id, suggest.Hint(id, sortedKeys(x.orgs)), ErrReference))
		}
	}
	person := func(report func(string, error), sub string, r profile.PersonRef) {
		if _, ok := x.people[r.Ref]; r.Ref != "" && !ok {
			report(sub+".ref", fmt.Errorf("no person has id %q%s: %w", r.Ref, suggest.Hint(r.Ref, sortedKeys(x.people)), ErrReference))
		}
	}
	for i := range d.Organizations {
		report := at(dataset.Organizations, i)
		org(report, "parent", d.Organizations[i].Parent)
		x.orgCycle(report, d.Organizations[i].ID)
	}
	for i := range d.People {
		p := &d.People[i]
		report := at(dataset.People, i)
		for j, v := range p.Positions {
			org(report, fmt.Sprintf("positions[%d].organization", j), v.Organization)
		}
		for j, e := range p.Education {
			org(report, fmt.Sprintf("education[%d].organization", j), e.Organization)
			for k, a := range e.Advisors {
				person(report, fmt.Sprintf("education[%d].advisors[%d]", j, k), a)
			}
		}
		for j, s := range p.Supervisions {
			sub := fmt.Sprintf("supervisions[%d]", j)
			org(report, sub+".institution", s.Institution)
			person(report, sub+".student", s.Student)
			if s.Student.Ref != "" && s.Student.Ref == p.ID {
				report(sub+".student.ref", fmt.Errorf("%q supervises themselves: %w", p.ID, ErrSelf))
			}
			for k, o := range s.Others {
				person(report, fmt.Sprintf("%s.others[%d].person", sub, k), o.Person)
			}
		}
		for j, a := range p.Awards {
			org(report, fmt.Sprintf("awards[%d].organization", j), a.Organization)
		}
	}
}

// orgCycle reports an organization whose chain of parents returns to it.
func (x *Index) orgCycle(report func(string, error), id string) {
	var chain []string
	for cur, steps := id, 0; steps <= len(x.parents); steps++ {
		next, ok := x.parents[cur]
		if !ok || next == "" {
			return
		}
		if _, known := x.orgs[next]; !known {
			return
		}
		chain = append(chain, next)
		if next == id {
			report("parent", fmt.Errorf("parent leads back to %q: %s: %w", id, strings.Join(chain, " → "), ErrCycle))
			return
		}
		cur = next
	}
}

// HasPublication reports whether a publication with the given id has been added.
func (x *Index) HasPublication(id string) bool {
	_, ok := x.pubs.Get(id)
	return ok
}
