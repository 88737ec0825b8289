package crossref

import (
	"strings"

	"github.com/scholarld/scholarld/internal/jsonimport"
	"github.com/scholarld/scholarld/publication"
)

// authors reads the author array at path: the contributors in the order
// of the array, whatever their sequence says, and whether an author
// named "et al." says that the list goes on.
func (r *reader) authors(path string, v jsonimport.Value) (out []publication.Contributor, etAl bool) {
	affiliated := 0
	var affiliation jsonimport.Value // the first author's affiliations
	affPath := ""
	for i, a := range r.Objects(v, path) {
		var given, family, name, suffix, orcid, seq, aff jsonimport.Value
		for key, m := range a.Members() {
			switch key {
			case "given":
				given = m
			case "family":
				family = m
			case "name":
				name = m
			case "suffix":
				suffix = m
			case "ORCID":
				orcid = m
			case "sequence":
				seq = m
			case "affiliation":
				aff = m
			case "authenticated-orcid":
				// Whether ORCID vouches for the iD: bookkeeping.
			default:
				if !m.IsEmpty() {
					r.Warnf(m, jsonimport.At(path, "[%d].%s", i, key), "%s of an author: the model has no place for it: %w", jsonimport.Key(key), ErrLeftOut)
				}
			}
		}
		c := publication.Contributor{Name: r.name(jsonimport.At(path, "[%d]", i), given, family, suffix, name)}
		if s, ok := r.Text(orcid, jsonimport.At(path, "[%d].ORCID", i), false); ok && strings.TrimSpace(s) != "" {
			if id, err := jsonimport.ParseORCID(strings.TrimSpace(s)); err != nil {
				r.Errorf(orcid, jsonimport.At(path, "[%d].ORCID", i), "%w", err)
			} else {
				c.ORCID = id
			}
		}
		if s, ok := r.Text(seq, jsonimport.At(path, "[%d].sequence", i), false); ok {
			switch {
			case s == "first" && i != 0:
				r.Warnf(seq, jsonimport.At(path, "[%d].sequence", i), "\"first\" for the author at index %d: the order of the list is kept: %w", i, ErrSequence)
			case s == "additional" && i == 0:
				r.Warnf(seq, jsonimport.At(path, "[%d].sequence", i), "\"additional\" for the first author of the list: the order of the list is kept: %w", ErrSequence)
			case s != "first" && s != "additional":
				r.Warnf(seq, jsonimport.At(path, "[%d].sequence", i), "%s, want \"first\" or \"additional\": %w", jsonimport.Quote(s, 40), ErrSequence)
			}
		}
		if !aff.IsEmpty() {
			if affiliated == 0 {
				affiliation, affPath = aff, jsonimport.At(path, "[%d].affiliation", i)
			}
			affiliated++
		}
		if jsonimport.IsEtAl(c.Name) && c.ORCID == "" {
			etAl = true // "et al.": the list goes on
			continue
		}
		if c.Name == "" {
			orcidNote := ""
			if c.ORCID != "" {
				orcidNote = " (ORCID iD " + string(c.ORCID) + ")"
			}
			r.Warnf(a, jsonimport.At(path, "[%d]", i), "an author without a given name, family name or name%s: %w", orcidNote, ErrLeftOut)
			continue
		}
		out = append(out, c)
	}
	if affiliated > 0 {
		r.Warnf(affiliation, affPath, "the affiliations of %s%s: the model holds no affiliation for an author of a work: %w",
			jsonimport.Count(affiliated, "author"), jsonimport.Such(affiliation, "name"), ErrLeftOut)
	}
	return out, etAl
}

// name returns an author's name as the model shows it: "Given Family
// Suffix", or the name of an organization or a name given whole.
func (r *reader) name(path string, given, family, suffix, name jsonimport.Value) string {
	part := func(v jsonimport.Value, key string) string {
		s, _ := r.Text(v, path+"."+key, false)
		return jsonimport.Line(s)
	}
	g, f, s := part(given, "given"), part(family, "family"), part(suffix, "suffix")
	whole := part(name, "name")
	if g == "" && f == "" {
		return whole
	}
	return strings.Join(strings.Fields(g+" "+f+" "+s), " ")
}
