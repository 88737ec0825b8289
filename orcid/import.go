package orcid

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
)

// Import converts r into the model: a person (when r has a person, an
// affiliation or an iD) with their name, other names, biography,
// researcher-urls (a homepage, links, and profiles such as Google Scholar
// and dblp as identifiers), e-mails, countries, keywords as topics,
// external identifiers (Scopus, ResearcherID; others as links) and the
// last-modified date as Updated; their affiliations as positions,
// education and awards; the organizations of these, one per disambiguated
// id (ROR, Ringgold, GRID, FundRef, LEI) or, without one, per name and
// address; and the works as publications, with their identifiers, types,
// dates, journal titles, contributors in byline order and versions. It
// mints ids: the person's from their name (or iD), an organization's from
// its name, a publication's from its source-work-id when that is an id,
// else from its title.
//
// ORCID has no kinds of position or organization: the role title decides
// (a "Postdoctoral …" employment is a postdoc, a "… Chair" distinction a
// chair, and a distinction without an end date an award), and so does an
// organization's name (university, institute, or other). An affiliation
// without an end date is current. A work known only by its summary in the
// record has the record's person as its only author. Positions follow
// ORCID's order, section by section.
//
// The dataset passes validate.Dataset: what the model cannot hold, or
// holds under stricter rules (an invalid date, DOI or URL, a work type it
// lacks, a second work with the same DOI from another source), is left
// out or mapped and listed in the Loss, by path in the ORCID document.
func Import(r *Record) (*dataset.Dataset, Loss) {
	return importInto(r, [3]*ids{newIDs(), newIDs(), newIDs()})
}

// importInto is Import with the ids already taken in people,
// organizations and publications.
func importInto(r *Record, taken [3]*ids) (*dataset.Dataset, Loss) {
	m := &importer{r: r, d: new(dataset.Dataset), orgKeys: make(map[string]int), taken: taken}
	m.convertPerson()
	m.affiliations()
	m.works()
	for _, s := range slices.Sorted(maps.Keys(r.skipped)) {
		m.loss.add("activities-summary."+s, "%s: scholarld holds no %s", count(r.skipped[s], "item"), strings.ReplaceAll(s, "-", " "))
		m.loss[len(m.loss)-1].Pos = r.skippedAt[s]
	}
	return m.d, m.loss
}

// count returns "1 item", "2 items".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// An importer converts one record.
type importer struct {
	r       *Record
	d       *dataset.Dataset
	loss    Loss
	person  *profile.Person // nil if the record has none
	orgKeys map[string]int  // organization index by disambiguated id or name and address
	taken   [3]*ids         // ids taken in people, organizations, publications
}

// convertPerson converts the record's person, if it has one.
func (m *importer) convertPerson() {
	r := m.r
	if r.Person == nil && r.ORCID == nil && !hasAffiliations(r.Activities) {
		return
	}
	p := profile.Person{}
	if id := r.iD(); id != "" {
		p.Identifiers.ORCID = profile.ORCID(id)
	} else if r.ORCID != nil {
		m.loss.add("orcid-identifier", "%q: not a valid ORCID iD", r.ORCID.Path+r.ORCID.URI)
	}
	q := r.Person
	if q == nil {
		q = new(Person)
	}
	if n := q.Name; n != nil {
		p.Name.Given, p.Name.Family, p.Name.Display = line(string(n.GivenNames)), line(string(n.FamilyName)), line(string(n.CreditName))
	}
	if p.Name.Display == "" {
		p.Name.Display = strings.TrimSpace(p.Name.Given + " " + p.Name.Family)
	}
	base := slug(p.Name.Display, 6)
	if p.Name.Display == "" {
		p.Name.Display = "Unnamed ORCID record"
		base = "orcid-record"
		if id := p.Identifiers.ORCID; id != "" {
			p.Name.Display, base = string(id), strings.ToLower(string(id))
		}
		m.loss.add("person.name", "no public name: the display name is %q", p.Name.Display)
	}
	p.ID = m.taken[dataset.People].mint(base, "person")
	if l := q.OtherNames; l != nil {
		for _, o := range l.OtherName {
			if s := line(o.Content); s != "" {
				p.Name.Other = append(p.Name.Other, s)
			}
		}
	}
	if q.Biography != nil {
		p.Biography = text(q.Biography.Content)
	}
	m.researcherURLs(&p, q.ResearcherURLs)
	for j, e := range q.Emails.Email {
		if s := strings.TrimSpace(e.Email); emailRE.MatchString(s) {
			p.Emails = append(p.Emails, s)
		} else {
			m.loss.add(fmt.Sprintf("person.emails.email[%d]", j), "%q: not an e-mail address", e.Email)
		}
	}
	if l := q.Addresses; l != nil {
		for j, a := range l.Address {
			if c := country(string(a.Country)); c != "" {
				p.Countries = append(p.Countries, c)
			} else {
				m.loss.add(fmt.Sprintf("person.addresses.address[%d]", j), "%q: not an ISO 3166-1 country code", a.Country)
			}
		}
	}
	if l := q.Keywords; l != nil {
		for _, k := range l.Keyword {
			if s := line(k.Content); s != "" {
				p.Topics = append(p.Topics, profile.Topic{Label: s})
			}
		}
	}
	m.externalIdentifiers(&p, q.ExternalIdentifiers)
	var last *Timestamp
	if r.Activities != nil {
		last = r.Activities.LastModified
	}
	if t := later(q.LastModified, last); t != nil && !t.IsZero() {
		if d, err := profile.ParseDate(t.Format(time.DateOnly)); err == nil {
			p.Updated = d
		}
	}
	p.Origin = source.Origin{Path: "person", Pos: m.r.at}
	m.d.People = append(m.d.People, p)
	m.person = &m.d.People[0]
}

// hasAffiliations reports whether a holds an affiliation.
func hasAffiliations(a *ActivitiesSummary) bool {
	if a == nil {
		return false
	}
	for s := range affiliationKinds {
		if sec := *a.section(orcidSection(s)); sec != nil && len(sec.Group) > 0 {
			return true
		}
	}
	return false
}

// researcherURLs converts the researcher-urls: profiles of known sites
// become identifiers, the first one named as a homepage the homepage, and
// the others links.
func (m *importer) researcherURLs(p *profile.Person, l *ResearcherURLs) {
	if l == nil {
		return
	}
	for j, ru := range l.ResearcherURL {
		path := fmt.Sprintf("person.researcher-urls.researcher-url[%d]", j)
		u := httpURL(string(ru.URL))
		if u == "" {
			m.loss.add(path, "%q: not an http or https URL", ru.URL)
			continue
		}
		name := line(ru.Name)
		if i, id := siteID(u); i >= 0 {
			if f := profileSites[i].field(&p.Identifiers); *f == "" {
				*f = id
				continue
			}
		}
		if strings.Contains(strings.ToLower(u), "wikidata.org/") && p.Identifiers.Wikidata == "" {
			if id, err := profile.ParseWikidata(u); err == nil {
				p.Identifiers.Wikidata = id
				continue
			}
		}
		if p.Homepage == "" && isHomepageName(name) {
			p.Homepage = u
			continue
		}
		p.Links = append(p.Links, profile.Link{Name: name, URL: u})
	}
}

// externalIdentifiers converts the person's external identifiers: Scopus
// and ResearcherID become identifiers, others with a URL links.
func (m *importer) externalIdentifiers(p *profile.Person, l *ExternalIdentifiers) {
	if l == nil {
		return
	}
	for j, e := range l.ExternalIdentifier {
		path := fmt.Sprintf("person.external-identifiers.external-identifier[%d]", j)
		typ, val := line(e.Type), strings.TrimSpace(e.Value)
		switch {
		case strings.EqualFold(typ, scopusType) && scopusRE.MatchString(val) && p.Identifiers.Scopus == "":
			p.Identifiers.Scopus = val
		case strings.EqualFold(typ, researcherIDType) && researcherIDRE.MatchString(val) && p.Identifiers.ResearcherID == "":
			p.Identifiers.ResearcherID = val
		case httpURL(string(e.URL)) != "":
			p.Links = append(p.Links, profile.Link{Name: typ, URL: httpURL(string(e.URL))})
		default:
			m.loss.add(path, "%s %q: no place in the model and no URL", typ, val)
		}
	}
}

// affiliations converts the affiliation sections, in the record's order.
func (m *importer) affiliations() {
	a := m.r.Activities
	if a == nil {
		return
	}
	for s, kinds := range affiliationKinds {
		sec := *a.section(orcidSection(s))
		if sec == nil {
			continue
		}
		for gi := range sec.Group {
			g := &sec.Group[gi]
			for k, list := range g.lists() {
				for i, af := range *list {
					path := fmt.Sprintf("activities-summary.%s.affiliation-group[%d].%s-summary[%d]", kinds.section, gi, affiliationKinds[k].item, i)
					m.affiliation(orcidSection(k), af, path)
				}
			}
		}
	}
}

// affiliation converts one affiliation of section s.
func (m *importer) affiliation(s orcidSection, af Affiliation, path string) {
	start, end := m.date(path+".start-date", af.StartDate), m.date(path+".end-date", af.EndDate)
	if !start.IsZero() && !end.IsZero() && start.Earliest().After(end.Latest()) {
		m.loss.add(path+".end-date", "%s is before the start date, %s", end, start)
		end = ""
	}
	title, dept := line(af.RoleTitle), line(af.DepartmentName)
	kind, award := positionKind(s, title, !end.IsZero())
	switch {
	case (s == educations || s == qualifications) && title == "":
		m.loss.add(path, "no role title: the model needs a degree")
		return
	case award && title == "":
		m.loss.add(path, "no role title: the model needs an award's name")
		return
	case af.Organization == nil && !award:
		m.loss.add(path, "no organization: the model needs one")
		return
	}
	var orgID, city string
	if af.Organization != nil {
		var ok bool
		if orgID, city, ok = m.organization(path+".organization", af.Organization); !ok {
			return
		}
	}
	url := httpURL(string(af.URL))
	if url == "" && af.URL != "" {
		m.loss.add(path+".url", "%q: not an http or https URL", af.URL)
	}
	if af.ExternalIDs != nil {
		for j, id := range af.ExternalIDs.ExternalID {
			m.loss.add(fmt.Sprintf("%s.external-ids.external-id[%d]", path, j), "%s %q: the model holds no identifiers of affiliations", id.Type, strings.TrimSpace(id.Value))
		}
	}
	p := m.person
	switch s {
	case educations, qualifications:
		e := profile.Education{Organization: orgID, Department: dept, Degree: title, Start: start, End: end}
		if s == qualifications {
			e.Kind = profile.EducationQualification
		}
		if url != "" {
			m.loss.add(path+".url", "the model holds no URL of a degree")
		}
		if city != "" {
			m.loss.add(path+".organization.address.city", "%q: the model holds no city of a degree", city)
		}
		p.Education = append(p.Education, e)
		return
	}
	if award {
		if dept != "" {
			m.loss.add(path+".department-name", "%q: the model holds no department of an award", dept)
		}
		if city != "" {
			m.loss.add(path+".organization.address.city", "%q: the model holds no city of an award", city)
		}
		p.Awards = append(p.Awards, profile.Award{Name: title, Organization: orgID, Date: start, URL: url})
		return
	}
	p.Positions = append(p.Positions, profile.Position{
		Organization: orgID, Department: dept, Title: title, Kind: kind,
		Start: start, End: end, Current: end.IsZero(), City: city, URL: url,
	})
}

// date converts a fuzzy date, reporting at path what is invalid.
func (m *importer) date(path string, fd *FuzzyDate) profile.Date {
	d, ok := date(fd)
	if !ok {
		m.loss.add(path, "year %q, month %q, day %q: not a valid date; kept %q", fd.Year, fd.Month, fd.Day, d)
	}
	return d
}

// organization returns the id of the organization o, adding it if no
// organization so far has its disambiguated id or, without one, its name
// and address. The organization has the name and address of its first
// affiliation; other names become other names, and city is the
// affiliation's city when it differs from the organization's. It is false
// if o has no name.
func (m *importer) organization(path string, o *Organization) (id, city string, ok bool) {
	name := line(o.Name)
	if name == "" {
		m.loss.add(path, "no name: the model needs one")
		return "", "", false
	}
	addr := profile.Location{City: line(o.Address.City), Region: line(o.Address.Region), Country: country(o.Address.Country)}
	if addr.Country == "" && strings.TrimSpace(o.Address.Country) != "" {
		m.loss.add(path+".address.country", "%q: not an ISO 3166-1 country code", o.Address.Country)
	}
	org := profile.Organization{Name: name, Kind: orgKind(name), Location: addr}
	key := ""
	if d := o.Disambiguated; d != nil && strings.TrimSpace(d.Identifier) != "" {
		src, val := strings.ToUpper(strings.TrimSpace(d.Source)), line(d.Identifier)
		switch {
		case src == sourceROR:
			if ror, err := profile.ParseROR(val); err == nil {
				org.ROR, key = ror, "ROR:"+string(ror)
			} else {
				m.loss.add(path+".disambiguated-organization", "%q: not a ROR ID", val)
			}
		case schemeOf(src) != "":
			org.Identifiers = []profile.OrgIdentifier{{Scheme: schemeOf(src), Value: val}}
			key = src + ":" + val
		default:
			m.loss.add(path+".disambiguated-organization", "%s %q: the model holds ROR, Ringgold, GRID, FundRef and LEI ids only", line(d.Source), val)
		}
	}
	if key == "" {
		key = "name:" + strings.ToLower(name) + "|" + strings.ToLower(addr.City) + "|" + strings.ToLower(addr.Region) + "|" + addr.Country
	}
	if i, seen := m.orgKeys[key]; seen {
		known := &m.d.Organizations[i]
		if name != known.Name && !slices.Contains(known.OtherNames, name) {
			known.OtherNames = append(known.OtherNames, name)
		}
		if addr.City != "" && addr.City != known.Location.City {
			city = addr.City
		}
		return known.ID, city, true
	}
	org.ID = m.taken[dataset.Organizations].mint(slug(name, 6), "organization")
	org.Origin = source.Origin{Path: path, Pos: source.Pos{File: m.r.file}}
	m.orgKeys[key] = len(m.d.Organizations)
	m.d.Organizations = append(m.d.Organizations, org)
	return org.ID, "", true
}

// schemeOf returns the model's scheme for ORCID's disambiguation source, or "".
func schemeOf(source string) string {
	for _, s := range orgSchemes {
		if s.source == source {
			return s.scheme
		}
	}
	return ""
}

// slugRE is package validate's rule for ids.
var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// isSlug reports whether s can be an id.
func isSlug(s string) bool { return len(s) <= 100 && slugRE.MatchString(s) }

// ownerName reports whether a contributor credited as name is the record's
// person: the name is their display name, given and family names, or one
// of their other names.
func (m *importer) ownerName(name string) bool {
	p := m.person
	if p == nil || name == "" {
		return false
	}
	return strings.EqualFold(name, p.Name.Display) ||
		strings.EqualFold(name, strings.TrimSpace(p.Name.Given+" "+p.Name.Family)) ||
		slices.ContainsFunc(p.Name.Other, func(o string) bool { return strings.EqualFold(o, name) })
}
