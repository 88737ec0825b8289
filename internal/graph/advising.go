package graph

import (
	"fmt"

	"github.com/scholarld/scholarld/profile"
)

// A participant is a person in an advising relationship, with the classes
// of their role.
type participant struct {
	person profile.PersonRef
	self   Term     // set instead of person for the profile's own person
	roles  []string // vivo:AdvisorRole, vivo:AdviseeRole, CoAdvisorRole
	org    string   // an advisee's institution, if known
}

// supervision maps a student supervised by the person self to a VIVO-ISF
// advising relationship between self, the student and any other
// supervisors, each through a role. A co-supervisor's role is also a
// CoAdvisorRole; the principal's is a plain vivo:AdvisorRole.
func (m *Mapper) supervision(rec *Record, self Term, s profile.Supervision) Term {
	parts := []participant{{self: self, roles: advisorRoles(s.Role)}}
	for _, o := range s.Others {
		parts = append(parts, participant{person: o.Person, roles: advisorRoles(o.Role)})
	}
	parts = append(parts, participant{person: s.Student, roles: []string{VIVONS + "AdviseeRole"}, org: s.Institution})

	rel := m.node(advisingClass(s.Level))
	rel.Add(rdfsLabel, Literal(s.Level.String()))
	rel.Add(AdvisingLevel, Literal(string(s.Level)))
	rel.Add(AdvisingStatus, Literal(string(s.Status)))
	rel.Add(ThesisTitle, Literal(s.Thesis))
	if s.Institution != "" {
		rel.Add(AdviseeInstitution, m.org(s.Institution))
	}
	rel.Add(VIVONS+"dateTimeInterval", m.interval(s.Start, s.End))
	m.relate(rec, rel, parts)
	return Embed(rel)
}

// educationAdvising maps the advisors of a degree to an advising
// relationship in which the profile's person self is the advisee.
func (m *Mapper) educationAdvising(rec *Record, self Term, e profile.Education) Term {
	var parts []participant
	for _, a := range e.Advisors {
		parts = append(parts, participant{person: a, roles: []string{VIVONS + "AdvisorRole"}})
	}
	parts = append(parts, participant{self: self, roles: []string{VIVONS + "AdviseeRole"}})
	rel := m.node(VIVONS + "GraduateAdvisingRelationship")
	rel.Add(rdfsLabel, Literal(e.Degree))
	rel.Add(ThesisTitle, Literal(e.Thesis))
	rel.Add(VIVONS+"dateTimeInterval", m.interval(e.Start, e.End))
	m.relate(rec, rel, parts)
	return Embed(rel)
}

// relate links the relationship rel to each participant and their role.
// A person outside the dataset becomes a labelled blank node of the record,
// since both the relationship and the role refer to it. A person the
// source leaves unnamed has no node: the relationship relates their role,
// which no node bears (a nameless schema:Person would say nothing more,
// and search engines refuse it); the advisee's institution is on the
// relationship (AdviseeInstitution).
func (m *Mapper) relate(rec *Record, rel *Node, parts []participant) {
	for _, p := range parts {
		who := p.self
		if who.Kind == 0 && p.person.Ref == "" && p.person.Name == "" {
			rel.Add(VIVONS+"relates", Embed(m.node(p.roles...)))
			continue
		}
		if who.Kind == 0 {
			if p.person.Ref != "" {
				who = IRI(m.PersonIRI(p.person.Ref))
			} else {
				rec.blanks++
				who = Blank(fmt.Sprintf("%s-%d", rec.label, rec.blanks))
				n := m.nodeID(who, classPerson)
				n.Add(propName, Literal(p.person.Name))
				if p.person.ORCID != "" {
					n.Add(propSameAs, IRI(p.person.ORCID.URL()))
				}
				if p.org != "" {
					n.Add(propAffiliation, m.org(p.org))
				}
				rec.Nodes = append(rec.Nodes, n)
			}
		}
		role := m.node(p.roles...)
		role.Add(inheresIn, who)
		rel.Add(VIVONS+"relates", who, Embed(role))
	}
}

func advisorRoles(r profile.SupervisorRole) []string {
	if r == profile.RoleCoSupervisor {
		return []string{VIVONS + "AdvisorRole", CoAdvisorRole}
	}
	return []string{VIVONS + "AdvisorRole"}
}

// advisingClass returns the VIVO-ISF class of an advising relationship.
func advisingClass(l profile.Level) string {
	switch l {
	case profile.LevelPhD, profile.LevelMasters, profile.LevelMastersResearch:
		return VIVONS + "GraduateAdvisingRelationship"
	case profile.LevelPostdoc:
		return VIVONS + "PostdocOrFellowAdvisingRelationship"
	case profile.LevelUndergraduate:
		return VIVONS + "UndergraduateAdvisingRelationship"
	}
	return VIVONS + "AdvisingRelationship"
}

// interval returns a vivo:DateTimeInterval for a period, or the zero Term
// when neither end is known.
func (m *Mapper) interval(start, end profile.Date) Term {
	if start == "" && end == "" {
		return Term{}
	}
	n := m.node(VIVONS + "DateTimeInterval")
	n.Add(VIVONS+"start", m.dateTimeValue(start))
	n.Add(VIVONS+"end", m.dateTimeValue(end))
	return Embed(n)
}

// dateTimeValue returns a vivo:DateTimeValue for a partial date, with the
// precision VIVO uses for it.
func (m *Mapper) dateTimeValue(d profile.Date) Term {
	if d == "" {
		return Term{}
	}
	precision := VIVONS + "yearPrecision"
	switch {
	case d.Day() != 0:
		precision = VIVONS + "yearMonthDayPrecision"
	case d.Month() != 0:
		precision = VIVONS + "yearMonthPrecision"
	}
	n := m.node(VIVONS + "DateTimeValue")
	n.Add(VIVONS+"dateTime", TypedLiteral(d.Earliest().Format("2006-01-02T15:04:05"), XSDNS+"dateTime"))
	n.Add(VIVONS+"dateTimePrecision", IRI(precision))
	return Embed(n)
}
