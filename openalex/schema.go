package openalex

// The members of OpenAlex's records that the importer reads, as OpenAlex
// documents them (https://docs.openalex.org/api-entities/works/work-object
// and .../authors/author-object). A record is a work or an author by its
// id, which need not come first, so one struct holds the members of both.
// Members not declared here are read by name in [record.field] or left
// out as [ignoredWork] and [ignoredAuthor] say; any other member is a
// warning.

// record is one OpenAlex work or author as read.
type record struct {
	start int64 // the offset of the record

	ID          string    `json:"id"`
	DisplayName string    `json:"display_name"`
	IDs         recordIDs `json:"ids"`

	// A work's.
	DOI                string        `json:"doi"`
	Title              string        `json:"title"`
	PublicationYear    int           `json:"publication_year"`
	PublicationDate    string        `json:"publication_date"`
	Type               string        `json:"type"`
	TypeCrossref       string        `json:"type_crossref"`
	Authorships        []authorship  `json:"-"` // decoded one by one, for their offsets
	authorshipOffs     []int64       // the offset of each authorship
	IsAuthorsTruncated bool          `json:"is_authors_truncated"`
	Abstract           string        `json:"-"` // rebuilt from abstract_inverted_index
	PrimaryLocation    *location     `json:"primary_location"`
	BestOALocation     *location     `json:"best_oa_location"`
	Locations          []version     `json:"-"`
	locationOffs       []int64       // the offset of each location
	HostVenue          *legacyVenue  `json:"host_venue"` // primary_location's forerunner, before 2023
	Biblio             workBiblio    `json:"biblio"`
	Keywords           []keyword     `json:"keywords"`
	IsRetracted        bool          `json:"is_retracted"`
	Grants             []grant       `json:"grants"`
	MeSH               []meshHeading `json:"mesh"`

	// An author's.
	ORCID                 string        `json:"orcid"`
	NameAlternatives      []string      `json:"display_name_alternatives"`
	Affiliations          []affiliation `json:"affiliations"`
	LastKnownInstitutions []institution `json:"last_known_institutions"`
	LastKnownInstitution  *institution  `json:"last_known_institution"` // last_known_institutions' forerunner, before 2023
}

// field returns a pointer to the field that the member called name is
// decoded into, and the kinds of record that have the member; nil for a
// member the importer does not read. (authorships, locations and
// abstract_inverted_index are read apart, by [decoder.member].)
func (r *record) field(name string) (any, kindMask) {
	switch name {
	case "id":
		return &r.ID, bothKinds
	case "display_name":
		return &r.DisplayName, bothKinds
	case "ids":
		return &r.IDs, bothKinds
	case "doi":
		return &r.DOI, workKind
	case "title":
		return &r.Title, workKind
	case "publication_year":
		return &r.PublicationYear, workKind
	case "publication_date":
		return &r.PublicationDate, workKind
	case "type":
		return &r.Type, workKind
	case "type_crossref":
		return &r.TypeCrossref, workKind
	case "is_authors_truncated":
		return &r.IsAuthorsTruncated, workKind
	case "primary_location":
		return &r.PrimaryLocation, workKind
	case "best_oa_location":
		return &r.BestOALocation, workKind
	case "host_venue":
		return &r.HostVenue, workKind
	case "biblio":
		return &r.Biblio, workKind
	case "keywords":
		return &r.Keywords, workKind
	case "is_retracted":
		return &r.IsRetracted, workKind
	case "grants":
		return &r.Grants, workKind
	case "mesh":
		return &r.MeSH, workKind
	case "orcid":
		return &r.ORCID, authorKind
	case "display_name_alternatives":
		return &r.NameAlternatives, authorKind
	case "affiliations":
		return &r.Affiliations, authorKind
	case "last_known_institutions":
		return &r.LastKnownInstitutions, authorKind
	case "last_known_institution":
		return &r.LastKnownInstitution, authorKind
	}
	return nil, 0
}

// ignored returns the kinds of record of which the member called name is
// left out without a warning, or 0: see [ignoredWork] and [ignoredAuthor].
func ignored(name string) kindMask { return ignoredKinds[name] }

// ignoredKinds are [ignoredWork] and [ignoredAuthor] in one table, to
// look a name up once.
var ignoredKinds = func() map[string]kindMask {
	m := make(map[string]kindMask)
	for name := range ignoredWork {
		m[name] |= workKind
	}
	for name := range ignoredAuthor {
		m[name] |= authorKind
	}
	return m
}()

// ignoredWork are the members of a work that the importer leaves out
// without a warning: OpenAlex's bookkeeping (counts, dates of its own
// records, links to its API), what it computes rather than the work
// states (citation metrics, topics and concepts it assigns, the language
// it detects, open-access status, which the locations give), and links to
// other OpenAlex records by id (references, related works), which the
// model holds only between records of a dataset. What a work states and
// the model cannot hold (a PDF, grants, MeSH headings, a retraction,
// other versions) is a warning instead.
var ignoredWork = map[string]bool{
	"cited_by_count": true, "counts_by_year": true, "cited_by_api_url": true,
	"updated_date": true, "created_date": true,
	"referenced_works": true, "referenced_works_count": true, "related_works": true,
	"locations_count": true, "countries_distinct_count": true, "institutions_distinct_count": true,
	"corresponding_author_ids": true, "corresponding_institution_ids": true, "institution_assertions": true,
	"fwci": true, "citation_normalized_percentile": true, "cited_by_percentile_year": true,
	"has_fulltext": true, "fulltext_origin": true, "is_paratext": true, "indexed_in": true,
	"language": true, "open_access": true, "apc_list": true, "apc_paid": true,
	"primary_topic": true, "topics": true, "concepts": true, "sustainable_development_goals": true,
	"datasets": true, "versions": true,
	"abstract_inverted_index_v3": true, "ngrams_url": true, "relevance_score": true,
	"alternate_host_venues": true, // the locations' forerunner; locations say the same
}

// ignoredAuthor are the members of an author that the importer leaves out
// without a warning: OpenAlex's bookkeeping and what it computes from the
// author's works (counts, metrics, topics and concepts).
var ignoredAuthor = map[string]bool{
	"works_count": true, "cited_by_count": true, "summary_stats": true, "counts_by_year": true,
	"works_api_url": true, "updated_date": true, "created_date": true,
	"x_concepts": true, "topics": true, "topic_share": true, "relevance_score": true,
}

// recordIDs are the ids of a work or an author, as URLs.
type recordIDs struct {
	DOI       string `json:"doi"`
	PMID      string `json:"pmid"`
	PMCID     string `json:"pmcid"`
	ORCID     string `json:"orcid"`
	Scopus    string `json:"scopus"`
	Twitter   string `json:"twitter"`
	Wikipedia string `json:"wikipedia"`
}

// An authorship is an author of a work, in the byline's order.
type authorship struct {
	AuthorPosition  string        `json:"author_position"` // "first", "middle" or "last"
	Author          dehydrated    `json:"author"`
	RawAuthorName   string        `json:"raw_author_name"`
	Institutions    []institution `json:"institutions"`
	IsCorresponding bool          `json:"is_corresponding"`
}

// A dehydrated author is the author of an authorship.
type dehydrated struct {
	ID          string `json:"id"`
	DisplayName string `json:"display_name"`
	ORCID       string `json:"orcid"`
}

// An institution is an OpenAlex institution as other records name it.
type institution struct {
	ID          string `json:"id"`
	DisplayName string `json:"display_name"`
	ROR         string `json:"ror"`
	CountryCode string `json:"country_code"`
	Type        string `json:"type"`
}

// An affiliation is an institution an author's works name, with the years
// they do.
type affiliation struct {
	Institution institution `json:"institution"`
	Years       []int       `json:"years"`
}

// A location is where a work is: its publisher's page, a repository's.
type location struct {
	LandingPageURL string       `json:"landing_page_url"`
	PDFURL         string       `json:"pdf_url"`
	Source         *venueSource `json:"source"`
	License        string       `json:"license"`
	Version        string       `json:"version"` // "publishedVersion", "acceptedVersion" or "submittedVersion"
}

// A version is a location among a work's locations: of these the importer
// reads what says which version of the work is there, and where.
type version struct {
	LandingPageURL string `json:"landing_page_url"`
	Version        string `json:"version"`
}

// A venueSource is the journal, conference or repository of a location.
type venueSource struct {
	DisplayName          string `json:"display_name"`
	ISSNL                string `json:"issn_l"`
	Type                 string `json:"type"` // "journal", "repository", "conference", "ebook platform", "book series", …
	HostOrganizationName string `json:"host_organization_name"`
}

// A legacyVenue is a work's host_venue, which primary_location replaced.
type legacyVenue struct {
	DisplayName string `json:"display_name"`
	ISSNL       string `json:"issn_l"`
	Type        string `json:"type"`
	URL         string `json:"url"`
	Publisher   string `json:"publisher"`
}

// workBiblio is where in its venue a work is.
type workBiblio struct {
	Volume    string `json:"volume"`
	Issue     string `json:"issue"`
	FirstPage string `json:"first_page"`
	LastPage  string `json:"last_page"`
}

// A keyword is a work's keyword: display_name now, keyword before 2024.
type keyword struct {
	DisplayName string `json:"display_name"`
	Keyword     string `json:"keyword"`
}

// A grant is a work's funding.
type grant struct {
	Funder      string `json:"funder_display_name"`
	AwardID     string `json:"award_id"`
	FunderIDURL string `json:"funder"`
}

// A meshHeading is a MeSH heading PubMed gave a work.
type meshHeading struct {
	DescriptorName string `json:"descriptor_name"`
}
