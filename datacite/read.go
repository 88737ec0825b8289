package datacite

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/jsonimport"
	"github.com/scholarld/scholarld/source"
)

// ErrLeftOut is wrapped by the warnings about what a DataCite record
// holds that the model cannot, such as its rights or its funding, or that
// cannot be made a record, such as a creator without a name: the reader
// reads on and puts them in the dataset's Warnings.
var ErrLeftOut = errors.New("left out")

// ErrNotDOI is wrapped by the error about a document that holds no DOI
// records, such as an error answer of the API or a record of another
// JSON:API type.
var ErrNotDOI = errors.New("not a DataCite DOI record")

// Read reads data, the content of the file called name (in positions),
// into a dataset of publications. The file is a DataCite REST API
// document: a DOI response ({"data": {"id", "type": "dois",
// "attributes": {…}}}), a list response ({"data": […]}), a record alone
// ({"id", "type", "attributes"}), or a record's attributes alone (as in
// the DataCite JSON of the metadata schema), or a JSON array of records.
// The records of a list are read one at a time.
//
// Read reads every record it can. Errors, each a [*source.Error] at the
// file:line:column of the value with its path in the file (such as
// "data.attributes.creators[1].nameIdentifiers[0].nameIdentifier"), are
// returned as a [source.ErrorList] with the dataset of the records read:
// a record with a bad value (a malformed ORCID iD, a date that does not
// exist) is kept without the value. A syntax error ends the reading; the
// records before it are kept. What the model cannot hold is in the
// dataset's Warnings, wrapping [ErrLeftOut]. See the package
// documentation for the mapping.
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
		return len(keys) == 0 || len(keys) == 1 && keys[0] == "data"
	}
	each := func(keys []string, i int, v jsonimport.Value) bool {
		r.items++
		path := "[" + strconv.Itoa(i) + "]"
		if len(keys) > 0 {
			path = "data" + path
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

// top reads what the document is: a response (whose list, if it has one,
// was read as it came), a record alone, its attributes alone, or an array
// (read as it came).
func (r *reader) top(root jsonimport.Value) {
	switch root.Kind() {
	case jsonimport.Array:
		return
	case jsonimport.Object:
	default:
		r.Errorf(root, "", "%s, want a DataCite response, a record or an array of records: %w", r.Doc.Describe(root), ErrNotDOI)
		return
	}
	if errs := root.Get("errors"); errs.Kind() != jsonimport.Absent {
		r.Errorf(errs, "errors", "the answer of an API call that failed%s: %w", jsonimport.Such(errs, "title"), ErrNotDOI)
		return
	}
	data := root.Get("data")
	switch data.Kind() {
	case jsonimport.Absent:
		r.record("", 0, root)
	case jsonimport.Object:
		r.record("data", 0, data)
	case jsonimport.Array:
		// Read as they came.
	default:
		r.TypeError(data, "data", "a record or an array of records")
	}
}

// record reads the record at path, the index-th of its list, and reports
// whether to read on.
func (r *reader) record(path string, index int, v jsonimport.Value) bool {
	if r.max > 0 && r.items > r.max {
		r.Errorf(v, path, "more than %d records, the limit: %w", r.max, source.ErrTooLarge)
		return false
	}
	if v.Kind() != jsonimport.Object {
		r.TypeError(v, path, "a record (an object)")
		return true
	}
	// A JSON:API record has its attributes below it; attributes alone
	// are the record.
	attrs, attrsPath, id := v, path, jsonimport.Value{}
	if a := v.Get("attributes"); a.Kind() != jsonimport.Absent {
		if typ := v.Get("type"); typ.Kind() != jsonimport.Absent && typ.Text() != "dois" {
			r.Errorf(typ, jsonimport.At(path, "type"), "%s, want \"dois\": %w", r.Doc.Snippet(typ), ErrNotDOI)
			return true
		}
		if a.Kind() != jsonimport.Object {
			r.TypeError(a, jsonimport.At(path, "attributes"), "an object")
			return true
		}
		attrs, attrsPath, id = a, jsonimport.At(path, "attributes"), v.Get("id")
	}
	p, links := r.attributes(attrsPath, attrs, id, jsonimport.At(path, "id"))
	switch {
	case p.Title == "":
		r.Warnf(v, path, "a record without a title, which the model needs: %w", ErrLeftOut)
		return true
	case len(p.Authors) == 0:
		r.Warnf(v, path, "a record without a named creator (%s), which the model needs: %w", jsonimport.Quote(p.Title, 60), ErrLeftOut)
		return true
	}
	if p.Identifiers.DOI != "" {
		key := jsonimport.DOIKey(p.Identifiers.DOI)
		if j, dup := r.links.Has(key); dup {
			r.Warnf(v, path, "DOI %s is that of the record at %s too: %w", p.Identifiers.DOI, r.d.Publications[j].Origin.Path, ErrLeftOut)
			return true
		}
		r.links.Identify(len(r.d.Publications), key)
	}
	if p.Identifiers.ArXiv != "" {
		key := jsonimport.ArXivKey(p.Identifiers.ArXiv)
		if j, dup := r.links.Has(key); dup {
			r.Warnf(v, path, "arXiv id %s is that of the record at %s too: %w", p.Identifiers.ArXiv, r.d.Publications[j].Origin.Path, ErrLeftOut)
			p.Identifiers.ArXiv = ""
		} else {
			r.links.Identify(len(r.d.Publications), key)
		}
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
