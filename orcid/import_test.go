package orcid_test

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/validate"
)

// yield counts what an imported dataset holds.
type yield struct {
	People, Positions, Education, Awards, Organizations, Works int
	PersonIDs                                                  int // the person's identifiers: ORCID iD, Scopus, Google Scholar, …
	Links, Topics, OtherNames, Emails, Countries               int // the person's
	WorkIDs, Authors                                           int // of all works
}

func yieldOf(d *dataset.Dataset) yield {
	y := yield{People: len(d.People), Organizations: len(d.Organizations), Works: len(d.Publications)}
	for _, p := range d.People {
		y.Positions += len(p.Positions)
		y.Education += len(p.Education)
		y.Awards += len(p.Awards)
		id := p.Identifiers
		for _, v := range []string{string(id.ORCID), id.GoogleScholar, id.DBLP, id.SemanticScholar, id.OpenReview, string(id.Wikidata), id.Scopus, id.ResearcherID} {
			if v != "" {
				y.PersonIDs++
			}
		}
		y.Links += len(p.Links)
		if p.Homepage != "" {
			y.Links++
		}
		y.Topics += len(p.Topics)
		y.OtherNames += len(p.Name.Other)
		y.Emails += len(p.Emails)
		y.Countries += len(p.Countries)
	}
	for _, p := range d.Publications {
		id := p.Identifiers
		for _, v := range []string{string(id.DOI), string(id.ArXiv), string(id.ISBN), string(id.PMID), id.OpenReview, id.DBLP} {
			if v != "" {
				y.WorkIDs++
			}
		}
		y.Authors += len(p.Authors)
	}
	return y
}

// TestImportSamples imports every ORCID sample that is a whole record or a
// part of one the model holds, and names what each yields. Every result
// passes validate.Dataset.
func TestImportSamples(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want yield
	}{
		// testdata/samples/read: ORCID's read samples, XML;
		// testdata/samples/write: ORCID's write samples, XML and JSON;
		// testdata/samples/api: ORCID's record sample as the API's JSON.
		{"testdata/samples/api/record-3.0.json", yield{People: 1, Positions: 5, Education: 2, Organizations: 7, Works: 1, PersonIDs: 1, Links: 2, Topics: 1, OtherNames: 1, Emails: 1, Countries: 1, Authors: 1}},
		{"testdata/samples/read/activities-3.0.xml", yield{People: 1, Positions: 5, Education: 2, Organizations: 1, Works: 1, PersonIDs: 1, Authors: 1}},
		{"testdata/samples/read/address-3.0.xml", yield{People: 1, Countries: 1}},
		{"testdata/samples/read/addresses-3.0.xml", yield{People: 1, Countries: 2}},
		{"testdata/samples/read/biography-3.0.xml", yield{People: 1}},
		// A work and an error, which is skipped.
		{"testdata/samples/read/bulk-work-err.xml", yield{Works: 1, WorkIDs: 1, Authors: 0}},
		{"testdata/samples/read/credit-name-3.0.xml", yield{People: 1}},
		{"testdata/samples/read/distinction-3.0.xml", yield{People: 1, Positions: 1, Organizations: 1}},
		// Two distinctions without a role title, which an award needs: none is kept.
		{"testdata/samples/read/distinctions-3.0.xml", yield{People: 1, PersonIDs: 1}},
		{"testdata/samples/read/education-3.0.xml", yield{People: 1, Education: 1, Organizations: 1}},
		{"testdata/samples/read/education-full-3.0.xml", yield{People: 1, Education: 1, Organizations: 1}},
		{"testdata/samples/read/educations-3.0.xml", yield{People: 1, Education: 2, Organizations: 1, PersonIDs: 1}},
		{"testdata/samples/read/email-3.0.xml", yield{People: 1, Emails: 1}},
		{"testdata/samples/read/emails-3.0.xml", yield{People: 1, Emails: 2}},
		{"testdata/samples/read/employment-3.0.xml", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/read/employment-full-3.0.xml", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/read/employments-3.0.xml", yield{People: 1, Positions: 2, Organizations: 1, PersonIDs: 1}},
		{"testdata/samples/read/external-identifier-3.0.xml", yield{People: 1, Links: 1}},
		{"testdata/samples/read/external-identifiers-3.0.xml", yield{People: 1, Links: 2}},
		{"testdata/samples/read/invited-position-3.0.xml", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/read/invited-positions-3.0.xml", yield{People: 1, Positions: 2, Organizations: 1, PersonIDs: 1}},
		{"testdata/samples/read/keyword-3.0.xml", yield{People: 1, Topics: 1}},
		{"testdata/samples/read/keywords-3.0.xml", yield{People: 1, Topics: 2}},
		{"testdata/samples/read/membership-3.0.xml", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/read/memberships-3.0.xml", yield{People: 1, Positions: 2, Organizations: 1, PersonIDs: 1}},
		{"testdata/samples/read/name-3.0.xml", yield{People: 1}},
		{"testdata/samples/read/other-name-3.0.xml", yield{People: 1, OtherNames: 1}},
		{"testdata/samples/read/other-names-3.0.xml", yield{People: 1, OtherNames: 2}},
		{"testdata/samples/read/person-3.0.xml", yield{People: 1, Links: 2, Topics: 1, OtherNames: 1, Emails: 1, Countries: 1}},
		{"testdata/samples/read/personal-details-3.0.xml", yield{People: 1, OtherNames: 2}},
		{"testdata/samples/read/qualification-3.0.xml", yield{People: 1, Education: 1, Organizations: 1}},
		// Two qualifications without a role title, which a degree needs: none is kept.
		{"testdata/samples/read/qualifications-3.0.xml", yield{People: 1, PersonIDs: 1}},
		// ORCID's sample record: every affiliation section, a work summary; its fundings, peer reviews and research resources are skipped.
		{"testdata/samples/read/record-3.0.xml", yield{People: 1, Positions: 5, Education: 2, Organizations: 7, Works: 1, PersonIDs: 1, Links: 2, Topics: 1, OtherNames: 1, Emails: 1, Countries: 1, Authors: 1}},
		// The same without addresses for professional activities; its distinction has no organization, which the model needs.
		{"testdata/samples/read/record-no-city-country-for-professional-activities-3.0.xml", yield{People: 1, Positions: 4, Education: 2, Organizations: 6, Works: 1, PersonIDs: 1, Links: 2, Topics: 1, OtherNames: 1, Emails: 1, Countries: 1, Authors: 1}},
		{"testdata/samples/read/researcher-url-3.0.xml", yield{People: 1, Links: 1}},
		{"testdata/samples/read/researcher-urls-3.0.xml", yield{People: 1, Links: 1}},
		{"testdata/samples/read/service-3.0.xml", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/read/services-3.0.xml", yield{People: 1, Positions: 2, Organizations: 1, PersonIDs: 1}},
		{"testdata/samples/read/work-3.0.xml", yield{Works: 1, Authors: 1}},
		{"testdata/samples/read/work-full-3.0.xml", yield{Works: 1, Authors: 1}},
		{"testdata/samples/read/work-review-3.0.xml", yield{Works: 1, Authors: 1}},
		// Three work summaries: the person of the API paths is their author; a DOI "123456" and an arXiv id "123456" are not valid.
		{"testdata/samples/read/works-3.0.xml", yield{People: 1, Works: 3, PersonIDs: 1, Authors: 3}},
		{"testdata/samples/write/address-3.0.json", yield{People: 1, Countries: 1}},
		{"testdata/samples/write/address-3.0.xml", yield{People: 1, Countries: 1}},
		{"testdata/samples/write/bulk-work-3.0.json", yield{Works: 2, Authors: 0}},
		{"testdata/samples/write/bulk-work-3.0.xml", yield{Works: 2, WorkIDs: 2, Authors: 0}},
		{"testdata/samples/write/bulk-works-3-works-3.0.json", yield{Works: 3, WorkIDs: 3, Authors: 1}},
		{"testdata/samples/write/distinction-3.0.json", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/write/distinction-3.0.xml", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/write/education-3.0.json", yield{People: 1, Education: 1, Organizations: 1}},
		{"testdata/samples/write/education-3.0.xml", yield{People: 1, Education: 1, Organizations: 1}},
		{"testdata/samples/write/employment-3.0.json", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/write/employment-3.0.xml", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/write/external-identifier-3.0.json", yield{People: 1, Links: 1}},
		{"testdata/samples/write/external-identifier-3.0.xml", yield{People: 1, Links: 1}},
		{"testdata/samples/write/invited-position-3.0.json", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/write/invited-position-3.0.xml", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/write/keyword-3.0.xml", yield{People: 1, Topics: 1}},
		{"testdata/samples/write/keywords-3.0.json", yield{People: 1, Topics: 1}},
		{"testdata/samples/write/membership-3.0.json", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/write/membership-3.0.xml", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/write/other-name-3.0.xml", yield{People: 1, OtherNames: 1}},
		{"testdata/samples/write/other-names-3.0.json", yield{People: 1, OtherNames: 1}},
		{"testdata/samples/write/qualification-3.0.json", yield{People: 1, Education: 1, Organizations: 1}},
		{"testdata/samples/write/qualification-3.0.xml", yield{People: 1, Education: 1, Organizations: 1}},
		{"testdata/samples/write/researcher-url-3.0-no-name.xml", yield{People: 1, Links: 1}},
		{"testdata/samples/write/researcher-url-3.0.json", yield{People: 1, Links: 1}},
		{"testdata/samples/write/researcher-url-3.0.xml", yield{People: 1, Links: 1}},
		{"testdata/samples/write/researcher-url-no-name-3.0.json", yield{People: 1, Links: 1}},
		{"testdata/samples/write/service-3.0.json", yield{People: 1, Positions: 1, Organizations: 1}},
		{"testdata/samples/write/service-3.0.xml", yield{People: 1, Positions: 1, Organizations: 1}},
		// 51 contributors in byline order.
		{"testdata/samples/write/work-51-contributors-3.0.json", yield{Works: 1, WorkIDs: 1, Authors: 51}},
		{"testdata/samples/write/work-full-3.0.json", yield{Works: 1, Authors: 2}},
		// Its DOIs are a version-of and an invalid "work:doi": no identifier is kept.
		{"testdata/samples/write/work-full-3.0.xml", yield{Works: 1, Authors: 1}},
		{"testdata/samples/write/work-simple-3.0.xml", yield{Works: 1, WorkIDs: 1, Authors: 0}},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			t.Parallel()
			d, err := orcid.Read(dataset.Document{Name: tc.file, Data: mustRead(t, tc.file)})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(tc.want, yieldOf(d)); diff != "" {
				t.Errorf("yield (-want +got):\n%s", diff)
			}
			if err := validate.Dataset(d); err != nil {
				t.Errorf("validate.Dataset: %v", err)
			}
		})
	}
}

// TestImportUnsupported checks that ORCID documents the model holds
// nothing of are refused with ErrUnsupported, at the root element.
func TestImportUnsupported(t *testing.T) {
	t.Parallel()
	for _, file := range []string{
		"testdata/samples/read/funding-3.0.xml",
		"testdata/samples/read/peer-review-3.0.xml",
		"testdata/samples/read/history-3.0.xml",
	} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			_, err := orcid.Read(dataset.Document{Name: file, Data: mustRead(t, file)})
			if !errors.Is(err, orcid.ErrUnsupported) {
				t.Errorf("Parse = %v, want ErrUnsupported", err)
			}
		})
	}
}
