package datacite

import (
	"strings"

	"github.com/scholarld/scholarld/internal/jsonimport"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// creators reads the creators array at path: the contributors in the
// order of the array, and whether a creator named "et al." says that the
// list goes on.
func (r *reader) creators(path string, v jsonimport.Value) (out []publication.Contributor, etAl bool) {
	affiliated := 0
	var affiliation jsonimport.Value // the first creator's affiliations
	affPath := ""
	for i, c := range r.Objects(v, path) {
		var name, nameType, given, family, ids, aff jsonimport.Value
		for key, m := range c.Members() {
			switch key {
			case "name":
				name = m
			case "nameType":
				nameType = m
			case "givenName":
				given = m
			case "familyName":
				family = m
			case "nameIdentifiers":
				ids = m
			case "affiliation":
				aff = m
			case "lang":
				// The language of the name: the model holds names without one.
			default:
				if !m.IsEmpty() {
					r.Warnf(m, jsonimport.At(path, "[%d].%s", i, key), "%s of a creator: the model has no place for it: %w", jsonimport.Key(key), ErrLeftOut)
				}
			}
		}
		at := jsonimport.At(path, "[%d]", i)
		contributor := publication.Contributor{Name: r.name(at, name, nameType, given, family)}
		contributor.ORCID = r.orcid(jsonimport.At(at, "nameIdentifiers"), ids)
		if !aff.IsEmpty() {
			if affiliated == 0 {
				affiliation, affPath = aff, jsonimport.At(at, "affiliation")
			}
			affiliated++
		}
		if jsonimport.IsEtAl(contributor.Name) && contributor.ORCID == "" {
			etAl = true // "et al.": the list goes on
			continue
		}
		if contributor.Name == "" {
			note := ""
			if contributor.ORCID != "" {
				note = " (ORCID iD " + string(contributor.ORCID) + ")"
			}
			r.Warnf(c, at, "a creator without a name%s: %w", note, ErrLeftOut)
			continue
		}
		out = append(out, contributor)
	}
	if affiliated > 0 {
		r.Warnf(affiliation, affPath, "the affiliations of %s%s: the model holds no affiliation for an author of a work: %w",
			jsonimport.Count(affiliated, "creator"), suchAffiliation(affiliation), ErrLeftOut)
	}
	return out, etAl
}

// name returns a creator's name as the model shows it. An organization's
// is its name. A person's is "Given Family" from givenName and
// familyName, or else from name, which DataCite writes "Family, Given",
// reordered. A name of no nameType without given and family names is
// kept as it is written, since it may be an organization's with a comma.
func (r *reader) name(path string, name, nameType, given, family jsonimport.Value) string {
	part := func(v jsonimport.Value, key string) string {
		s, _ := r.Text(v, jsonimport.At(path, "%s", key), false)
		return jsonimport.Line(s)
	}
	whole, typ := part(name, "name"), part(nameType, "nameType")
	if typ == "Organizational" {
		return whole
	}
	g, f := part(given, "givenName"), part(family, "familyName")
	if g != "" || f != "" {
		return strings.TrimSpace(g + " " + f)
	}
	if typ == "Personal" {
		if fam, giv, ok := strings.Cut(whole, ","); ok {
			return jsonimport.Line(giv + " " + fam)
		}
	}
	return whole
}

// orcid returns the ORCID iD of a creator's name identifiers at path: the
// first whose scheme is ORCID, as a URL or bare. An iD that does not
// parse is an error; identifiers of other schemes, and a second iD, are
// warnings.
func (r *reader) orcid(path string, ids jsonimport.Value) profile.ORCID {
	var id profile.ORCID
	for i, n := range r.Objects(ids, path) {
		scheme, _ := r.Text(n.Get("nameIdentifierScheme"), jsonimport.At(path, "[%d].nameIdentifierScheme", i), false)
		val := n.Get("nameIdentifier")
		at := jsonimport.At(path, "[%d].nameIdentifier", i)
		s, _ := r.Text(val, at, false)
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if !strings.EqualFold(strings.TrimSpace(scheme), "ORCID") {
			r.Warnf(val, at, "%s %s: the model holds the ORCID iDs of authors only: %w", jsonimport.Quote(scheme, 20), jsonimport.Quote(s, 60), ErrLeftOut)
			continue
		}
		o, err := jsonimport.ParseORCID(s)
		switch {
		case err != nil:
			r.Errorf(val, at, "%w", err)
		case id == "":
			id = o
		case o != id:
			r.Warnf(val, at, "a second ORCID iD, %s: the first is kept: %w", o, ErrLeftOut)
		}
	}
	return id
}

// contributors warns about each contributor of a record at path: the
// model holds a work's authors only.
func (r *reader) contributors(path string, v jsonimport.Value) {
	for i, c := range r.Objects(v, path) {
		at := jsonimport.At(path, "[%d]", i)
		typ, _ := r.Text(c.Get("contributorType"), at+".contributorType", false)
		name := r.name(at, c.Get("name"), c.Get("nameType"), c.Get("givenName"), c.Get("familyName"))
		if typ = jsonimport.Line(typ); typ == "" {
			typ = "contributor"
		}
		r.Warnf(c, at, "%s %s: the model holds a work's authors only: %w", jsonimport.Quote(typ, 30), jsonimport.Quote(name, 60), ErrLeftOut)
	}
}

// suchAffiliation returns ` (such as "DataCite")`, the first affiliation
// of a list of affiliations, each a name or an object with a name, or "".
func suchAffiliation(v jsonimport.Value) string {
	for _, a := range v.Items() {
		s := a.Text()
		if a.Kind() == jsonimport.Object {
			s = a.Get("name").Text()
		}
		if s = jsonimport.Line(s); s != "" {
			return " (such as " + jsonimport.Quote(s, 60) + ")"
		}
	}
	return ""
}
