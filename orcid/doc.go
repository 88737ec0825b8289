// Package orcid converts between scholarld's model and ORCID API v3.0
// records, in both of ORCID's encodings: XML in ORCID's namespaces, which
// validates against ORCID's own XSDs (record-3.0.xsd and bulk-3.0.xsd),
// and the public API's JSON.
//
// [Export] maps one person of a dataset, with the organizations and the
// publications they refer to, to a [Record]: their name, biography,
// links, identifiers and keywords; their positions, education and awards
// as ORCID's employments, educations, qualifications, distinctions,
// invited positions, memberships and services; their publications as
// works, grouped as ORCID groups the versions of a work. A record lists
// works as summaries; the full works, with contributors in byline order
// and abstracts, are a second document (ORCID's bulk of works), as ORCID
// itself serves them apart. Export also returns a [Loss]: what ORCID
// cannot carry, such as supervisions, by model path.
//
// [Decode] reads ORCID documents as the public API and ORCID's public data
// file serve them: a whole record, a part of one (the person, the
// activities, one section or one item), a work, or a bulk of works, in XML
// or JSON, recognised by content ([Sniff]). [Import] converts a decoded
// record into the model, minting ids and leaving out, and listing in its
// Loss, what the model cannot hold; the result passes validate.Dataset.
// [Read] does both for documents that may belong together, such as a
// record and its works; a dataset.Loader whose Formats list [Format] (as
// package inputs's do) reads ORCID files through it, so
// inputs.Loader().Load("record.xml") gives the record's dataset.
//
// Errors of malformed input are a [source.ErrorList] whose errors have the
// line, the column and the path (such as
// "activities-summary.works.group[0].work-summary[1].put-code") of the
// problem.
//
// Correspondences, both ways:
//
//	model                          ORCID
//	Name.Display, Given, Family    name: credit-name, given-names, family-name
//	Name.Other                     other-names
//	Biography                      biography
//	Homepage, Links                researcher-urls (the homepage named "Homepage")
//	Identifiers: Google Scholar,   researcher-urls to their profile pages
//	  DBLP, Semantic Scholar,
//	  OpenReview, Wikidata
//	Identifiers: Scopus,           external-identifiers ("Scopus Author ID",
//	  ResearcherID                   "ResearcherID")
//	Emails, Countries, Topics      emails, addresses, keywords
//	Updated                        last-modified-date
//	positions: employment, postdoc employments
//	  visiting, invited            invited-positions
//	  membership / service         memberships / services
//	  chair, distinction; Awards   distinctions
//	Education (degree, qualif.)    educations, qualifications
//	Organization                   organization: name, address, one
//	                                 disambiguated id (ROR, else Ringgold,
//	                                 GRID, FundRef or LEI); a department is
//	                                 its parent with department-name
//	Publication                    work: title, journal-title (venue),
//	                                 short-description (abstract), type,
//	                                 publication-date, url, contributors
//	Identifiers: DOI, arXiv,       external-ids "doi", "arxiv", "isbn",
//	  ISBN, PubMed; venue ISSN       "pmid" (self); "issn" (part-of)
//	Identifiers: OpenReview, DBLP  external-ids "uri" (their URLs)
//	ID; VersionOf                  "source-work-id"; "version-of" ids
//
// Package orcid imports the standard library and scholarld's profile,
// publication, dataset, source and validate packages (Export checks its
// input with validate.Dataset).
package orcid
