package orcid

import (
	"regexp"
	"strings"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// This file holds the correspondences between the model and ORCID that
// both directions use, so that what Export writes Import reads back, and
// what Import cannot restore Export reports as lost.

// workTypes maps each publication kind to ORCID's work type (ORCID's
// WorkType list for API v3.0). A workshop paper is a conference-paper:
// ORCID has no workshop type.
var workTypes = map[publication.Kind]string{
	publication.KindJournalArticle:  "journal-article",
	publication.KindConferencePaper: "conference-paper",
	publication.KindWorkshopPaper:   "conference-paper",
	publication.KindPreprint:        "preprint",
	publication.KindThesis:          "dissertation-thesis",
	publication.KindBook:            "book",
	publication.KindChapter:         "book-chapter",
	publication.KindReport:          "report",
	publication.KindDataset:         "data-set",
	publication.KindSoftware:        "software",
	publication.KindOther:           "other",
}

// kindOf returns the publication kind and the venue kind for ORCID's work
// type t, and whether the kind is exact (false: t is held as other).
// "dissertation" is API v2's name of dissertation-thesis; an edited book
// is a book.
func kindOf(t string) (publication.Kind, publication.VenueKind, bool) {
	switch t {
	case "journal-article":
		return publication.KindJournalArticle, publication.VenueJournal, true
	case "conference-paper":
		return publication.KindConferencePaper, publication.VenueConference, true
	case "preprint":
		return publication.KindPreprint, publication.VenueRepository, true
	case "dissertation-thesis", "dissertation":
		return publication.KindThesis, "", true
	case "book", "edited-book":
		return publication.KindBook, "", true
	case "book-chapter":
		return publication.KindChapter, "", true
	case "report":
		return publication.KindReport, "", true
	case "data-set":
		return publication.KindDataset, "", true
	case "software":
		return publication.KindSoftware, "", true
	case "other":
		return publication.KindOther, "", true
	}
	return publication.KindOther, "", false
}

// An orcidSection is one of the affiliation sections of a record.
type orcidSection int

// The affiliation sections, in the order of activities-3.0.xsd.
const (
	distinctions orcidSection = iota
	educations
	employments
	invitedPositions
	memberships
	qualifications
	services
)

// String returns the section's JSON key, such as "invited-positions".
func (s orcidSection) String() string {
	return [...]string{"distinctions", "educations", "employments", "invited-positions", "memberships", "qualifications", "services"}[s]
}

// sectionOf returns the section a position of kind k is written in.
func sectionOf(k profile.PositionKind) orcidSection {
	switch k {
	case profile.PositionMembership:
		return memberships
	case profile.PositionChair, profile.PositionDistinction:
		return distinctions
	case profile.PositionInvited, profile.PositionVisiting:
		return invitedPositions
	case profile.PositionService:
		return services
	}
	return employments // employment, postdoc
}

var (
	postdocRE  = regexp.MustCompile(`(?i)\bpost-?doc`)
	visitingRE = regexp.MustCompile(`(?i)\bvisiting\b`)
	chairRE    = regexp.MustCompile(`(?i)\bchair\b`)
)

// positionKind returns the kind of position an affiliation of section s
// with the given role title reads back as, or isAward when it reads back
// as an award: a distinction held for no period (no end date) that is not
// a chair. ORCID has no kinds of position within a section, so the role
// title decides: "Postdoctoral …" is a postdoc, "Visiting …" a visit,
// "… Chair" a chair.
func positionKind(s orcidSection, title string, hasEnd bool) (kind profile.PositionKind, isAward bool) {
	switch s {
	case employments:
		if postdocRE.MatchString(title) {
			return profile.PositionPostdoc, false
		}
		return profile.PositionEmployment, false
	case invitedPositions:
		if visitingRE.MatchString(title) {
			return profile.PositionVisiting, false
		}
		return profile.PositionInvited, false
	case memberships:
		return profile.PositionMembership, false
	case services:
		return profile.PositionService, false
	case distinctions:
		switch {
		case chairRE.MatchString(title):
			return profile.PositionChair, false
		case hasEnd:
			return profile.PositionDistinction, false
		}
		return "", true
	}
	return "", false
}

var (
	universityRE = regexp.MustCompile(`(?i)\b(universit|université|universidad|universidade|universität|università|college|école|polytechnic)`)
	instituteRE  = regexp.MustCompile(`(?i)\b(institut|instituto|istituto|laborator)`)
)

// orgKind returns the kind an organization called name reads back as:
// ORCID has no kinds of organization, so the name decides, and anything
// that is not recognisably a university or an institute is other.
func orgKind(name string) profile.OrgKind {
	switch {
	case universityRE.MatchString(name):
		return profile.OrgUniversity
	case instituteRE.MatchString(name):
		return profile.OrgInstitute
	}
	return profile.OrgOther
}

// Disambiguation sources, as ORCID writes them.
const (
	sourceROR = "ROR"
)

// orgSchemes maps the model's organization identifier schemes to ORCID's
// disambiguation sources, in the order Export prefers them after ROR.
var orgSchemes = []struct{ scheme, source string }{
	{"ringgold", "RINGGOLD"},
	{"grid", "GRID"},
	{"fundref", "FUNDREF"},
	{"lei", "LEI"},
}

// homepageNames are the researcher-url names that mark a homepage,
// compared without case. Export writes the first.
var homepageNames = []string{"Homepage", "Home page", "Personal website", "Website"}

// A profileSite is a site whose profile URLs ORCID records list as
// researcher-urls and the model holds as a person identifier.
type profileSite struct {
	name    string                                   // the researcher-url name Export writes
	prefix  []string                                 // URL prefixes before the id, lower case; the first is written
	lastSeg bool                                     // the id is the URL's last path segment, after an optional name
	id      *regexp.Regexp                           // the id's shape, as package validate checks it
	field   func(*profile.PersonIdentifiers) *string // where the model holds it
}

// profileSites are the profile sites Export writes as researcher-urls. The
// id patterns repeat package validate's.
var profileSites = []profileSite{
	{"Google Scholar", []string{"https://scholar.google.com/citations?user=", "http://scholar.google.com/citations?user="}, false,
		regexp.MustCompile(`^[A-Za-z0-9_-]{12}$`), func(p *profile.PersonIdentifiers) *string { return &p.GoogleScholar }},
	{"dblp", []string{"https://dblp.org/pid/", "http://dblp.org/pid/", "https://dblp.uni-trier.de/pid/"}, false,
		regexp.MustCompile(`^[0-9a-z]+/[0-9A-Za-z_-]+$`), func(p *profile.PersonIdentifiers) *string { return &p.DBLP }},
	{"Semantic Scholar", []string{"https://www.semanticscholar.org/author/", "https://semanticscholar.org/author/"}, true,
		regexp.MustCompile(`^[1-9][0-9]{0,11}$`), func(p *profile.PersonIdentifiers) *string { return &p.SemanticScholar }},
	{"OpenReview", []string{"https://openreview.net/profile?id="}, false,
		regexp.MustCompile(`^~[\pL\pM_.-]+[0-9]+$`), func(p *profile.PersonIdentifiers) *string { return &p.OpenReview }},
}

// siteID returns the index of the profile site of url and the id in it,
// or -1. A Semantic Scholar URL may have a name segment before the id.
func siteID(url string) (int, string) {
	lower := strings.ToLower(url)
	for i, s := range profileSites {
		for _, p := range s.prefix {
			if !strings.HasPrefix(lower, p) {
				continue
			}
			id := url[len(p):]
			id = id[:strings.IndexAny(id+"&", "&#")] // drop other query parameters, such as &hl=en
			if !strings.Contains(p, "?") {
				id = id[:strings.IndexAny(id+"?", "?")]
			}
			id = strings.TrimSuffix(strings.TrimSuffix(id, "/"), ".html")
			if s.lastSeg {
				id = id[strings.LastIndexByte(id, '/')+1:]
			}
			if s.id.MatchString(id) {
				return i, id
			}
		}
	}
	return -1, ""
}

// Person external identifier types, as ORCID's member integrations name them.
const (
	scopusType       = "Scopus Author ID"
	researcherIDType = "ResearcherID"
)

var (
	scopusRE       = regexp.MustCompile(`^[1-9][0-9]{5,11}$`)
	researcherIDRE = regexp.MustCompile(`^[A-Z]{1,3}-[0-9]{4}-(19|20)[0-9]{2}$`)
)

// Work external id types, from ORCID's identifier list.
const (
	idDOI    = "doi"
	idArXiv  = "arxiv"
	idISBN   = "isbn"
	idISSN   = "issn"
	idPMID   = "pmid"
	idURI    = "uri"
	idSource = "source-work-id" // "non-standard ID from work data source": a publication's id
)

// URL prefixes of the work identifiers ORCID has no type for, written as
// "uri" identifiers.
const (
	openReviewForum = "https://openreview.net/forum?id="
	dblpRecord      = "https://dblp.org/rec/"
)

var (
	openReviewForumRE = regexp.MustCompile(`^[A-Za-z0-9_-]{6,20}$`)
	dblpRecordRE      = regexp.MustCompile(`^[a-z]+(/[0-9A-Za-z_.-]+)+$`)
)
