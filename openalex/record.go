package openalex

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// A decoder converts the records of one file into the model. It holds
// what must be unique in the file (the ids it minted, the organizations
// it made) and buffers reused from record to record. It is not safe for
// concurrent use.
type decoder struct {
	name                  string
	personIDs, orgIDs     *minter
	orgs                  map[profile.ROR]bool // the organizations made, by ROR
	nPubs, nPeople, nOrgs int                  // records made so far, for their Origin.Index

	// The record being decoded, and what is reused from one to the next.
	rec      record
	recPath  string
	issues   []issue
	offsets  []memberAt      // the members read, at the offsets of their values
	seen     map[string]bool // the names of the members met
	kindOnly []memberAt      // members of one kind of record only
	words    []wordAt
	out      *dataset.Dataset
	errs     *source.ErrorList
}

func newDecoder(name string) *decoder {
	return &decoder{
		name:      name,
		personIDs: newMinter(), orgIDs: newMinter(),
		orgs: make(map[profile.ROR]bool), seen: make(map[string]bool),
	}
}

// An issue is an error or a warning about a record, at a byte offset, to
// be positioned once the record is read: offsets are turned into
// positions in increasing order, which keeps the cost linear.
type issue struct {
	off  int64
	path string // below the record
	err  error
	warn bool
	org  int // ≥ 0: the index in out.Organizations of an organization whose Origin.Pos is at off
}

// A memberAt is a member of a record met before the record's kind is known.
type memberAt struct {
	name  string
	off   int64
	kinds kindMask // the kinds of record it is a member of; 0 for none
}

// kindMask says of which kinds of record a member is.
type kindMask uint8

const (
	workKind kindMask = 1 << iota
	authorKind
	bothKinds = workKind | authorKind
)

func (k kindMask) String() string {
	if k == authorKind {
		return "author"
	}
	return "work"
}

// warn notes a warning, wrapping [ErrLeftOut], about the value at sub
// (below the record) at offset off.
func (d *decoder) warn(off int64, sub, format string, args ...any) {
	d.issues = append(d.issues, issue{off: off, path: sub, warn: true, org: -1,
		err: fmt.Errorf(format+": %w", append(args, ErrLeftOut)...)})
}

// fail notes an error about the value at sub at offset off.
func (d *decoder) fail(off int64, sub string, err error) {
	d.issues = append(d.issues, issue{off: off, path: sub, err: err, org: -1})
}

// at returns the offset of the value of member name of the record, or of
// the record itself when it has none.
func (d *decoder) at(name string) int64 {
	for _, m := range d.offsets {
		if m.name == name {
			return m.off
		}
	}
	return d.rec.start
}

// record reads one record from dec, which is before its value, into
// d.out, with its problems in d.errs and d.out.Warnings. path is the
// record's path in the document ("" for a lone record, "results[3]",
// "line 12"); loc positions dec's offsets. An error returned is a syntax
// error (or an error reading), which leaves dec unusable and the record
// unread.
func (d *decoder) record(dec *jsontext.Decoder, loc *locator, path string) error {
	start := valueStart(dec)
	if k := dec.PeekKind(); k != '{' {
		if _, err := dec.ReadValue(); err != nil {
			return err
		}
		d.errs.Add(loc.pos(start), path, fmt.Errorf("%s where an OpenAlex work or author, an object, belongs: %w", kindName(k), source.ErrType))
		return nil
	}
	r := &d.rec
	*r = record{start: start, // keeping the arrays of the record before
		Authorships: r.Authorships[:0], authorshipOffs: r.authorshipOffs[:0],
		Locations: r.Locations[:0], locationOffs: r.locationOffs[:0]}
	d.recPath = path
	d.issues = d.issues[:0]
	d.kindOnly = d.kindOnly[:0]
	d.offsets = d.offsets[:0]
	clear(d.seen)
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return err
		}
		name := tok.String()
		if d.seen[name] {
			at := valueStart(dec)
			if err := dec.SkipValue(); err != nil {
				return err
			}
			d.fail(at, name, fmt.Errorf("a second %s: the first is read: %w", name, source.ErrDuplicateKey))
			continue
		}
		d.seen[name] = true
		if k := ignored(name); k != 0 {
			if k != bothKinds {
				d.kindOnly = append(d.kindOnly, memberAt{name: name, off: valueStart(dec), kinds: k})
			}
			if err := dec.SkipValue(); err != nil {
				return err
			}
			continue
		}
		if err := d.member(dec, name); err != nil {
			return err
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	d.convert(loc)
	return nil
}

// member decodes the value of the member called name, the next of dec.
func (d *decoder) member(dec *jsontext.Decoder, name string) error {
	r := &d.rec
	off := valueStart(dec)
	d.offsets = append(d.offsets, memberAt{name: name, off: off})
	var err error
	switch name {
	case "authorships":
		d.kindOnly = append(d.kindOnly, memberAt{name, off, workKind})
		r.Authorships, r.authorshipOffs, err = decodeElements(d, dec, name, off, r.Authorships[:0], r.authorshipOffs[:0])
		return err
	case "locations":
		d.kindOnly = append(d.kindOnly, memberAt{name, off, workKind})
		r.Locations, r.locationOffs, err = decodeElements(d, dec, name, off, r.Locations[:0], r.locationOffs[:0])
		return err
	case "abstract_inverted_index":
		d.kindOnly = append(d.kindOnly, memberAt{name, off, workKind})
		r.Abstract, err = d.abstract(dec, off)
		return err
	}
	raw, err := dec.ReadValue()
	if err != nil {
		return err
	}
	ptr, kinds := r.field(name)
	if ptr == nil {
		if !isEmpty(raw) {
			d.kindOnly = append(d.kindOnly, memberAt{name, off, 0})
		}
		return nil
	}
	if kinds != bothKinds {
		d.kindOnly = append(d.kindOnly, memberAt{name, off, kinds})
	}
	if err := json.Unmarshal(raw, ptr); err != nil {
		d.typeError(name, off, err)
	}
	return nil
}

// skimming are the options of the decoders that walk the records: they
// leave duplicate names to be found where they matter, by [decoder.record]
// among a record's members and by json.Unmarshal in the values read, and
// not in the many values skipped (counts, topics, concepts).
var skimming = jsontext.AllowDuplicateNames(true)

// decodeElements decodes the elements of the array that is the value of
// member name, the next of dec, at offset off, appending them and their
// offsets to elems and offs. An element of the wrong type is reported and
// kept as far as it was decoded, so that the elements keep their places;
// null is no element.
func decodeElements[T any](d *decoder, dec *jsontext.Decoder, name string, off int64, elems []T, offs []int64) ([]T, []int64, error) {
	if k := dec.PeekKind(); k != '[' {
		if _, err := dec.ReadValue(); err != nil {
			return elems, offs, err
		}
		if k != 'n' {
			d.fail(off, name, fmt.Errorf("%s where an array belongs: %w", kindName(k), source.ErrType))
		}
		return elems, offs, nil
	}
	if _, err := dec.ReadToken(); err != nil {
		return elems, offs, err
	}
	for i := 0; dec.PeekKind() != ']'; i++ {
		v, err := dec.ReadValue()
		if err != nil {
			return elems, offs, err
		}
		at := dec.InputOffset() - int64(len(v))
		var e T
		if err := json.Unmarshal(v, &e); err != nil {
			d.typeError(fmt.Sprintf("%s[%d]", name, i), at, err)
		}
		elems, offs = append(elems, e), append(offs, at)
	}
	_, err := dec.ReadToken()
	return elems, offs, err
}

// typeError reports err, an error of json.Unmarshal decoding the value at
// sub at offset off.
func (d *decoder) typeError(sub string, off int64, err error) {
	if syn, ok := errors.AsType[*jsontext.SyntacticError](err); ok {
		// A duplicate name: the value was read before, so it is valid.
		sentinel := source.ErrSyntax
		if errors.Is(err, jsontext.ErrDuplicateName) {
			sentinel = source.ErrDuplicateKey
		}
		d.fail(off+syn.ByteOffset, sub+pointerPath(syn.JSONPointer), fmt.Errorf("%s: %w", strings.TrimPrefix(cmp.Or(syn.Err, error(syn)).Error(), "jsontext: "), sentinel))
		return
	}
	se, ok := errors.AsType[*json.SemanticError](err)
	if !ok {
		d.fail(off, sub, fmt.Errorf("%v: %w", err, source.ErrSyntax))
		return
	}
	what := kindName(se.JSONKind)
	if se.JSONKind == 0 {
		what = "a value"
	}
	msg := fmt.Sprintf("%s where %s belongs", what, goKindName(se.GoType))
	if se.Err != nil {
		msg += fmt.Sprintf(" (%v)", se.Err)
	}
	d.fail(off+se.ByteOffset, sub+pointerPath(se.JSONPointer), fmt.Errorf("%s: %w", msg, source.ErrType))
}

// convert turns the record read into the model, and positions its
// problems.
func (d *decoder) convert(loc *locator) {
	r := &d.rec
	origin := source.Origin{Path: d.recPath, Pos: loc.pos(r.start)}
	id := entityID(r.ID)
	kind := kindMask(0)
	switch {
	case r.ID == "":
		d.fail(r.start, "id", fmt.Errorf("no id, which an OpenAlex work or author has: %w", ErrMissing))
	case id == "":
		d.fail(d.at("id"), "id", fmt.Errorf("%q is not an OpenAlex id such as https://openalex.org/W2741809807: %w", r.ID, profile.ErrMalformed))
	case id[0] == 'W':
		kind = workKind
	case id[0] == 'A':
		kind = authorKind
	default:
		d.warn(d.at("id"), "id", "%s, an OpenAlex %s, is not a work or an author: not read", id, entityName(id[0]))
	}
	if kind != 0 {
		for _, m := range d.kindOnly {
			switch {
			case m.kinds == 0:
				d.warn(m.off, m.name, "a member this importer does not know: not read")
			case m.kinds&kind == 0:
				d.warn(m.off, m.name, "not a member of an OpenAlex %v: not read", kind)
			}
		}
	}
	switch kind {
	case workKind:
		origin.Index = d.nPubs
		d.work(id, origin)
	case authorKind:
		origin.Index = d.nPeople
		d.author(id, origin)
	}
	d.flush(loc)
}

// flush positions the problems of the record and the organizations it
// made, in the order of their offsets, and moves the problems to d.errs
// and d.out.Warnings.
func (d *decoder) flush(loc *locator) {
	slices.SortStableFunc(d.issues, func(a, b issue) int { return cmp.Compare(a.off, b.off) })
	for _, is := range d.issues {
		pos := loc.pos(is.off)
		switch {
		case is.org >= 0:
			d.out.Organizations[is.org].Origin.Pos = pos
		case is.warn:
			d.out.Warnings.Add(pos, source.JoinPath(d.recPath, is.path), is.err)
		default:
			d.errs.Add(pos, source.JoinPath(d.recPath, is.path), is.err)
		}
	}
}

// valueStart returns the offset of the next value of dec: past the white
// space, comma or colon before it.
func valueStart(dec *jsontext.Decoder) int64 {
	dec.PeekKind() // fills the buffer
	off := dec.InputOffset()
	for _, c := range dec.UnreadBuffer() {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',' && c != ':' {
			break
		}
		off++
	}
	return off
}

// isEmpty reports whether a JSON value holds nothing: null, false, "", []
// or {}.
func isEmpty(v jsontext.Value) bool {
	switch string(v) {
	case "null", "false", `""`, "[]", "{}":
		return true
	}
	if k := v.Kind(); k == '[' || k == '{' {
		inner := bytes.TrimSpace(v[1 : len(v)-1])
		return len(inner) == 0
	}
	return false
}

// kindName names a JSON kind for a message.
func kindName(k jsontext.Kind) string {
	switch k {
	case 'n':
		return "null"
	case 'f', 't':
		return "true or false"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case '{':
		return "an object"
	case '[':
		return "an array"
	}
	return "nothing"
}

// goKindName names what a Go type is decoded from, for a message.
func goKindName(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "another value"
}

// pointerPath turns a JSON Pointer such as "/0/author/orcid" into the
// tail of a path, "[0].author.orcid". A token of digits is an index.
func pointerPath(p jsontext.Pointer) string {
	var b strings.Builder
	for tok := range p.Tokens() {
		if tok != "" && strings.Trim(tok, "0123456789") == "" {
			b.WriteString("[" + tok + "]")
		} else {
			b.WriteString("." + tok)
		}
	}
	return b.String()
}

// entityName names the kind of OpenAlex record whose id starts with c.
func entityName(c byte) string {
	switch c {
	case 'I':
		return "institution"
	case 'S':
		return "source"
	case 'P':
		return "publisher"
	case 'F':
		return "funder"
	case 'T':
		return "topic"
	case 'C':
		return "concept"
	case 'K':
		return "keyword"
	}
	return "entity " + strconv.Quote(string(c))
}

// A locator turns byte offsets in data, the content of the file called
// name from line line0 on, into positions. Asked for offsets in
// increasing order, as the decoder asks, it reads data once in all.
type locator struct {
	name  string
	data  []byte
	line0 int
	off   int // the offset last located
	line  int // its line, from 0
	col   int // its column in characters, from 0
}

func (l *locator) pos(off int64) source.Pos {
	o := min(max(int(off), 0), len(l.data))
	if o < l.off {
		l.off, l.line, l.col = 0, 0, 0
	}
	for l.off < o {
		rest := l.data[l.off:o]
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l.line++
			l.col = 0
			l.off += i + 1
			continue
		}
		l.col += runeCount(rest)
		l.off = o
	}
	return source.Pos{File: l.name, Line: l.line0 + l.line, Column: l.col + 1}
}

// runeCount returns the number of characters of p, valid UTF-8 as the
// bytes before an offset the decoder reports are: the bytes that do not
// continue a character (10xxxxxx), counted eight at a time. (It counts
// fewer than utf8.RuneCount only in invalid UTF-8.)
func runeCount(p []byte) int {
	n := len(p)
	for ; len(p) >= 8; p = p[8:] {
		x := binary.LittleEndian.Uint64(p)
		n -= bits.OnesCount64(x &^ (x << 1) & 0x8080808080808080)
	}
	for _, c := range p {
		if c&0xc0 == 0x80 {
			n--
		}
	}
	return n
}
