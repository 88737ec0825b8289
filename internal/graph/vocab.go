package graph

// Namespaces of the vocabularies the mapping uses.
//
// Schema.org's JSON-LD context maps its terms into http://schema.org/ (its
// @vocab), even for documents that name the context "https://schema.org",
// so the RDF writers use that namespace too: otherwise JSON-LD and Turtle
// would describe different graphs.
const (
	SchemaNS = "http://schema.org/"
	VIVONS   = "http://vivoweb.org/ontology/core#"
	OBONS    = "http://purl.obolibrary.org/obo/"
	RDFNS    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFSNS   = "http://www.w3.org/2000/01/rdf-schema#"
	XSDNS    = "http://www.w3.org/2001/XMLSchema#"

	// ScholarNS is scholarld's own namespace, for the few terms that
	// neither schema.org nor VIVO has. See [CoAdvisorRole].
	ScholarNS = "https://scholarld.github.io/ns#"
)

// Terms of scholarld's own namespace.
const (
	// CoAdvisorRole is the class of the role of a co-supervisor: a
	// vivo:AdvisorRole held by someone who is not the principal
	// supervisor. VIVO-ISF has no such class; a principal supervisor's role
	// is a plain vivo:AdvisorRole.
	CoAdvisorRole = ScholarNS + "CoAdvisorRole"
	// AdvisingLevel relates a vivo:AdvisingRelationship to the stage of the
	// advisee, one of the levels of profile.Level ("phd", "postdoc", …).
	AdvisingLevel = ScholarNS + "level"
	// AdvisingStatus relates a vivo:AdvisingRelationship to "current" or "past".
	AdvisingStatus = ScholarNS + "status"
	// ThesisTitle relates a vivo:AdvisingRelationship to the title of the
	// advisee's thesis.
	ThesisTitle = ScholarNS + "thesisTitle"
	// AdviseeInstitution relates a vivo:AdvisingRelationship to the
	// organization where the advisee is enrolled or employed: stated on
	// the relationship, since an advisee the source leaves unnamed has no
	// node of their own.
	AdviseeInstitution = ScholarNS + "adviseeInstitution"
)

const (
	rdfType   = RDFNS + "type"
	rdfFirst  = RDFNS + "first"
	rdfRest   = RDFNS + "rest"
	rdfNil    = RDFNS + "nil"
	rdfsLabel = RDFSNS + "label"

	schemaDate = SchemaNS + "Date"

	// obo:RO_0000052 "inheres in" links a role to its bearer.
	inheresIn = OBONS + "RO_0000052"
)

// A prefix is a namespace with its short name, for Turtle and JSON-LD.
type prefix struct{ name, ns string }

// prefixes are the namespaces the writers abbreviate, in the order Turtle
// declares them. The schema.org context defines schema, rdf, rdfs and xsd
// itself; JSON-LD documents add the others.
var prefixes = []prefix{
	{"schema", SchemaNS},
	{"rdf", RDFNS},
	{"rdfs", RDFSNS},
	{"xsd", XSDNS},
	{"vivo", VIVONS},
	{"obo", OBONS},
	{"sld", ScholarNS},
}

// coercion is how the schema.org JSON-LD context types a term's values.
type coercion uint8

const (
	plain    coercion = iota // no type: strings are plain literals
	asID                     // "@type": "@id": strings are IRIs
	asDate                   // "@type": "Date": strings are schema:Date literals
	asIDList                 // our "author": an @list of nodes
)

// coercions are the schema.org context's type coercions for the properties
// the mapping uses; every other schema.org property the mapping emits has
// none. A test checks this table against the context itself.
var coercions = map[string]coercion{
	"image":            asID,
	"url":              asID,
	"sameAs":           asID,
	"isPartOf":         asID,
	"mainEntityOfPage": asID,
	"startDate":        asDate,
	"endDate":          asDate,
	"datePublished":    asDate,
	"dateModified":     asDate,
	"dateCreated":      asDate,
	"author":           asIDList,
}

// Schema.org terms the mapping uses, as constants so that naming one costs
// nothing at run time.
const (
	classBook                              = SchemaNS + "Book"
	classChapter                           = SchemaNS + "Chapter"
	classCollegeOrUniversity               = SchemaNS + "CollegeOrUniversity"
	classCorporation                       = SchemaNS + "Corporation"
	classCreativeWork                      = SchemaNS + "CreativeWork"
	classDataset                           = SchemaNS + "Dataset"
	classDefinedTerm                       = SchemaNS + "DefinedTerm"
	classEducationalOccupationalCredential = SchemaNS + "EducationalOccupationalCredential"
	classEmployeeRole                      = SchemaNS + "EmployeeRole"
	classOrganization                      = SchemaNS + "Organization"
	classOrganizationRole                  = SchemaNS + "OrganizationRole"
	classPeriodical                        = SchemaNS + "Periodical"
	classPublicationEvent                  = SchemaNS + "PublicationEvent"
	classPerson                            = SchemaNS + "Person"
	classPostalAddress                     = SchemaNS + "PostalAddress"
	classProfilePage                       = SchemaNS + "ProfilePage"
	classPropertyValue                     = SchemaNS + "PropertyValue"
	classPublicationIssue                  = SchemaNS + "PublicationIssue"
	classPublicationVolume                 = SchemaNS + "PublicationVolume"
	classReport                            = SchemaNS + "Report"
	classResearchOrganization              = SchemaNS + "ResearchOrganization"
	classScholarlyArticle                  = SchemaNS + "ScholarlyArticle"
	classSoftwareSourceCode                = SchemaNS + "SoftwareSourceCode"
	classThesis                            = SchemaNS + "Thesis"
	propAbout                              = SchemaNS + "about"
	propAbstract                           = SchemaNS + "abstract"
	propAddress                            = SchemaNS + "address"
	propAddressCountry                     = SchemaNS + "addressCountry"
	propAddressLocality                    = SchemaNS + "addressLocality"
	propAddressRegion                      = SchemaNS + "addressRegion"
	propAffiliation                        = SchemaNS + "affiliation"
	propAlternateName                      = SchemaNS + "alternateName"
	propAlternativeHeadline                = SchemaNS + "alternativeHeadline"
	propAlumniOf                           = SchemaNS + "alumniOf"
	propAuthor                             = SchemaNS + "author"
	propAward                              = SchemaNS + "award"
	propDateCreated                        = SchemaNS + "dateCreated"
	propDateModified                       = SchemaNS + "dateModified"
	propDatePublished                      = SchemaNS + "datePublished"
	propDescription                        = SchemaNS + "description"
	propEmail                              = SchemaNS + "email"
	propEndDate                            = SchemaNS + "endDate"
	propExampleOfWork                      = SchemaNS + "exampleOfWork"
	propFamilyName                         = SchemaNS + "familyName"
	propGivenName                          = SchemaNS + "givenName"
	propHasCredential                      = SchemaNS + "hasCredential"
	propHeadline                           = SchemaNS + "headline"
	propHonorificPrefix                    = SchemaNS + "honorificPrefix"
	propHonorificSuffix                    = SchemaNS + "honorificSuffix"
	propIdentifier                         = SchemaNS + "identifier"
	propImage                              = SchemaNS + "image"
	propIsPartOf                           = SchemaNS + "isPartOf"
	propIsbn                               = SchemaNS + "isbn"
	propIssn                               = SchemaNS + "issn"
	propIssueNumber                        = SchemaNS + "issueNumber"
	propJobTitle                           = SchemaNS + "jobTitle"
	propKeywords                           = SchemaNS + "keywords"
	propKnowsAbout                         = SchemaNS + "knowsAbout"
	propMainEntity                         = SchemaNS + "mainEntity"
	propMainEntityOfPage                   = SchemaNS + "mainEntityOfPage"
	propMemberOf                           = SchemaNS + "memberOf"
	propName                               = SchemaNS + "name"
	propPagination                         = SchemaNS + "pagination"
	propParentOrganization                 = SchemaNS + "parentOrganization"
	propPropertyID                         = SchemaNS + "propertyID"
	propPublication                        = SchemaNS + "publication"
	propPublisher                          = SchemaNS + "publisher"
	propRecognizedBy                       = SchemaNS + "recognizedBy"
	propRoleName                           = SchemaNS + "roleName"
	propSameAs                             = SchemaNS + "sameAs"
	propStartDate                          = SchemaNS + "startDate"
	propUrl                                = SchemaNS + "url"
	propValue                              = SchemaNS + "value"
	propVolumeNumber                       = SchemaNS + "volumeNumber"
	propWorkExample                        = SchemaNS + "workExample"
	propWorksFor                           = SchemaNS + "worksFor"
)
