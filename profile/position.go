package profile

import "time"

// A Position is a person's affiliation with an organization for a period:
// a job, a membership, a chair, a visit.
type Position struct {
	// Organization is the id of the Organization, which may be a department
	// whose parent is the university.
	Organization string       `yaml:"organization" json:"organization" validate:"required"`
	Department   string       `yaml:"department,omitempty" json:"department,omitempty" validate:"omitempty,text"` // a unit not modelled as an Organization
	Title        string       `yaml:"title,omitempty" json:"title,omitempty" validate:"omitempty,text"`           // such as "Associate Professor"
	Kind         PositionKind `yaml:"kind" json:"kind" validate:"required,oneof=employment postdoc visiting membership chair distinction invited service"`
	Start        Date         `yaml:"start,omitempty" json:"start,omitempty"`
	End          Date         `yaml:"end,omitempty" json:"end,omitempty"`
	Current      bool         `yaml:"current,omitempty" json:"current,omitempty"` // held now; End may still be set to a planned end
	PartTime     bool         `yaml:"part_time,omitempty" json:"part_time,omitempty"`
	City         string       `yaml:"city,omitempty" json:"city,omitempty" validate:"omitempty,text"` // where the position is held, when not at the organization's seat
	URL          string       `yaml:"url,omitempty" json:"url,omitempty" validate:"omitempty,httpurl"`
}

// PositionKind says what sort of affiliation a Position is. It decides the
// ORCID section (employment, membership, distinction, invited position,
// service) and the schema.org property (worksFor, memberOf, award).
type PositionKind string

// The kinds of position.
const (
	PositionEmployment  PositionKind = "employment"  // a job: professor, scientist, engineer
	PositionPostdoc     PositionKind = "postdoc"     // a postdoctoral appointment
	PositionVisiting    PositionKind = "visiting"    // a visiting appointment
	PositionMembership  PositionKind = "membership"  // a membership, such as "Core Academic Member" of an institute
	PositionChair       PositionKind = "chair"       // a named or research chair held for a period
	PositionDistinction PositionKind = "distinction" // a distinction held for a period, such as a fellowship
	PositionInvited     PositionKind = "invited"     // an invited position
	PositionService     PositionKind = "service"     // service to an organization, such as an editorial board
)

// Active reports whether the position is held on day t: it is marked
// current, or t falls between its start and end (an open end counts as
// ongoing only if the position is current).
func (p Position) Active(t time.Time) bool {
	if !p.Start.IsZero() && t.Before(p.Start.Earliest()) {
		return false
	}
	if !p.End.IsZero() {
		return t.Before(p.End.Latest().AddDate(0, 0, 1)) // through the whole last day
	}
	return p.Current
}

// Education is a degree or diploma studied for, or, when Kind is
// [EducationQualification], another qualification earned (a licence, a
// certification, a professional examination).
type Education struct {
	Kind         EducationKind `yaml:"kind,omitempty" json:"kind,omitempty" validate:"omitempty,oneof=degree qualification"` // empty means degree
	Organization string        `yaml:"organization" json:"organization" validate:"required"`                                 // id of the Organization
	Department   string        `yaml:"department,omitempty" json:"department,omitempty" validate:"omitempty,text"`
	Degree       string        `yaml:"degree" json:"degree" validate:"required,text"` // such as "PhD"
	Field        string        `yaml:"field,omitempty" json:"field,omitempty" validate:"omitempty,text"`
	Start        Date          `yaml:"start,omitempty" json:"start,omitempty"`
	End          Date          `yaml:"end,omitempty" json:"end,omitempty"` // when the degree was awarded
	Thesis       string        `yaml:"thesis,omitempty" json:"thesis,omitempty" validate:"omitempty,text"`
	Advisors     []PersonRef   `yaml:"advisors,omitempty" json:"advisors,omitempty" validate:"dive"`
}

// EducationKind says whether an Education is a degree or another qualification.
type EducationKind string

// The kinds of education.
const (
	EducationDegree        EducationKind = "degree"
	EducationQualification EducationKind = "qualification"
)
