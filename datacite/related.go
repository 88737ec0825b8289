package datacite

import (
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/internal/jsonimport"
)

// A versionRelation is a relation type of DataCite's that makes one
// record a version of another.
type versionRelation struct {
	reverse bool // the related record is the version, rather than this one
	rank    int  // a preprint link wins over a version link, which wins over a previous or new version
}

// versionRelations are the relation types that the model holds as
// VersionOf: a preprint is a version of the work it became, a version of
// the work (such as a Zenodo concept DOI) it is a version of, and an
// earlier version of the one that supersedes it.
var versionRelations = map[string]versionRelation{
	"IsPreprintOf":        {false, 0},
	"HasPreprint":         {true, 0},
	"IsVersionOf":         {false, 1},
	"HasVersion":          {true, 1},
	"IsPreviousVersionOf": {false, 2},
	"IsNewVersionOf":      {true, 2},
}

// related reads a record's relatedIdentifiers at path, returning the
// version links they state, to a DOI or an arXiv id. The other relations
// are warnings, one per relation type, at its first identifier.
func (r *reader) related(path string, v jsonimport.Value) []jsonimport.Link {
	type group struct {
		first jsonimport.Value
		path  string
		id    string
		n     int
	}
	var links []jsonimport.Link
	var order []string
	others := make(map[string]*group)
	for i, item := range r.Objects(v, path) {
		at := jsonimport.At(path, "[%d]", i)
		rel, _ := r.Text(item.Get("relationType"), at+".relationType", false)
		typ, _ := r.Text(item.Get("relatedIdentifierType"), at+".relatedIdentifierType", false)
		idVal := item.Get("relatedIdentifier")
		id, _ := r.Text(idVal, at+".relatedIdentifier", false)
		rel, id = strings.TrimSpace(rel), strings.TrimSpace(id)
		vr, isVersion := versionRelations[rel]
		if !isVersion {
			g := others[rel]
			if g == nil {
				g = &group{first: item, path: at, id: id}
				others[rel] = g
				order = append(order, rel)
			}
			g.n++
			continue
		}
		name := fmt.Sprintf("%s %s %s", rel, jsonimport.Key(typ), jsonimport.Quote(id, 80))
		var key string
		switch strings.ToLower(strings.TrimSpace(typ)) {
		case "doi":
			doi, err := jsonimport.ParseDOI(id)
			if err != nil {
				r.Errorf(idVal, at+".relatedIdentifier", "%w", err)
				continue
			}
			key, name = jsonimport.DOIKey(doi), rel+" "+string(doi)
		case "arxiv":
			ax, err := jsonimport.ParseArXiv(id)
			if err != nil {
				r.Errorf(idVal, at+".relatedIdentifier", "%w", err)
				continue
			}
			key, name = jsonimport.ArXivKey(ax), rel+" arXiv:"+string(ax)
		default:
			r.Warnf(item, at, "%s: the model links versions by DOI or arXiv id: %w", name, ErrLeftOut)
			continue
		}
		links = append(links, jsonimport.Link{Key: key, Reverse: vr.reverse, Rank: vr.rank,
			Pos: r.Doc.Pos(item.Offset()), Path: at, Name: name})
	}
	for _, rel := range order {
		g := others[rel]
		if rel == "" {
			rel = "a relation of no type"
		}
		r.Warnf(g.first, g.path, "%s: %s (such as %s): the model holds version links only: %w",
			jsonimport.Key(rel), jsonimport.Count(g.n, "related identifier"), jsonimport.Quote(g.id, 80), ErrLeftOut)
	}
	return links
}
