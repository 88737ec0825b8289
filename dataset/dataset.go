// Package dataset holds researcher profiles and publications as one
// [Dataset], and is the one way to read them from files: a [Loader] reads
// paths or an [fs.FS], recognizes each file's format by its content or
// name (the formats listed in its Formats, such as orcid.Format, then this
// project's YAML and JSON), bounds what a file may hold with [Limits], and
// sets each record's Origin so that package validate can point at the
// line of every problem. This package imports none of the importers:
// package inputs lists all their formats, and gives a Loader of them.
//
//	d, err := dataset.Load("people/", "publications.yaml") // YAML and JSON
//	d, err := inputs.Loader().Load("people/", "refs.bib")  // every format
//
// Package stream reads through the same Loader, a file at a time.
package dataset

import (
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// A Dataset is a set of people, organizations and publications that refer
// to each other by ID. It may be loaded from many files or built in Go; the
// zero value is an empty dataset. Each record carries its own Origin, so
// the lists may be sorted, filtered or appended to freely.
type Dataset struct {
	People        []profile.Person          `yaml:"people,omitempty" json:"people,omitempty"`
	Organizations []profile.Organization    `yaml:"organizations,omitempty" json:"organizations,omitempty"`
	Publications  []publication.Publication `yaml:"publications,omitempty" json:"publications,omitempty"`

	// Warnings are what the loader noticed but read on: what an input
	// format holds that the model cannot, such as an ORCID record's
	// fundings or a researcher URL that is not http(s), left out of the
	// records, each at the file and path it comes from.
	Warnings source.ErrorList `yaml:"-" json:"-"`
	// Matches is the report of [Dataset.MatchAuthors], which [Merge]
	// calls: the authors found to be people of the dataset, and those
	// that are ambiguous or resemble one.
	Matches []Match `yaml:"-" json:"-"`
}

// A Section is one of the three lists of a dataset.
type Section int

// The sections of a dataset, named as in the input files.
const (
	People Section = iota
	Organizations
	Publications
	numSections
)

// String returns the section's key in input files, such as "people".
func (s Section) String() string {
	switch s {
	case People:
		return "people"
	case Organizations:
		return "organizations"
	case Publications:
		return "publications"
	}
	return fmt.Sprintf("Section(%d)", int(s))
}

// goName returns the section's field name in Dataset, such as "People".
func (s Section) goName() string {
	switch s {
	case People:
		return "People"
	case Organizations:
		return "Organizations"
	case Publications:
		return "Publications"
	}
	return s.String()
}

// Origin returns where record i of section s came from. For a record built
// in Go it returns an Origin with no file whose Path is the record's Go
// path in the dataset, such as "People[3]".
func (d *Dataset) Origin(s Section, i int) source.Origin {
	var o source.Origin
	switch s {
	case People:
		o = d.People[i].Origin
	case Organizations:
		o = d.Organizations[i].Origin
	case Publications:
		o = d.Publications[i].Origin
	}
	if o.IsZero() {
		return source.Origin{Path: fmt.Sprintf("%s[%d]", s.goName(), i), Index: i}
	}
	return o
}

// Len returns the number of records of d.
func (d *Dataset) Len() int {
	return len(d.People) + len(d.Organizations) + len(d.Publications)
}

// Append adds the records of other to d; they keep their origins.
func (d *Dataset) Append(other *Dataset) {
	d.People = append(d.People, other.People...)
	d.Organizations = append(d.Organizations, other.Organizations...)
	d.Publications = append(d.Publications, other.Publications...)
	d.Warnings = append(d.Warnings, other.Warnings...)
	d.Matches = append(d.Matches, other.Matches...)
}

// setOrigins records that every record of d comes from f, at its index.
func (d *Dataset) setOrigins(f *source.File) {
	for i := range d.People {
		d.People[i].Origin = source.Origin{File: f, Path: fmt.Sprintf("people[%d]", i), Index: i}
	}
	for i := range d.Organizations {
		d.Organizations[i].Origin = source.Origin{File: f, Path: fmt.Sprintf("organizations[%d]", i), Index: i}
	}
	for i := range d.Publications {
		d.Publications[i].Origin = source.Origin{File: f, Path: fmt.Sprintf("publications[%d]", i), Index: i}
	}
}

// Locate returns the position and full path of the value at sub (a path
// of input-file keys such as "positions[2].start", or "" for the record
// itself) in record i of section s. For a record loaded from a file these
// are its file:line:column and its path in the file, such as
// "people[0].positions[2].start"; for a record built in Go, no position
// and its path in the Dataset with Go's field names, such as
// "People[3].Positions[2].Start".
func (d *Dataset) Locate(s Section, i int, sub string) (source.Pos, string) {
	o := d.Origin(s, i)
	if o.IsZero() {
		sub = goPath(sectionType(s), sub)
	}
	return o.Locate(sub)
}

func sectionType(s Section) reflect.Type {
	switch s {
	case People:
		return reflect.TypeFor[profile.Person]()
	case Organizations:
		return reflect.TypeFor[profile.Organization]()
	}
	return reflect.TypeFor[publication.Publication]()
}

// goPath rewrites a path of input-file keys below a value of type t with
// the names of the Go fields they decode into: "positions[2].start" below
// a profile.Person is "Positions[2].Start". A key with no field is kept.
func goPath(t reflect.Type, sub string) string {
	var b strings.Builder
	for i, part := range strings.Split(sub, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if i > 0 {
			b.WriteByte('.')
		}
		for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
			t = t.Elem()
		}
		name := key
		if t != nil && t.Kind() == reflect.Struct && key != "" {
			t, name = fieldFor(t, key)
		}
		b.WriteString(name)
		if rest != "" {
			b.WriteByte('[')
			b.WriteString(rest)
		}
	}
	return b.String()
}

// fieldFor returns the type and Go name of the field of struct t whose
// YAML key is key, or nil and key.
func fieldFor(t reflect.Type, key string) (reflect.Type, string) {
	for f := range t.Fields() {
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == key {
			return f.Type, f.Name
		}
		if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct {
			if ft, name := fieldFor(f.Type, key); ft != nil {
				return ft, name
			}
		}
	}
	return nil, key
}

// WriteYAML writes d to w in this project's YAML format, which [Load]
// reads back: an ORCID record imported, written so, becomes a file to
// edit. Fields are in the order of the Go types, empty ones left out;
// Origins and Warnings are not written. Errors are those of w.
func (d *Dataset) WriteYAML(w io.Writer) error {
	return source.WriteYAML(w, d)
}
