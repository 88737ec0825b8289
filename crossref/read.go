package crossref

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/jsonimport"
	"github.com/scholarld/scholarld/source"
)

// ErrLeftOut is wrapped by the warnings about what a Crossref work holds
// that the model cannot, such as its funders, or that cannot be made a
// record, such as an author without a name: the reader reads on and puts
// them in the dataset's Warnings.
var ErrLeftOut = errors.New("left out")

// ErrSequence is wrapped by the warning about an author whose sequence,
// "first" or "additional", disagrees with the author's place in the
// list. The order of the list is kept.
var ErrSequence = errors.New("sequence disagrees with the order of the authors")

// ErrNotWork is wrapped by the error about a document that is not about
// works, such as a Crossref answer listing journals or members, or an
// error answer.
var ErrNotWork = errors.New("not a Crossref work")

// Read reads data, the content of the file called name (in positions),
// into a dataset of publications. The file is a Crossref REST API
// document: a work response ({"status": "ok", "message-type": "work",
// "message": {…}}), a work-list response ({"message-type": "work-list",
// "message": {"items": […]}}), a work's message alone, or a JSON array of
// messages. The records of a list are read one at a time.
//
// Read reads every work it can. Errors, each a [*source.Error] at the
// file:line:column of the value with its path in the file (such as
// "message.author[3].ORCID"), are returned as a [source.ErrorList] with
// the dataset of the works read: a work with a bad value (a malformed
// ORCID iD, a date that does not exist) is kept without the value. A
// syntax error ends the reading; the works before it are kept. What the
// model cannot hold is in the dataset's Warnings, wrapping [ErrLeftOut]
// or [ErrSequence]. See the package documentation for the mapping.
func Read(name string, data []byte) (*dataset.Dataset, error) {
	return read(name, data, 0)
}

// A reader reads one document.
type reader struct {
	jsonimport.Reporter
	d     *dataset.Dataset
	ids   *jsonimport.IDs
	links jsonimport.Links
	max   int // the most records to read; 0 for no limit
	items int // records streamed from a list
}

// read is Read with at most maxRecords records (0 for no limit): the
// reading stops at the record after the limit, with an error wrapping
// [source.ErrTooLarge].
func read(name string, data []byte, maxRecords int) (*dataset.Dataset, error) {
	r := &reader{d: new(dataset.Dataset), ids: jsonimport.NewIDs(), max: maxRecords}
	r.Doc, r.Warnings = jsonimport.NewDoc(name, data), &r.d.Warnings
	stream := func(keys []string) bool {
		return len(keys) == 0 || len(keys) == 2 && keys[0] == "message" && keys[1] == "items"
	}
	each := func(keys []string, i int, v jsonimport.Value) bool {
		r.items++
		path := "[" + strconv.Itoa(i) + "]"
		if len(keys) > 0 {
			path = "message.items" + path
		}
		return r.record(path, i, v)
	}
	root, serr := r.Doc.Parse(stream, each)
	if serr != nil {
		r.Errs = append(r.Errs, serr)
	} else {
		r.top(root)
	}
	r.links.Resolve(r.d.Publications, func(l jsonimport.Link, reason string) {
		r.d.Warnings.Add(l.Pos, l.Path, fmt.Errorf("%s: %s: %w", l.Name, reason, ErrLeftOut))
	})
	r.Errs.Sort()
	r.d.Warnings.Sort()
	return r.d, r.Errs.Err()
}

// top reads what the document is: a response, a message alone or an array
// (whose items were read as they came).
func (r *reader) top(root jsonimport.Value) {
	switch root.Kind() {
	case jsonimport.Array:
		return
	case jsonimport.Object:
	default:
		r.Errorf(root, "", "%s, want a Crossref response, a work or an array of works: %w", r.Doc.Describe(root), ErrNotWork)
		return
	}
	msg := root.Get("message")
	if msg.Kind() == jsonimport.Absent {
		r.record("", 0, root) // a message alone
		return
	}
	status, typ := root.Get("status"), root.Get("message-type")
	switch {
	case status.Kind() != jsonimport.Absent && status.Text() != "ok":
		r.drop(status, "status", fmt.Errorf("status %s, message-type %s: the answer of an API call that failed, not works: %w",
			r.Doc.Snippet(status), r.Doc.Snippet(typ), ErrNotWork))
		return
	case typ.Kind() != jsonimport.Absent && typ.Text() != "work" && typ.Text() != "work-list":
		r.drop(typ, "message-type", fmt.Errorf("%s, want \"work\" or \"work-list\": %w", r.Doc.Snippet(typ), ErrNotWork))
		return
	}
	items := msg.Get("items")
	switch {
	case items.Kind() == jsonimport.Absent && typ.Text() != "work-list":
		r.record("message", 0, msg)
	case items.Kind() == jsonimport.Array:
		// Read as they came.
	case items.Kind() == jsonimport.Absent:
		r.Errorf(msg, "message", "a work-list without items: %w", source.ErrType)
	default:
		r.TypeError(items, "message.items", "an array of works")
	}
}

// drop reports err about a document that holds no works, dropping the
// records of its items, which were read before the document said what
// they are.
func (r *reader) drop(v jsonimport.Value, path string, err error) {
	r.d.Publications = nil
	r.d.Warnings = nil
	r.links = jsonimport.Links{}
	r.Errs = append(r.Errs[:0], &source.Error{Pos: r.Doc.Pos(v.Offset()), Path: path, Err: err})
}

// record reads the work at path, the index-th record of its list, and
// reports whether to read on.
func (r *reader) record(path string, index int, v jsonimport.Value) bool {
	if r.max > 0 && r.items > r.max {
		r.Errorf(v, path, "more than %d records, the limit: %w", r.max, source.ErrTooLarge)
		return false
	}
	if v.Kind() != jsonimport.Object {
		r.TypeError(v, path, "a work (an object)")
		return true
	}
	p, links, ok := r.work(path, v)
	if !ok {
		return true
	}
	if p.Identifiers.DOI != "" {
		key := jsonimport.DOIKey(p.Identifiers.DOI)
		if j, dup := r.links.Has(key); dup {
			r.Warnf(v, path, "DOI %s is that of the work at %s too: %w", p.Identifiers.DOI, r.d.Publications[j].Origin.Path, ErrLeftOut)
			return true
		}
		r.links.Identify(len(r.d.Publications), key)
	}
	p.ID = r.ids.Mint(jsonimport.DOISlug(p.Identifiers.DOI), jsonimport.TitleSlug(p.Title))
	p.Origin = source.Origin{Path: path, Index: index, Pos: r.Doc.Pos(v.Offset())}
	for _, l := range links {
		l.From = len(r.d.Publications)
		r.links.Add(l)
	}
	r.d.Publications = append(r.d.Publications, p)
	return true
}
