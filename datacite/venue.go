package datacite

import (
	"strings"

	"github.com/scholarld/scholarld/internal/jsonimport"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/validate"
)

// venue sets the venue of p: its container (a journal or a series, with
// volume, issue, pages and ISSN), or, for a dataset, software or a
// preprint without one, its publisher, the repository that holds it. A
// publisher that is not the venue is a warning.
func (r *reader) venue(path string, f *fields, p *publication.Publication) {
	publisher := r.publisher(jsonimport.At(path, "publisher"), f.publisher)
	venue := publication.Venue{Kind: venueKinds[p.Kind]}
	cPath := jsonimport.At(path, "container")
	c := f.container
	switch c.Kind() {
	case jsonimport.Absent, jsonimport.Null:
	case jsonimport.Object:
		text := func(key string) string {
			s, _ := r.Text(c.Get(key), jsonimport.At(cPath, "%s", key), true)
			return jsonimport.Line(s)
		}
		venue.Name = titleText(text("title"))
		if k, ok := containerKinds[text("type")]; ok {
			venue.Kind = k
		}
		venue.Volume, venue.Issue = text("volume"), text("issue")
		venue.Pages = text("firstPage")
		if last := text("lastPage"); last != "" && last != venue.Pages {
			venue.Pages = strings.TrimPrefix(venue.Pages+"–"+last, "–")
		}
		if strings.EqualFold(text("identifierType"), "ISSN") {
			if issn, err := jsonimport.ParseISSN(text("identifier")); err != nil {
				r.Errorf(c.Get("identifier"), jsonimport.At(cPath, "identifier"), "%w", err)
			} else {
				venue.ISSN = issn
			}
		}
	default:
		r.TypeError(c, cPath, "an object")
	}
	if venue.Name == "" && publisher != "" && repositoryKinds[p.Kind] {
		venue.Name, venue.Kind, publisher = publisher, publication.VenueRepository, ""
	}
	if publisher != "" {
		r.Warnf(f.publisher, jsonimport.At(path, "publisher"), "publisher %s: the model holds no publisher but the repository of a dataset, software or a preprint: %w", jsonimport.Quote(publisher, 60), ErrLeftOut)
	}
	if venue.Name == "" {
		if venue.Volume != "" || venue.Issue != "" || venue.Pages != "" || venue.ISSN != "" {
			r.Warnf(c, cPath, "a volume, issue, pages or ISSN without a container title: the model holds them with a venue's name: %w", ErrLeftOut)
		}
		return
	}
	p.Venue = venue
}

// publisher returns the name of a publisher, given as a name or (as the
// API gives it when asked for publisher=true) an object with a name.
func (r *reader) publisher(path string, v jsonimport.Value) string {
	if v.Kind() == jsonimport.Object {
		v, path = v.Get("name"), jsonimport.At(path, "name")
	}
	s, _ := r.Text(v, path, false)
	return jsonimport.Line(s)
}

// descriptions sets the abstract of p: the first description of type
// Abstract, as plain text (HTML, which some repositories give, made
// text). Other descriptions are warnings.
func (r *reader) descriptions(path string, v jsonimport.Value, p *publication.Publication) {
	for i, d := range r.Objects(v, path) {
		at := jsonimport.At(path, "[%d]", i)
		typ, _ := r.Text(d.Get("descriptionType"), at+".descriptionType", false)
		typ = jsonimport.Line(typ)
		var paras []string
		desc := d.Get("description")
		if desc.Kind() == jsonimport.Array { // as older records give it
			for _, s := range r.Strings(desc, at+".description", descriptionText) {
				paras = append(paras, s.Text)
			}
		} else if s, ok := r.Text(desc, at+".description", false); ok {
			paras = append(paras, descriptionText(s))
		}
		text := strings.TrimSpace(strings.Join(paras, "\n\n"))
		switch {
		case text == "":
		case typ == "Abstract" && p.Abstract == "":
			p.Abstract = text
		case typ == "Abstract":
			r.Warnf(d, at, "a second abstract: the model holds one: %w", ErrLeftOut)
		default:
			r.Warnf(d, at, "a description of type %s: the model holds an abstract only: %w", jsonimport.Quote(typ, 30), ErrLeftOut)
		}
	}
}

// descriptionText returns a description as plain text.
func descriptionText(s string) string {
	if jsonimport.LooksLikeMarkup(s) {
		return jsonimport.StripMarkup(s)
	}
	return jsonimport.Clean(s)
}

// identifiers reads the identifiers of a record other than its DOI, at
// path: key is "identifier" or "alternateIdentifier", the name of their
// value, whose type is key+"Type". An arXiv id, an ISBN, a PubMed id and
// a URL are held; others are warnings.
func (r *reader) identifiers(path string, v jsonimport.Value, key string, p *publication.Publication) {
	for i, item := range r.Objects(v, path) {
		at := jsonimport.At(path, "[%d]", i)
		typ, _ := r.Text(item.Get(key+"Type"), jsonimport.At(at, "%sType", key), false)
		val := item.Get(key)
		valPath := jsonimport.At(at, "%s", key)
		s, _ := r.Text(val, valPath, false)
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		ids := &p.Identifiers
		set := func(field *string, v string, err error) {
			switch {
			case err != nil:
				r.Errorf(val, valPath, "%w", err)
			case *field == "":
				*field = v
			case *field != v:
				r.Warnf(val, valPath, "a second %s, %s: the first is kept: %w", typ, jsonimport.Quote(v, 60), ErrLeftOut)
			}
		}
		switch strings.ToLower(strings.TrimSpace(typ)) {
		case "doi":
			if doi, err := jsonimport.ParseDOI(s); err == nil && doi.Key() == ids.DOI.Key() {
				continue // the record's own
			}
			r.Warnf(val, valPath, "DOI %s: the model holds one DOI per record: %w", jsonimport.Quote(s, 80), ErrLeftOut)
		case "arxiv":
			id, err := jsonimport.ParseArXiv(s)
			set((*string)(&ids.ArXiv), string(id), err)
		case "isbn":
			id, err := jsonimport.ParseISBN(s)
			set((*string)(&ids.ISBN), string(id), err)
		case "pmid":
			id, err := jsonimport.ParsePMID(s)
			set((*string)(&ids.PMID), string(id), err)
		case "url":
			if validate.HTTPURL(s) == nil && p.URL == "" {
				p.URL = s
				continue
			}
			r.Warnf(val, valPath, "URL %s: the model holds one http or https URL per record: %w", jsonimport.Quote(s, 80), ErrLeftOut)
		default:
			r.Warnf(val, valPath, "%s %s: the model holds DOI, arXiv, ISBN and PubMed ids and a URL: %w", jsonimport.Quote(typ, 30), jsonimport.Quote(s, 60), ErrLeftOut)
		}
	}
}

// notHeld warns about an attribute that the model has no place for.
func (r *reader) notHeld(path, key string, v jsonimport.Value) {
	switch key {
	case "rightsList":
		r.Warnf(v, path, "%s%s: the model holds no licence: %w", jsonimport.Count(v.Len(), "rights statement"), jsonimport.Such(v, "rights"), ErrLeftOut)
	case "fundingReferences":
		r.Warnf(v, path, "%s%s: the model holds no funding: %w", jsonimport.Count(v.Len(), "funding reference"), jsonimport.Such(v, "funderName"), ErrLeftOut)
	case "relatedItems":
		r.Warnf(v, path, "%s%s: the model links versions by identifier only: %w", jsonimport.Count(v.Len(), "related item"), jsonimport.Such(v, "relationType"), ErrLeftOut)
	default:
		switch v.Kind() {
		case jsonimport.Array:
			r.Warnf(v, path, "%s (%s): the model has no place for it: %w", jsonimport.Key(key), jsonimport.Count(v.Len(), "item"), ErrLeftOut)
		case jsonimport.Object:
			r.Warnf(v, path, "%s: the model has no place for it: %w", jsonimport.Key(key), ErrLeftOut)
		default:
			r.Warnf(v, path, "%s %s: the model has no place for it: %w", jsonimport.Key(key), r.Doc.Snippet(v), ErrLeftOut)
		}
	}
}
