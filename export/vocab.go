package export

// Namespaces of the vocabularies the mapping uses. (TestVocabConstants
// checks they are those of the mapping.)
//
// Schema.org's JSON-LD context maps its terms into http://schema.org/ (its
// @vocab), even for documents that name the context "https://schema.org",
// so the RDF formats use that namespace too: otherwise JSON-LD and Turtle
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

// DefaultBase is the base IRI used when [Options.Base] is empty. It is a
// placeholder: publishers set their own.
const DefaultBase = "https://example.org/"
