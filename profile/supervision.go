package profile

// A Supervision is a student or postdoc that the profile's person
// supervises or supervised, seen from that person: Role is the person's
// own role, and Others lists the other supervisors. Exactly one of the
// person and Others is the principal supervisor.
type Supervision struct {
	// Student is who is supervised. The zero PersonRef is an unnamed
	// student: profile pages often withhold names, and data must not invent them.
	Student     PersonRef         `yaml:"student,omitempty" json:"student,omitzero"`
	Level       Level             `yaml:"level" json:"level" validate:"required,oneof=phd masters-research masters postdoc research-intern undergraduate"`
	Institution string            `yaml:"institution,omitempty" json:"institution,omitempty"` // id of the Organization where the student is enrolled or employed
	Role        SupervisorRole    `yaml:"role" json:"role" validate:"required,oneof=principal co-supervisor"`
	Others      []Supervisor      `yaml:"others,omitempty" json:"others,omitempty" validate:"dive"`
	Status      SupervisionStatus `yaml:"status" json:"status" validate:"required,oneof=current past"`
	Start       Date              `yaml:"start,omitempty" json:"start,omitempty"`
	End         Date              `yaml:"end,omitempty" json:"end,omitempty"`
	Thesis      string            `yaml:"thesis,omitempty" json:"thesis,omitempty" validate:"omitempty,text"` // thesis title
}

// A Supervisor is another supervisor of the same student, with their role.
type Supervisor struct {
	Person PersonRef      `yaml:"person,omitempty" json:"person,omitzero"` // zero when the source does not name them
	Role   SupervisorRole `yaml:"role" json:"role" validate:"required,oneof=principal co-supervisor"`
}

// Level is the stage of the supervised person's studies or career.
type Level string

// The levels of supervision.
const (
	LevelPhD             Level = "phd"              // doctoral student
	LevelMastersResearch Level = "masters-research" // research master's student (thesis-based)
	LevelMasters         Level = "masters"          // master's student (course-based)
	LevelPostdoc         Level = "postdoc"          // postdoctoral researcher
	LevelResearchIntern  Level = "research-intern"  // research intern
	LevelUndergraduate   Level = "undergraduate"    // undergraduate student
)

// String returns the level as a profile page writes it, such as
// "PhD" or "Master's Research".
func (l Level) String() string {
	switch l {
	case LevelPhD:
		return "PhD"
	case LevelMastersResearch:
		return "Master's Research"
	case LevelMasters:
		return "Master's"
	case LevelPostdoc:
		return "Postdoctorate"
	case LevelResearchIntern:
		return "Research Intern"
	case LevelUndergraduate:
		return "Undergraduate"
	}
	return string(l)
}

// SupervisorRole is a supervisor's part in a supervision.
type SupervisorRole string

// The roles of a supervisor.
const (
	RolePrincipal    SupervisorRole = "principal"     // the principal (main) supervisor
	RoleCoSupervisor SupervisorRole = "co-supervisor" // a co-supervisor
)

// SupervisionStatus says whether a supervision is ongoing.
type SupervisionStatus string

// The statuses of a supervision.
const (
	StatusCurrent SupervisionStatus = "current"
	StatusPast    SupervisionStatus = "past"
)

// A PersonRef names a person in one of three ways: by Ref, the ID of a
// [Person] in the dataset; by Name (with an optional ORCID iD) for someone
// the dataset does not hold; or not at all, for a person the source leaves
// unnamed. The zero value is an unnamed person.
type PersonRef struct {
	Ref   string `yaml:"ref,omitempty" json:"ref,omitempty"`
	Name  string `yaml:"name,omitempty" json:"name,omitempty" validate:"omitempty,text"`
	ORCID ORCID  `yaml:"orcid,omitempty" json:"orcid,omitempty"`
}

// IsZero reports whether r names nobody.
func (r PersonRef) IsZero() bool { return r == PersonRef{} }

// UnmarshalText sets r to the person called text, so that input files may
// write an author or advisor as a plain name instead of a mapping.
func (r *PersonRef) UnmarshalText(text []byte) error {
	*r = PersonRef{Name: string(text)}
	return nil
}
