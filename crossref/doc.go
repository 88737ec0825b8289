// Package crossref reads the works of Crossref's REST API
// (https://api.crossref.org, as documented at
// https://api.crossref.org/swagger-ui/index.html) into scholarld's model:
// [Read] reads a work response, a work-list response, a work's message
// alone, or a JSON array of messages, and returns a dataset of
// publications, one per work. [Format] is the input format "crossref"
// (media type application/vnd.crossref.api+json), which a dataset.Loader
// reads when its Formats list it, as package inputs's do; a list is read
// one work at a time.
//
// # Mapping
//
// A work becomes a publication.Publication:
//
//   - DOI is its DOI, and its ID is a slug of the DOI ("10.7554/eLife.01567"
//     gives "10-7554-elife-01567", "-2" and so on for a DOI given twice in
//     a file, whose second work is left out with a warning).
//   - title[0] is its title, with subtitle[0] after a colon; the other
//     titles, subtitles, short titles and original titles are OtherTitles.
//     Markup in titles (<i>, JATS) is dropped.
//   - author is its authors, in the order of the array: "given family
//     suffix", or name for an organization or a name given whole, with the
//     ORCID iD (a URL at orcid.org, canonicalized). sequence is only
//     checked: "first" anywhere but at index 0, or "additional" at index
//     0, is a warning wrapping [ErrSequence]. An author named "et al."
//     (or "and others") is not an author but says that the list goes on:
//     EtAl is set. An author without any name is left out with a warning,
//     and a work without a named author is left out, as is a work without
//     a title: the model needs both.
//   - The date is that of issued, else published-print, published-online,
//     published or posted: the first given and valid, to the year, the
//     month or the day as its date-parts say.
//   - container-title[0] is the venue's name (a second container title,
//     such as a book series, its series), short-container-title[0] its
//     short name, with volume, issue, page (or article-number when there
//     is no page; an article number besides pages is a warning) and the
//     first valid ISSN; a preprint without a container title has the
//     institution that posted it (such as bioRxiv) as its venue, a
//     repository. Without a venue name, the rest is left out.
//   - abstract (JATS XML) is the abstract as plain text, a blank line
//     between paragraphs, without its "Abstract" heading.
//   - subject is its keywords; the first valid ISBN its ISBN; URL its URL
//     unless it is the DOI's own address at doi.org, as Crossref's is.
//
// type becomes the kind, and says what sort of venue the container is:
//
//	journal-article                              journal-article, in a journal
//	proceedings-article                          conference-paper, at a conference
//	                                             (workshop-paper when the container title says "workshop")
//	posted-content, subtype preprint             preprint, in a repository
//	posted-content, subtype working_paper/report report
//	posted-content, subtype dissertation         thesis
//	posted-content, other or no subtype          other
//	book, monograph, edited-book, reference-book book, in a book series
//	book-chapter, book-section, book-part,       chapter
//	book-track, reference-entry
//	dissertation                                 thesis
//	report, report-component, standard           report
//	dataset, database                            dataset
//	peer-review, component, grant, other         other
//	journal, journal-issue, proceedings and      other
//	other containers
//
// A type outside Crossref's vocabulary is other, with a warning.
//
// # Versions
//
// The relations is-preprint-of, has-preprint, is-version-of and
// has-version, to a DOI (or an arXiv id), link versions: the model links
// a version to its main version by id, within a dataset, in VersionOf (a
// preprint is a version of the article it became). When the related work
// is in the same file, VersionOf is set, a preprint link winning over a
// version link; when it is not, the relation is a warning that names the
// related DOI, since the dataset holds no record to link to (a
// dataset.Merge of a file that holds it links nothing either: it merges
// records, and does not read relations). Other relations are warnings.
//
// # What is left out
//
// What the model has no place for is a warning wrapping [ErrLeftOut] at
// the value: the publisher, licences, funders, the reference list,
// editors and translators, the language, the affiliations of the authors
// (one warning per work: the model has no affiliation for an author of a
// work, and making organizations of free-text affiliation names, which
// Crossref gives per author and unmatched, would add organizations that
// nothing refers to), and any member that is not Crossref's bookkeeping.
// Bookkeeping is left out silently: indexed, deposited, created,
// reference-count, references-count, is-referenced-by-count, score,
// member, prefix, source, content-domain, issn-type, isbn-type, resource,
// journal-issue, alternative-id, archive, link, content-created,
// content-updated, update-policy, free-to-read, cited-count and
// relevance-score. Empty values (null, "", [] and {}) are never warned
// about.
//
// # Recognizing Crossref documents
//
// A response is recognized by its message-type, a message alone by its
// "DOI" and its titles, which are arrays. An array is recognized only when
// its first work's title or container title is an array: CSL-JSON, which
// package biblio reads, is an array too, and its items can be copies of
// Crossref's messages (doi.org gives them as CSL-JSON), but with titles
// that are strings and CSL's types. This project's datasets, which are
// objects of people, organizations and publications, and OpenAlex works,
// whose id is at openalex.org, are never claimed.
//
// # Errors
//
// Errors and warnings are [*source.Error]s at the file:line:column of the
// value (or of the work) with its path in the document, such as
// "message.author[3].ORCID" in a response, "message.items[2].issued" in a
// list, or "[0].title" in an array. Each publication's Origin has its path
// ("message", "message.items[2]", "[0]", or "" for a message alone) and
// the position of its start. Positions cost one pass over the file
// however many there are.
package crossref
