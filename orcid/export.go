package orcid

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/validate"
)

// Export maps the person of d whose ID is personID to an ORCID API v3.0
// record: their name, other names, biography, researcher-urls (homepage,
// links and profiles such as Google Scholar), e-mails, countries,
// keywords (research topics) and external identifiers (Scopus,
// ResearcherID); their positions as employments (jobs, postdocs),
// invited positions (visits, invited positions), memberships,
// distinctions (chairs, distinctions and awards) and services; their
// education as educations and qualifications; and the publications they
// are an author of (by ref) as works, with the organizations these refer
// to. The record's Works holds the full works, whose summaries the record
// lists in groups of versions, as ORCID groups them.
//
// A person without an ORCID iD gets none: the record has no
// orcid-identifier. Nothing reads the clock: the record's last-modified
// dates are the person's Updated date, and put-codes number the works.
//
// The Loss lists, by model path, what the record cannot carry or carries
// only in another form, such as supervisions (ORCID has no section for
// them), venue details beyond the journal title, or a department
// organization written as department-name. It assumes the full works are
// written too: without them the record loses each work's contributors and
// abstract as well.
//
// Export first checks d with validate.Dataset and returns its error, a
// source.ErrorList, for invalid data; the only other error is that d has
// no person personID.
func Export(d *dataset.Dataset, personID string) (*Record, Loss, error) {
	if err := validate.Dataset(d); err != nil {
		return nil, nil, err
	}
	return ExportValidated(d, personID)
}

// ExportValidated is [Export] for a dataset the caller has checked with
// validate.Dataset already: it skips the check. Given invalid data, it
// may write a record that ORCID refuses.
func ExportValidated(d *dataset.Dataset, personID string) (*Record, Loss, error) {
	return NewExporter(dataset.NewIndex(d)).Export(personID)
}

// An Exporter exports the people of one dataset, which the caller has
// checked with validate.Dataset, as [ExportValidated] does: its index
// makes each record cost what the person holds, so that exporting every
// person of a dataset costs its size, not people × publications. An
// Exporter is safe for concurrent use.
type Exporter struct{ idx *dataset.Index }

// NewExporter returns an Exporter of the dataset x indexes.
func NewExporter(x *dataset.Index) *Exporter { return &Exporter{idx: x} }

// Export is [ExportValidated] for one person of the Exporter's dataset.
func (e *Exporter) Export(personID string) (*Record, Loss, error) {
	d := e.idx.Dataset()
	pi, ok := e.idx.Person(personID)
	if !ok {
		return nil, nil, fmt.Errorf("no person has id %q", personID)
	}
	x := &exporter{d: d, idx: e.idx, pi: pi, p: &d.People[pi], at: fmt.Sprintf("people[%d]", pi), orgDone: make(map[int]bool)}
	r := &Record{Person: x.person()}
	if id := x.p.Identifiers.ORCID; id != "" {
		r.ORCID = &Identifier{URI: id.URL(), Path: string(id), Host: "orcid.org"}
	}
	r.Activities = &ActivitiesSummary{LastModified: r.Person.LastModified}
	x.positions(r.Activities)
	x.education(r.Activities)
	x.awards(r.Activities)
	r.Works = x.works()
	if len(r.Works) > 0 {
		r.Activities.Works = &Works{Group: x.groups(r.Works)}
	}
	for j := range x.p.Supervisions {
		x.loss.add(fmt.Sprintf("%s.supervisions[%d]", x.at, j), "ORCID has no supervision section")
	}
	x.loss.sortByPath()
	return r, x.loss, nil
}

// An exporter maps one person of a dataset.
type exporter struct {
	d       *dataset.Dataset
	idx     *dataset.Index
	pi      int
	p       *profile.Person
	at      string       // the person's path, "people[pi]"
	orgDone map[int]bool // organizations whose losses are reported
	loss    Loss
}

// fit returns s cut to at most n characters, reporting a cut at path, or
// "" if s is blank: ORCID's XSD wants text that is not only white space.
func (x *exporter) fit(path, s string, n int) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	x.loss.add(path, "cut to %d characters, ORCID's limit", n)
	return string([]rune(s)[:n])
}

// date returns d as a fuzzy date, reporting at path a date ORCID cannot hold.
func (x *exporter) date(path string, d profile.Date) *FuzzyDate {
	fd, ok := fuzzyDate(d)
	if !ok {
		x.loss.add(path, "%q: ORCID holds dates from 1900 to 2100 only", d)
	}
	return fd
}

func (x *exporter) person() *Person {
	p, at := x.p, x.at
	out := &Person{Emails: Emails{Email: []Email{}}}
	if !p.Updated.IsZero() {
		if p.Updated.Year() == 0 {
			x.loss.add(at+".updated", "%q: not a valid date", p.Updated)
		} else {
			out.LastModified = &Timestamp{p.Updated.Earliest()}
		}
	}
	out.Name = &Name{
		GivenNames: Value(x.fit(at+".name.given", p.Name.Given, 150)),
		FamilyName: Value(x.fit(at+".name.family", p.Name.Family, 150)),
		CreditName: Value(x.fit(at+".name.display", p.Name.Display, 150)),
	}
	if p.Name.Prefix != "" {
		x.loss.add(at+".name.prefix", "%q: ORCID has no honorific prefix", p.Name.Prefix)
	}
	if p.Name.Suffix != "" {
		x.loss.add(at+".name.suffix", "%q: ORCID has no honorific suffix", p.Name.Suffix)
	}
	if len(p.Name.Other) > 0 {
		out.OtherNames = new(OtherNames)
		for j, n := range p.Name.Other {
			out.OtherNames.OtherName = append(out.OtherNames.OtherName, OtherName{Content: x.fit(fmt.Sprintf("%s.name.other[%d]", at, j), n, 255)})
		}
	}
	if strings.TrimSpace(p.Biography) != "" {
		out.Biography = &Biography{Content: p.Biography}
	}
	out.ResearcherURLs = x.researcherURLs()
	for _, e := range p.Emails {
		out.Emails.Email = append(out.Emails.Email, Email{Email: e})
	}
	if len(p.Countries) > 0 {
		out.Addresses = new(Addresses)
		for _, c := range p.Countries {
			out.Addresses.Address = append(out.Addresses.Address, Address{Country: Value(c)})
		}
	}
	if len(p.Topics) > 0 {
		out.Keywords = new(Keywords)
		for j, t := range p.Topics {
			path := fmt.Sprintf("%s.topics[%d]", at, j)
			out.Keywords.Keyword = append(out.Keywords.Keyword, Keyword{Content: x.fit(path+".label", t.Label, 255)})
			if t.Concept != "" {
				x.loss.add(path+".concept", "%s: an ORCID keyword is text only", t.Concept)
			}
		}
	}
	var ids []ExternalIdentifier
	if v := p.Identifiers.Scopus; v != "" {
		ids = append(ids, ExternalIdentifier{ExternalID: ExternalID{Type: scopusType, Value: v,
			URL: Value("https://www.scopus.com/authid/detail.uri?authorId=" + v), Relationship: Self}})
	}
	if v := p.Identifiers.ResearcherID; v != "" {
		ids = append(ids, ExternalIdentifier{ExternalID: ExternalID{Type: researcherIDType, Value: v,
			URL: Value("https://www.webofscience.com/wos/author/record/" + v), Relationship: Self}})
	}
	if len(ids) > 0 {
		out.ExternalIdentifiers = &ExternalIdentifiers{ExternalIdentifier: ids}
	}
	if p.Image != "" {
		x.loss.add(at+".image", "ORCID has no image")
	}
	return out
}

// researcherURLs returns the homepage, the links and the profile
// identifiers as researcher-urls, reporting links that read back as
// something else.
func (x *exporter) researcherURLs() *ResearcherURLs {
	p, at := x.p, x.at
	var urls []ResearcherURL
	if p.Homepage != "" {
		urls = append(urls, ResearcherURL{Name: homepageNames[0], URL: Value(p.Homepage)})
	}
	homepage := p.Homepage != ""
	for j, l := range p.Links {
		path := fmt.Sprintf("%s.links[%d]", at, j)
		urls = append(urls, ResearcherURL{Name: x.fit(path+".name", l.Name, 350), URL: Value(l.URL)})
		if i, _ := siteID(l.URL); i >= 0 {
			x.loss.add(path, "reads back as the %s identifier", profileSites[i].name)
		} else if !homepage && isHomepageName(l.Name) {
			x.loss.add(path, "named %q, reads back as the homepage", l.Name)
			homepage = true
		}
	}
	for _, s := range profileSites {
		if id := *s.field(&x.p.Identifiers); id != "" {
			urls = append(urls, ResearcherURL{Name: s.name, URL: Value(s.prefix[0] + id)})
		}
	}
	if id := p.Identifiers.Wikidata; id != "" {
		urls = append(urls, ResearcherURL{Name: "Wikidata", URL: Value(id.URL())})
	}
	if len(urls) == 0 {
		return nil
	}
	return &ResearcherURLs{ResearcherURL: urls}
}

// isHomepageName reports whether a researcher-url called name is a homepage.
func isHomepageName(name string) bool {
	return slices.ContainsFunc(homepageNames, func(h string) bool { return strings.EqualFold(h, strings.TrimSpace(name)) })
}

// positions writes the positions in their sections.
func (x *exporter) positions(a *ActivitiesSummary) {
	var sections []orcidSection
	for j, pos := range x.p.Positions {
		path := fmt.Sprintf("%s.positions[%d]", x.at, j)
		s := sectionOf(pos.Kind)
		af, ok := x.affiliation(path, pos.Organization, pos.Department, pos.Title, pos.Start, pos.End, pos.URL)
		if !ok {
			continue
		}
		a.add(s, af)
		sections = append(sections, s)
		kind, award := positionKind(s, pos.Title, !pos.End.IsZero())
		switch {
		case award:
			x.loss.add(path+".kind", "%s without an end date: reads back as an award", pos.Kind)
		case kind != pos.Kind:
			x.loss.add(path+".kind", "%s: ORCID's %s section has no kinds; with the title %q it reads back as %s", pos.Kind, s, pos.Title, kind)
		}
		switch {
		case pos.Current && !pos.End.IsZero():
			x.loss.add(path+".current", "ORCID has no current flag: with an end date (%s) the position reads back as not current", pos.End)
		case !pos.Current && pos.End.IsZero():
			x.loss.add(path+".current", "ORCID has no current flag: without an end date the position reads back as current")
		}
		if pos.PartTime {
			x.loss.add(path+".part_time", "ORCID has no part-time flag")
		}
		if pos.City != "" {
			x.loss.add(path+".city", "%q: an ORCID affiliation has its organization's address only", pos.City)
		}
	}
	if !slices.IsSorted(sections) {
		x.loss.add(x.at+".positions", "ORCID lists affiliations section by section (distinctions, employments, invited positions, memberships, services): their order across sections is not kept")
	}
}

// education writes the degrees and qualifications.
func (x *exporter) education(a *ActivitiesSummary) {
	var sections []orcidSection
	for j, e := range x.p.Education {
		path := fmt.Sprintf("%s.education[%d]", x.at, j)
		s := educations
		if e.Kind == profile.EducationQualification {
			s = qualifications
		}
		af, ok := x.affiliation(path, e.Organization, e.Department, e.Degree, e.Start, e.End, "")
		if !ok {
			continue
		}
		a.add(s, af)
		sections = append(sections, s)
		if e.Field != "" {
			x.loss.add(path+".field", "%q: ORCID has no field of study", e.Field)
		}
		if e.Thesis != "" {
			x.loss.add(path+".thesis", "%q: ORCID has no thesis title", e.Thesis)
		}
		for k := range e.Advisors {
			x.loss.add(fmt.Sprintf("%s.advisors[%d]", path, k), "ORCID has no advisors")
		}
	}
	if !slices.IsSorted(sections) {
		x.loss.add(x.at+".education", "ORCID lists educations before qualifications: their order is not kept")
	}
}

// awards writes the awards as distinctions.
func (x *exporter) awards(a *ActivitiesSummary) {
	for j, aw := range x.p.Awards {
		path := fmt.Sprintf("%s.awards[%d]", x.at, j)
		af := Affiliation{RoleTitle: x.fit(path+".name", aw.Name, 4000), StartDate: x.date(path+".date", aw.Date), URL: Value(aw.URL)}
		if aw.Organization != "" {
			org, dept, ok := x.organization(path+".organization", aw.Organization)
			if !ok {
				continue
			}
			af.Organization, af.DepartmentName = org, dept
		}
		a.add(distinctions, af)
		if _, award := positionKind(distinctions, aw.Name, false); !award {
			x.loss.add(path, "named %q, reads back as a chair position", aw.Name)
		}
	}
}

// affiliation returns an affiliation at organization orgID, reporting at
// path what it cannot carry. It is false if the organization is unknown.
func (x *exporter) affiliation(path, orgID, department, title string, start, end profile.Date, url string) (Affiliation, bool) {
	org, dept, ok := x.organization(path+".organization", orgID)
	if !ok {
		return Affiliation{}, false
	}
	if department != "" {
		if dept != "" {
			x.loss.add(path+".department", "%q: joined to the department organization's name, %q", department, dept)
			dept += ", "
		}
		dept += department
	}
	return Affiliation{
		DepartmentName: x.fit(path+".department", dept, 4000),
		RoleTitle:      x.fit(path+".title", title, 4000),
		StartDate:      x.date(path+".start", start),
		EndDate:        x.date(path+".end", end),
		Organization:   org,
		URL:            Value(url),
	}, true
}

// organization returns the ORCID organization of the organization with id
// orgID, and the names of the departments it is in, innermost first: a
// department is written as its parent's organization with a
// department-name. It is false, reporting at path, if there is no such
// organization.
func (x *exporter) organization(path, orgID string) (*Organization, string, bool) {
	i, ok := x.idx.Organization(orgID)
	if !ok {
		x.loss.add(path, "%q: no organization has this id; the affiliation is left out", orgID)
		return nil, "", false
	}
	var depts []string
	for steps := 0; steps < len(x.d.Organizations); steps++ {
		o := &x.d.Organizations[i]
		parent, hasParent := x.idx.Organization(o.Parent)
		if o.Kind != profile.OrgDepartment || !hasParent {
			break
		}
		x.reportOrg(i)
		depts = append(depts, o.Name)
		i = parent
	}
	x.reportOrg(i)
	o := &x.d.Organizations[i]
	at := fmt.Sprintf("organizations[%d]", i)
	out := &Organization{
		Name: x.fit(at+".name", o.Name, 4000),
		Address: OrganizationAddress{
			City:    x.fit(at+".location.city", o.Location.City, 4000),
			Region:  x.fit(at+".location.region", o.Location.Region, 4000),
			Country: o.Location.Country,
		},
	}
	if out.Name == "" {
		out.Name = o.ID // the XSD requires a name
	}
	if o.ROR != "" {
		out.Disambiguated = &DisambiguatedOrganization{Identifier: o.ROR.URL(), Source: sourceROR}
	} else if id, ok := preferredID(o); ok {
		out.Disambiguated = &DisambiguatedOrganization{Identifier: id.Value, Source: orgSource(id.Scheme)}
	}
	return out, strings.Join(depts, ", "), true
}

// preferredID returns the identifier of o that Export writes when o has no
// ROR ID: the first in the order of orgSchemes.
func preferredID(o *profile.Organization) (profile.OrgIdentifier, bool) {
	for _, s := range orgSchemes {
		for _, id := range o.Identifiers {
			if id.Scheme == s.scheme {
				return id, true
			}
		}
	}
	return profile.OrgIdentifier{}, false
}

// orgSource returns ORCID's disambiguation source for a model scheme.
func orgSource(scheme string) string {
	for _, s := range orgSchemes {
		if s.scheme == scheme {
			return s.source
		}
	}
	return strings.ToUpper(scheme)
}

// reportOrg reports, once, what ORCID cannot carry of organization i.
func (x *exporter) reportOrg(i int) {
	if x.orgDone[i] {
		return
	}
	x.orgDone[i] = true
	o := &x.d.Organizations[i]
	at := fmt.Sprintf("organizations[%d]", i)
	if _, hasParent := x.idx.Organization(o.Parent); o.Kind == profile.OrgDepartment && hasParent {
		x.loss.add(at, "department %q is written as the department-name of its parent's affiliations: its id, other names, identifiers and location are not kept", o.Name)
		return
	}
	if k := orgKind(o.Name); k != o.Kind {
		x.loss.add(at+".kind", "%s: ORCID has no kinds of organization; with its name it reads back as %s", o.Kind, k)
	}
	for j, n := range o.OtherNames {
		x.loss.add(fmt.Sprintf("%s.other_names[%d]", at, j), "%q: ORCID holds one name per organization", n)
	}
	written, hasWritten := preferredID(o)
	for j, id := range o.Identifiers {
		if o.ROR != "" || !hasWritten || id != written {
			x.loss.add(fmt.Sprintf("%s.identifiers[%d]", at, j), "%s %s: ORCID holds one identifier per organization", id.Scheme, id.Value)
		}
	}
	if o.Wikidata != "" {
		x.loss.add(at+".wikidata", "%s: ORCID has no Wikidata id for organizations", o.Wikidata)
	}
	if o.URL != "" {
		x.loss.add(at+".url", "ORCID has no organization URL")
	}
	if o.Parent != "" {
		x.loss.add(at+".parent", "%q: ORCID has no organization hierarchy", o.Parent)
	}
}
