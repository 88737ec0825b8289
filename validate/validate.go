// Package validate checks a [dataset.Dataset] and reports every problem at
// once, each as a [source.Error] with the file, line and column of the value
// and its YAML path, such as
//
//	people.yaml:12:14: people[0].positions[1].start: date "2017-13": month 13 is out of range, want 01 to 12; write 2021, 2021-03 or 2021-03-12: malformed
//
// Shape rules (required fields, enumerations, URLs, e-mail addresses) come
// from the model's `validate` struct tags, checked with
// go-playground/validator. The rest is plain Go, one file per topic:
// identifiers and their check digits, dates and their order, supervisors,
// and, in an [Index], what spans records: unique ids, references, cycles
// and duplicate publications.
//
// [Dataset] checks a dataset in memory and [Check] checks one as it comes
// from dataset.Load, with the problems of loading and checking together;
// [Records] and an [Index] are the two halves, for checking a stream of
// files (package stream uses them).
//
// Validate is the only package of the module that imports validator/v10.
// Its functions are safe for concurrent use; an Index is not.
package validate

import (
	"errors"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/source"
)

// Sentinel errors wrapped by the errors that [Dataset] reports, for use
// with [errors.Is]. Errors about identifiers also wrap the parse error of
// package profile or publication, such as [profile.ErrChecksum].
var (
	ErrRequired   = errors.New("required")
	ErrInvalid    = errors.New("invalid")
	ErrReference  = errors.New("unknown reference")
	ErrDuplicate  = errors.New("duplicate")
	ErrDateOrder  = errors.New("end before start")
	ErrCycle      = errors.New("cycle")
	ErrPrincipal  = errors.New("not exactly one principal supervisor")
	ErrNonCanonic = errors.New("not in canonical form")
	ErrSelf       = errors.New("refers to itself") // a person who supervises themselves
)

// Sentinel errors wrapped by the warnings that [Warnings] reports.
var (
	ErrUnassignedORCID = errors.New("outside the ranges ORCID assigns")
	ErrEndedButCurrent = errors.New("marked current but ended")
)

// Dataset checks every record of d and the references between them. It
// returns nil or a sorted [source.ErrorList] of every problem found.
func Dataset(d *dataset.Dataset) error {
	errs := Records(d)
	x := NewIndex()
	x.Add(d)
	if err := x.Close(); err != nil {
		errs = append(errs, err.(source.ErrorList)...)
	}
	errs.Sort()
	return errs.Err()
}

// Records checks each record of d on its own: shapes, identifiers, dates
// and supervisors; an [Index] checks what spans records. Records may be
// called concurrently on different datasets. The list is sorted and may be
// empty.
func Records(d *dataset.Dataset) source.ErrorList {
	c := &checker{d: d}
	c.shapes()
	c.identifiers()
	c.dates()
	c.supervisions()
	c.authors()
	c.pageURLs()
	c.errs.Sort()
	return c.errs
}

// Warnings returns what is legal but suspicious in d, such as an ORCID iD
// outside the ranges ORCID assigns from, or a position marked current whose
// end date is before asOf. The list is sorted and may be empty.
func Warnings(d *dataset.Dataset, asOf time.Time) source.ErrorList {
	c := &checker{d: d}
	c.warnings(asOf)
	c.errs.Sort()
	return c.errs
}

// A checker collects the problems of one dataset.
type checker struct {
	d    *dataset.Dataset
	errs source.ErrorList
}

// report records err about the value at sub in record i of section s.
func (c *checker) report(s dataset.Section, i int, sub string, err error) {
	pos, path := c.d.Locate(s, i, sub)
	c.errs.Add(pos, path, err)
}
