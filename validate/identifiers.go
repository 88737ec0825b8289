package validate

import (
	"fmt"
	"regexp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// Patterns of the identifiers that have no check digit.
var (
	googleScholarRE   = regexp.MustCompile(`^[A-Za-z0-9_-]{12}$`)
	dblpPersonRE      = regexp.MustCompile(`^[0-9a-z]+/[0-9A-Za-z_-]+$`)
	semanticScholarRE = regexp.MustCompile(`^[1-9][0-9]{0,11}$`)
	openReviewUserRE  = regexp.MustCompile(`^~[\pL\pM_.-]+[0-9]+$`)
	scopusRE          = regexp.MustCompile(`^[1-9][0-9]{5,11}$`)
	researcherIDRE    = regexp.MustCompile(`^[A-Z]{1,3}-[0-9]{4}-(19|20)[0-9]{2}$`)
	openReviewForumRE = regexp.MustCompile(`^[A-Za-z0-9_-]{6,20}$`)
	dblpRecordRE      = regexp.MustCompile(`^[a-z]+(/[0-9A-Za-z_.-]+)+$`)
	openAlexAuthorRE  = regexp.MustCompile(`^A[1-9][0-9]{0,11}$`)
	openAlexWorkRE    = regexp.MustCompile(`^W[1-9][0-9]{0,11}$`)
)

// identifiers checks every identifier's syntax and check digit.
func (c *checker) identifiers() {
	for i := range c.d.People {
		p := &c.d.People[i]
		at := func(sub string, err error) { c.report(dataset.People, i, sub, err) }
		id := p.Identifiers
		checkID(at, "identifiers.orcid", id.ORCID, profile.ParseORCID)
		checkID(at, "identifiers.wikidata", id.Wikidata, profile.ParseWikidata)
		checkPattern(at, "identifiers.google_scholar", id.GoogleScholar, googleScholarRE, "a Google Scholar user id has 12 letters, digits, '-' or '_', as in \"K757SxgAAAAJ\"")
		checkPattern(at, "identifiers.dblp", id.DBLP, dblpPersonRE, "a DBLP person id looks like \"37/8466\" or \"m/JaneDoe\"")
		checkPattern(at, "identifiers.semantic_scholar", id.SemanticScholar, semanticScholarRE, "a Semantic Scholar author id is a number")
		checkPattern(at, "identifiers.openreview", id.OpenReview, openReviewUserRE, "an OpenReview profile id looks like \"~Jane_Doe1\"")
		checkPattern(at, "identifiers.scopus", id.Scopus, scopusRE, "a Scopus author id is a number of 6 to 12 digits")
		checkPattern(at, "identifiers.researcher_id", id.ResearcherID, researcherIDRE, "a ResearcherID looks like \"A-1234-2008\"")
		checkPattern(at, "identifiers.openalex", id.OpenAlex, openAlexAuthorRE, "an OpenAlex author id looks like \"A5023888391\"")
		for j, e := range p.Education {
			for k, a := range e.Advisors {
				checkID(at, fmt.Sprintf("education[%d].advisors[%d].orcid", j, k), a.ORCID, profile.ParseORCID)
			}
		}
		for j, s := range p.Supervisions {
			checkID(at, fmt.Sprintf("supervisions[%d].student.orcid", j), s.Student.ORCID, profile.ParseORCID)
			for k, o := range s.Others {
				checkID(at, fmt.Sprintf("supervisions[%d].others[%d].person.orcid", j, k), o.Person.ORCID, profile.ParseORCID)
			}
		}
	}
	for i := range c.d.Organizations {
		o := &c.d.Organizations[i]
		at := func(sub string, err error) { c.report(dataset.Organizations, i, sub, err) }
		checkID(at, "ror", o.ROR, profile.ParseROR)
		checkID(at, "wikidata", o.Wikidata, profile.ParseWikidata)
	}
	for i := range c.d.Publications {
		p := &c.d.Publications[i]
		at := func(sub string, err error) { c.report(dataset.Publications, i, sub, err) }
		id := p.Identifiers
		checkID(at, "identifiers.doi", id.DOI, publication.ParseDOI)
		checkID(at, "identifiers.arxiv", id.ArXiv, publication.ParseArXiv)
		checkID(at, "identifiers.isbn", id.ISBN, publication.ParseISBN)
		checkID(at, "identifiers.pmid", id.PMID, publication.ParsePMID)
		checkPattern(at, "identifiers.openreview", id.OpenReview, openReviewForumRE, "an OpenReview forum id looks like \"JXCe2ZcUXr\"")
		checkPattern(at, "identifiers.dblp", id.DBLP, dblpRecordRE, "a DBLP record key looks like \"conf/icml/DoeS24\"")
		checkPattern(at, "identifiers.openalex", id.OpenAlex, openAlexWorkRE, "an OpenAlex work id looks like \"W2741809807\"")
		checkID(at, "venue.issn", p.Venue.ISSN, publication.ParseISSN)
		for j, a := range p.Authors {
			checkID(at, fmt.Sprintf("authors[%d].orcid", j), a.ORCID, profile.ParseORCID)
		}
	}
}

// checkID reports an identifier that does not parse, or that is not in the
// canonical form its parser returns (possible only in data built in Go:
// loading canonicalizes).
func checkID[T ~string](at func(string, error), sub string, v T, parse func(string) (T, error)) {
	if v == "" {
		return
	}
	c, err := parse(string(v))
	switch {
	case err != nil:
		at(sub, invalid{err})
	case c != v:
		at(sub, fmt.Errorf("%q: write it as %q: %w", string(v), string(c), ErrNonCanonic))
	}
}

// checkPattern reports a non-empty value that does not match re.
func checkPattern(at func(string, error), sub, v string, re *regexp.Regexp, hint string) {
	if v != "" && !re.MatchString(v) {
		at(sub, fmt.Errorf("%q: %s: %w", v, hint, ErrInvalid))
	}
}

// invalid is a parse error from package profile or publication, which also
// matches ErrInvalid.
type invalid struct{ err error }

func (e invalid) Error() string   { return e.err.Error() }
func (e invalid) Unwrap() []error { return []error{e.err, ErrInvalid} }
