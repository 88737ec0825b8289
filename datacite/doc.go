// Package datacite reads the DOI records of DataCite's REST API
// (https://api.datacite.org, DataCite Metadata Schema 4.6) into
// scholarld's model: [Read] reads a DOI response, a list response, a
// record alone, a record's attributes alone, or a JSON array of records
// (which the loader does not recognize: see below), and returns a dataset
// of publications, one per record. [Format] is the input format
// "datacite" (media type application/vnd.api+json, JSON:API's), which a
// dataset.Loader reads when its Formats list it, as package inputs's do;
// a list is read one record at a time.
//
// # Mapping
//
// A record's attributes become a publication.Publication:
//
//   - doi (else the record's id) is its DOI, and its ID is a slug of the
//     DOI ("10.5438/zhyx-n122" gives "10-5438-zhyx-n122", "-2" and so on
//     for a DOI given twice in a file, whose second record is left out with
//     a warning). A DOI that arXiv registered (10.48550/arXiv.…) gives the
//     arXiv id too.
//   - The first of titles without a titleType is its title (else the
//     first that is not a subtitle), with the first Subtitle after a
//     colon; the other titles (AlternativeTitle, TranslatedTitle, Other)
//     are OtherTitles.
//   - creators are its authors, in the order of the array. An
//     Organizational creator's name is its name; a Personal one's is
//     "givenName familyName", or name, which DataCite writes "Family,
//     Given", reordered; a name of no nameType without given and family
//     names is kept as written, since an organization's may hold a comma.
//     The ORCID iD is the first name identifier whose scheme is ORCID, as
//     a URL or bare. A creator named "et al." (or "and others") is not a
//     creator but says that the list goes on: EtAl is set. A creator
//     without a name is left out with a warning,
//     and a record without a named creator, or without a title, is left
//     out: the model needs both. contributors (editors, data curators…)
//     are warnings: the model holds a work's authors.
//   - The date is the first date of dateType Issued, as precise as it is
//     given (the start of a range, the day of a date and time), else
//     publicationYear. Dates of type Created and Updated are the record's
//     bookkeeping; other dates (Accepted, Available, Submitted…) are
//     warnings.
//   - The venue is the container (its title, type, volume, issue, first
//     and last page, and ISSN). A dataset, software or a preprint without
//     a container has its publisher as venue, a repository (such as
//     Zenodo, Dryad or arXiv); another record's publisher is a warning.
//   - The first description of type Abstract is the abstract, as plain
//     text (HTML made text); other descriptions are warnings.
//   - subjects are its keywords; url its URL; identifiers and
//     alternateIdentifiers of type arXiv, ISBN, PMID and URL its
//     identifiers and URL.
//
// types.resourceTypeGeneral becomes the kind:
//
//	Dataset                           dataset
//	Software, ComputationalNotebook   software
//	Text, JournalArticle, DataPaper   journal-article
//	Preprint                          preprint
//	Dissertation                      thesis
//	Report                            report
//	ConferencePaper                   conference-paper
//	Book, ConferenceProceeding        book
//	BookChapter                       chapter
//	any other type of DataCite's      other
//	(Audiovisual, Collection, Image, Model, PeerReview, Workflow, …)
//
// Text is DataCite's type for any writing, such as the blog post of the
// fixture; it is taken for an article, as DataCite's own citeproc does.
// A type outside DataCite's vocabulary is other, with a warning. The
// venue is a journal for an article, a conference for a conference
// paper, a repository for a dataset, software or a preprint, or what the
// container's type says (Journal, Book Series, Series).
//
// # Versions
//
// relatedIdentifiers of the relation types IsPreprintOf, HasPreprint,
// IsVersionOf, HasVersion, IsPreviousVersionOf and IsNewVersionOf, to a
// DOI or an arXiv id, link versions: the model links a version to its
// main version by id, within a dataset, in VersionOf (a preprint is a
// version of the article it became, a Zenodo version of its concept DOI,
// an earlier version of the later one). When the related record is in
// the same file, VersionOf is set (a preprint link wins over a version
// link, which wins over a previous or new version, since a record has one
// VersionOf); when it is not, the relation is a warning that names the
// related identifier, since the dataset holds no record to link to (a
// dataset.Merge of a file that holds it links nothing either: it merges
// records, and does not read relations). Other relations are warnings,
// one per relation type.
//
// # What is left out
//
// What the model has no place for is a warning wrapping [ErrLeftOut] at
// the value: the publisher of a record that is not in a repository, the
// rights, funding references, geographic locations, the language, sizes,
// formats and version, related items, and the affiliations of the
// creators (one warning per record: the model has no affiliation for an
// author of a work, and making organizations of free-text affiliation
// names would add organizations that nothing refers to). DataCite's
// bookkeeping is left out silently: prefix, suffix, xml, contentUrl,
// metadataVersion, schemaVersion, source, isActive, state, reason, the
// counts and histories of views, downloads, citations, references, parts
// and versions, created, registered, published (publicationYear again),
// updated, event, landingPage, agency, clientId and providerId, and, in
// a JSON:API record, its relationships and links. Empty values (null,
// "", [] and {}) are never warned about.
//
// # Recognizing DataCite documents
//
// JSON:API's media type is that of many services, so a response is
// recognized by its data's type, "dois"; attributes alone by their
// "doi", "creators" and "titles" (Crossref's are "DOI", "author" and
// "title"). Arrays, which CSL-JSON files are, this project's datasets,
// and OpenAlex works are never claimed.
//
// # Errors
//
// Errors and warnings are [*source.Error]s at the file:line:column of the
// value (or of the record) with its path in the document, such as
// "data.attributes.creators[1].nameIdentifiers[0].nameIdentifier" in a
// response or "data[2].attributes.dates[0].date" in a list. Each
// publication's Origin has its path ("data", "data[2]", or "" for a
// record alone) and the position of its start. Positions cost one pass
// over the file however many there are.
package datacite
