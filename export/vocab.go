package export

import "github.com/scholarld/scholarld/internal/graph"

// Namespaces of the vocabularies the mapping uses.
//
// Schema.org's JSON-LD context maps its terms into http://schema.org/ (its
// @vocab), even for documents that name the context "https://schema.org",
// so the RDF formats use that namespace too: otherwise JSON-LD and Turtle
// would describe different graphs.
const (
	SchemaNS = graph.SchemaNS
	VIVONS   = graph.VIVONS
	OBONS    = graph.OBONS
	RDFNS    = graph.RDFNS
	RDFSNS   = graph.RDFSNS
	XSDNS    = graph.XSDNS

	// ScholarNS is scholarld's own namespace, for the few terms that
	// neither schema.org nor VIVO has. See [CoAdvisorRole].
	ScholarNS = graph.ScholarNS
)

// Terms of scholarld's own namespace.
const (
	// CoAdvisorRole is the class of the role of a co-supervisor: a
	// vivo:AdvisorRole held by someone who is not the principal
	// supervisor. VIVO-ISF has no such class; a principal supervisor's role
	// is a plain vivo:AdvisorRole.
	CoAdvisorRole = graph.CoAdvisorRole
	// AdvisingLevel relates a vivo:AdvisingRelationship to the stage of the
	// advisee, one of the levels of profile.Level ("phd", "postdoc", …).
	AdvisingLevel = graph.AdvisingLevel
	// AdvisingStatus relates a vivo:AdvisingRelationship to "current" or "past".
	AdvisingStatus = graph.AdvisingStatus
	// ThesisTitle relates a vivo:AdvisingRelationship to the title of the
	// advisee's thesis.
	ThesisTitle = graph.ThesisTitle
)

// DefaultBase is the base IRI used when [Options.Base] is empty. It is a
// placeholder: publishers set their own.
const DefaultBase = graph.DefaultBase
