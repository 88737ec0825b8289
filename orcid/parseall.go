package orcid

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// Format returns the input format of ORCID records, for a
// [dataset.Loader]'s Formats: it reads them as [Read] does, XML or JSON,
// recognized by their content ([Sniff]) or a name ending in .xml, and the
// .xml files in directories. It is grouped: a record and the bulk of its
// works, given as two files, are one record.
func Format() dataset.Format {
	return dataset.Format{
		Name:       "orcid",
		MediaTypes: []string{"application/vnd.orcid+xml", "application/vnd.orcid+json"},
		Exts:       []string{".xml"},
		Match: func(doc dataset.Document) bool {
			return Sniff(doc.Data) || strings.EqualFold(path.Ext(doc.Name), ".xml")
		},
		Decode: func(docs []dataset.Document, _ dataset.Limits) (*dataset.Dataset, error) {
			return Read(docs...)
		},
		Grouped: true,
	}
}

// Read decodes ORCID documents with [Decode] and converts them with
// [Import]. What the model cannot hold is in the dataset's Warnings, each
// wrapping [ErrLeftOut]. The
// documents may belong together, such as a record and the bulk of its
// full works: Read decodes them all, merges those
// that name the same ORCID iD into one record per iD, and converts them
// into one dataset. Documents that name no iD join the record of the only
// iD the others name, or, when they name several or none, make one record
// together. It reports the errors of every document at once, as one
// [source.ErrorList].
func Read(docs ...dataset.Document) (*dataset.Dataset, error) {
	var decoded []*Record
	var names []string
	var errs []error
	for _, doc := range docs {
		r, err := decode(doc.Name, doc.Data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		decoded = append(decoded, r)
		names = append(names, doc.Name)
	}
	if err := joinErrors(errs); err != nil {
		return nil, err
	}
	keys, err := recordKeys(decoded, names)
	if err != nil {
		return nil, err
	}
	var records []*Record
	var files []string // the file of each record's first document
	byKey := make(map[string]*Record)
	for i, r := range decoded {
		if into, ok := byKey[keys[i]]; ok {
			into.merge(r)
			continue
		}
		byKey[keys[i]] = r
		records = append(records, r)
		files = append(files, names[i])
	}
	out := new(dataset.Dataset)
	taken := [3]*ids{newIDs(), newIDs(), newIDs()}
	for i, r := range records {
		d, loss := importInto(r, taken)
		out.Append(d)
		for _, l := range loss {
			pos := l.Pos
			if !pos.IsValid() {
				pos = source.Pos{File: files[i]}
			}
			out.Warnings.Add(pos, l.Path, fmt.Errorf("%s: %w", l.Reason, ErrLeftOut))
		}
	}
	return out, nil
}

// recordKeys says which documents make one record: those with the same
// key. A document that names an iD has that iD as key. One that names none
// but holds a person, such as the record of a person with no iD, is a
// record of its own: two such are two people. One that holds neither, such
// as a bulk of works, joins the record of the file it is named after
// ("ada.works.xml" joins "ada.xml"), or else the only record there is; if
// there are several, which one is not known, and that is an error.
func recordKeys(decoded []*Record, names []string) ([]string, error) {
	keys := make([]string, len(decoded))
	byName := make(map[string]int) // file name without extension → the document with a person
	owners := make(map[string]bool)
	for i, r := range decoded {
		switch {
		case r.iD() != "":
			keys[i] = r.iD()
		case r.Person != nil:
			keys[i] = "\x00" + names[i] // no iD can clash with it
		default:
			continue
		}
		owners[keys[i]] = true
		byName[stem(names[i])] = i
	}
	var errs source.ErrorList
	for i := range decoded {
		if keys[i] != "" {
			continue
		}
		if j, ok := byName[strings.TrimSuffix(stem(names[i]), ".works")]; ok {
			keys[i] = keys[j]
			continue
		}
		switch len(owners) {
		case 0:
			keys[i] = "\x00" // documents with no person and no iD make one record together
		case 1:
			for k := range owners {
				keys[i] = k
			}
		default:
			errs.Add(source.Pos{File: names[i]}, "", fmt.Errorf("holds no person and names no ORCID iD, and %d records are given: name the iD in it, or name the file after its record, as ada.works.xml for ada.xml: %w", len(owners), ErrNotORCID))
		}
	}
	return keys, errs.Err()
}

// stem returns name without its extension.
func stem(name string) string { return strings.TrimSuffix(name, path.Ext(name)) }

// iD returns the bare ORCID iD the record names, or "".
func (r *Record) iD() string {
	if r.ORCID == nil {
		return ""
	}
	for _, s := range []string{r.ORCID.Path, r.ORCID.URI} {
		if id, err := profile.ParseORCID(strings.TrimSpace(s)); err == nil {
			return string(id)
		}
	}
	return ""
}

// merge adds what o holds to r: the parts r lacks, the items of lists both
// have, and o's works.
func (r *Record) merge(o *Record) {
	if r.ORCID == nil {
		r.ORCID = o.ORCID
	}
	if r.Person == nil && o.Person != nil || r.file == "" {
		r.file, r.at = o.file, o.at // where the person is
	}
	if o.Person != nil {
		if r.Person == nil {
			r.Person = new(Person)
		}
		p, q := r.Person, o.Person
		if p.Name == nil {
			p.Name = q.Name
		}
		if p.Biography == nil {
			p.Biography = q.Biography
		}
		p.LastModified = later(p.LastModified, q.LastModified)
		p.OtherNames = mergeList(p.OtherNames, q.OtherNames, func(l *OtherNames) *[]OtherName { return &l.OtherName })
		p.ResearcherURLs = mergeList(p.ResearcherURLs, q.ResearcherURLs, func(l *ResearcherURLs) *[]ResearcherURL { return &l.ResearcherURL })
		p.Emails.Email = append(p.Emails.Email, q.Emails.Email...)
		p.Addresses = mergeList(p.Addresses, q.Addresses, func(l *Addresses) *[]Address { return &l.Address })
		p.Keywords = mergeList(p.Keywords, q.Keywords, func(l *Keywords) *[]Keyword { return &l.Keyword })
		p.ExternalIdentifiers = mergeList(p.ExternalIdentifiers, q.ExternalIdentifiers, func(l *ExternalIdentifiers) *[]ExternalIdentifier { return &l.ExternalIdentifier })
	}
	if a := o.Activities; a != nil {
		ra := r.activities()
		ra.LastModified = later(ra.LastModified, a.LastModified)
		for s := range affiliationKinds {
			*ra.section(orcidSection(s)) = mergeList(*ra.section(orcidSection(s)), *a.section(orcidSection(s)), func(l *Affiliations) *[]AffiliationGroup { return &l.Group })
		}
		ra.Works = mergeList(ra.Works, a.Works, func(l *Works) *[]WorkGroup { return &l.Group })
	}
	r.Works = append(r.Works, o.Works...)
	for s, n := range o.skipped {
		if r.skipped == nil {
			r.skipped = make(map[string]int)
			r.skippedAt = make(map[string]source.Pos)
		}
		if r.skipped[s] == 0 {
			r.skippedAt[s] = o.skippedAt[s]
		}
		r.skipped[s] += n
	}
}

// mergeList appends the items of b to those of a, either of which may be nil.
func mergeList[L any, T any](a, b *L, items func(*L) *[]T) *L {
	switch {
	case a == nil:
		return b
	case b != nil:
		*items(a) = append(*items(a), *items(b)...)
	}
	return a
}

// later returns the later of two timestamps, either of which may be nil.
func later(a, b *Timestamp) *Timestamp {
	if a == nil || b != nil && b.After(a.Time) {
		return b
	}
	return a
}

// joinErrors returns the errors of several documents as one sorted ErrorList.
func joinErrors(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	var all source.ErrorList
	for _, err := range errs {
		var list source.ErrorList
		if errors.As(err, &list) {
			all = append(all, list...)
		} else {
			all.Add(source.Pos{}, "", err)
		}
	}
	all.Sort()
	return all.Err()
}
