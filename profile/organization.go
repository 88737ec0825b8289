package profile

import "github.com/scholarld/scholarld/source"

// An Organization is a university, institute, company, funder or one of
// their departments. Positions, education, supervisions and awards refer to
// it by ID.
type Organization struct {
	ID         string   `yaml:"id" json:"id" validate:"required,slug"`
	Name       string   `yaml:"name" json:"name" validate:"required,text"`
	OtherNames []string `yaml:"other_names,omitempty" json:"other_names,omitempty" validate:"dive,required,text"` // acronyms, names in other languages
	Kind       OrgKind  `yaml:"kind" json:"kind" validate:"required,oneof=university institute company funder department other"`
	ROR        ROR      `yaml:"ror,omitempty" json:"ror,omitempty"`
	// Identifiers are the organization's ids in registries other than ROR
	// and Wikidata, as ORCID records carry them.
	Identifiers []OrgIdentifier `yaml:"identifiers,omitempty" json:"identifiers,omitempty" validate:"dive"`
	Wikidata    Wikidata        `yaml:"wikidata,omitempty" json:"wikidata,omitempty"`
	URL         string          `yaml:"url,omitempty" json:"url,omitempty" validate:"omitempty,httpurl"`
	// Parent is the id of the organization this one is part of: the
	// university of a department, the company of a lab.
	Parent   string   `yaml:"parent,omitempty" json:"parent,omitempty"`
	Location Location `yaml:"location,omitempty" json:"location,omitzero"`

	// Origin is where the organization was read from; the loader sets it.
	Origin source.Origin `yaml:"-" json:"-" validate:"-"`
}

// OrgKind says what sort of organization an Organization is.
type OrgKind string

// The kinds of organization.
const (
	OrgUniversity OrgKind = "university" // a university or college
	OrgInstitute  OrgKind = "institute"  // a research institute
	OrgCompany    OrgKind = "company"    // a company or its research lab
	OrgFunder     OrgKind = "funder"     // a funding agency or foundation
	OrgDepartment OrgKind = "department" // a department, school or faculty; has a Parent
	OrgOther      OrgKind = "other"      // anything else
)

// A Location is where an organization is.
type Location struct {
	City    string `yaml:"city,omitempty" json:"city,omitempty" validate:"omitempty,text"`
	Region  string `yaml:"region,omitempty" json:"region,omitempty" validate:"omitempty,text"`               // state or province, such as "Quebec"
	Country string `yaml:"country,omitempty" json:"country,omitempty" validate:"omitempty,iso3166_1_alpha2"` // ISO 3166-1 alpha-2 code, such as "CA"
}

// An OrgIdentifier is an organization's id in a registry: Ringgold, GRID,
// Crossref Funder Registry (fundref) or LEI.
type OrgIdentifier struct {
	Scheme string `yaml:"scheme" json:"scheme" validate:"required,oneof=ringgold grid fundref lei"`
	Value  string `yaml:"value" json:"value" validate:"required,text"`
}
