package crossref

import (
	"fmt"
	"strings"

	"github.com/scholarld/scholarld/internal/jsonimport"
)

// A versionRelation is a relation of Crossref's that makes one work a
// version of another.
type versionRelation struct {
	reverse bool // the related work is the version, rather than this one
	rank    int  // a preprint link wins over a version link
}

// versionRelations are the relations that the model holds as VersionOf:
// a preprint is a version of the work it became, and an earlier version
// of the one that supersedes it.
var versionRelations = map[string]versionRelation{
	"is-preprint-of": {false, 0},
	"has-preprint":   {true, 0},
	"is-version-of":  {false, 1},
	"has-version":    {true, 1},
}

// relations reads a work's relation object at path, returning the version
// links it states; other relations are warnings, one per relation type.
func (r *reader) relations(path string, v jsonimport.Value) []jsonimport.Link {
	switch v.Kind() {
	case jsonimport.Absent, jsonimport.Null:
		return nil
	case jsonimport.Object:
	default:
		r.TypeError(v, path, `an object of relations, such as {"is-preprint-of": [{"id-type": "doi", "id": "10.1234/abc"}]}`)
		return nil
	}
	var links []jsonimport.Link
	for rel, list := range v.Members() {
		relPath := jsonimport.At(path, "%s", rel)
		vr, isVersion := versionRelations[rel]
		if !isVersion {
			if !list.IsEmpty() {
				r.Warnf(list, relPath, "%s %s%s: the model holds version links only: %w", jsonimport.Key(rel), jsonimport.Count(list.Len(), "related item"), jsonimport.Such(list, "id"), ErrLeftOut)
			}
			continue
		}
		for i, item := range r.Objects(list, relPath) {
			itemPath := jsonimport.At(relPath, "[%d]", i)
			idType, _ := r.Text(item.Get("id-type"), itemPath+".id-type", false)
			id, _ := r.Text(item.Get("id"), itemPath+".id", false)
			id = strings.TrimSpace(id)
			name := fmt.Sprintf("%s %s %s", rel, jsonimport.Key(idType), jsonimport.Quote(id, 80))
			var key string
			switch strings.ToLower(idType) {
			case "doi":
				doi, err := jsonimport.ParseDOI(id)
				if err != nil {
					r.Errorf(item.Get("id"), itemPath+".id", "%w", err)
					continue
				}
				key, name = jsonimport.DOIKey(doi), rel+" "+string(doi)
			case "arxiv":
				ax, err := jsonimport.ParseArXiv(id)
				if err != nil {
					r.Errorf(item.Get("id"), itemPath+".id", "%w", err)
					continue
				}
				key, name = jsonimport.ArXivKey(ax), rel+" arXiv:"+string(ax)
			default:
				r.Warnf(item, itemPath, "%s: the model links versions by DOI or arXiv id: %w", name, ErrLeftOut)
				continue
			}
			links = append(links, jsonimport.Link{Key: key, Reverse: vr.reverse, Rank: vr.rank,
				Pos: r.Doc.Pos(item.Offset()), Path: itemPath, Name: name})
		}
	}
	return links
}
