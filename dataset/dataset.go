// Package dataset loads researcher profiles and publications from YAML or
// JSON files into one [Dataset], remembering where each record came from so
// that package validate can point at the line of every problem.
package dataset

import (
	"fmt"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// A Dataset is a set of people, organizations and publications that refer
// to each other by ID. It may be loaded from many files or built in Go; the
// zero value is an empty dataset.
type Dataset struct {
	People        []profile.Person          `yaml:"people,omitempty" json:"people,omitempty"`
	Organizations []profile.Organization    `yaml:"organizations,omitempty" json:"organizations,omitempty"`
	Publications  []publication.Publication `yaml:"publications,omitempty" json:"publications,omitempty"`

	// origins[s][i] is where record i of section s came from, for records
	// loaded from files; records appended in Go have none.
	origins [numSections][]Origin
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

// An Origin is where a record was read from: a file and the record's path
// in it, such as "people[2]". The zero Origin is a record built in Go.
type Origin struct {
	File  *source.File
	Path  string
	Index int // the record's index in its section of the file (or dataset)
}

// Origin returns where record i of section s came from. For a record built
// in Go it returns an Origin whose Path is the record's path in the dataset
// and whose File is nil.
func (d *Dataset) Origin(s Section, i int) Origin {
	if o := d.origins[s]; i < len(o) && o[i].File != nil {
		return o[i]
	}
	return Origin{Path: fmt.Sprintf("%s[%d]", s, i), Index: i}
}

// Name returns the name of the file the record came from, or "" for a
// record built in Go.
func (o Origin) Name() string {
	if o.File == nil {
		return ""
	}
	return o.File.Name()
}

// Locate returns the position and full path of the value at sub (such as
// "positions[2].start", or "" for the record itself) in the record at o.
func (o Origin) Locate(sub string) (source.Pos, string) {
	path := o.Path
	if sub != "" {
		if sub[0] == '[' {
			path += sub
		} else {
			path += "." + sub
		}
	}
	if o.File == nil {
		return source.Pos{}, path
	}
	return o.File.Pos(path), path
}

// Append adds the records of other to d, keeping their origins.
func (d *Dataset) Append(other *Dataset) {
	d.fillOrigins()
	other.fillOrigins()
	d.People = append(d.People, other.People...)
	d.Organizations = append(d.Organizations, other.Organizations...)
	d.Publications = append(d.Publications, other.Publications...)
	for s := range d.origins {
		d.origins[s] = append(d.origins[s], other.origins[s]...)
	}
}

// fillOrigins makes the origin lists as long as the sections, padding with
// zero Origins for records built in Go, so that appending keeps indexes aligned.
func (d *Dataset) fillOrigins() {
	lens := [numSections]int{len(d.People), len(d.Organizations), len(d.Publications)}
	for s, n := range lens {
		if len(d.origins[s]) < n {
			d.origins[s] = append(d.origins[s], make([]Origin, n-len(d.origins[s]))...)
		}
		d.origins[s] = d.origins[s][:n]
	}
}
