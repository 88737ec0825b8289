package jsonimport

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// A Link is a relation that a record states to another record, given by
// an identifier, saying that one is a version of the other: a preprint of
// a journal article, an earlier version of a dataset.
type Link struct {
	From    int    // the index of the record that states it
	Key     string // the other record's identifier, as DOIKey or ArXivKey make it
	Reverse bool   // the other record is a version of From, rather than From of it
	Rank    int    // the link's strength: lower ranks are made first, and win over higher ones
	Pos     source.Pos
	Path    string // the relation's path in the source, such as "message.relation.is-preprint-of[0]"
	Name    string // the relation and the identifier as the source writes them, such as "is-preprint-of 10.1101/123"
}

// DOIKey returns the key of a DOI for [Links]: DOIs that differ in case
// only have the same.
func DOIKey(doi publication.DOI) string { return "doi:" + doi.Key() }

// ArXivKey returns the key of an arXiv identifier for [Links], without its
// version: the versions of an arXiv preprint are one record.
func ArXivKey(id publication.ArXiv) string { return "arxiv:" + string(id.Base()) }

// Links gathers the identifiers of the records of one file and the links
// they state, and makes the links between records of the file. The zero
// Links is ready to use.
type Links struct {
	keys  map[string]int // identifier key → the index of the first record with it
	links []Link
}

// Has reports whether a record has the identifier key, and which.
func (l *Links) Has(key string) (int, bool) {
	i, ok := l.keys[key]
	return i, ok
}

// Identify records that record i has the identifier key. The first record
// with a key keeps it.
func (l *Links) Identify(i int, key string) {
	if l.keys == nil {
		l.keys = make(map[string]int)
	}
	if _, dup := l.keys[key]; !dup {
		l.keys[key] = i
	}
}

// Add records a link to make.
func (l *Links) Add(link Link) { l.links = append(l.links, link) }

// Resolve sets the VersionOf of pubs, the records of the file in order of
// their indexes, for every link whose other record is in the file, in
// order of rank, then as added. It calls warn for each link it cannot
// make, with the reason: the other record is not in the file (the model
// links versions by id within a dataset), or the link would give a record
// a second VersionOf or make a cycle. It takes time O(n α(n)) for n links
// and records.
func (l *Links) Resolve(pubs []publication.Publication, warn func(link Link, reason string)) {
	slices.SortStableFunc(l.links, func(a, b Link) int { return cmp.Compare(a.Rank, b.Rank) })
	// Each record has at most one VersionOf, so the links made form trees
	// whose roots have none; the sets of a union-find are those trees, and
	// a link from a root to a record of its own tree would close a cycle.
	parent := make([]int, len(pubs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, link := range l.links {
		other, ok := l.keys[link.Key]
		if !ok {
			warn(link, "no record of this file has that identifier, and the model links versions by id within a dataset")
			continue
		}
		if link.From < 0 || link.From >= len(pubs) || other >= len(pubs) || other == link.From {
			continue
		}
		version, of := link.From, other
		if link.Reverse {
			version, of = other, link.From
		}
		switch v := &pubs[version]; {
		case v.VersionOf == pubs[of].ID:
			// Stated twice, such as by both records.
		case v.VersionOf != "":
			warn(link, fmt.Sprintf("%q is already a version of %q, and the model holds one", v.ID, v.VersionOf))
		case find(of) == version:
			warn(link, fmt.Sprintf("%q being a version of %q would close a cycle of versions", v.ID, pubs[of].ID))
		default:
			v.VersionOf = pubs[of].ID
			parent[version] = find(of)
		}
	}
}
