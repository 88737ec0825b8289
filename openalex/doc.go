// Package openalex imports OpenAlex's records (https://docs.openalex.org)
// into the model: works become publications, authors people, and the
// institutions they name that have a ROR id organizations.
//
// It reads a work or an author as OpenAlex's API gives it
// (https://api.openalex.org/works/W2741809807), a list of them
// ({"meta": …, "results": […]}), and JSON Lines of them as OpenAlex's
// snapshot holds them, plain or gzip-compressed. A dataset.Loader whose
// Formats list [Format] (as package inputs's do) recognizes these
// documents by their content (see [Sniff]) and decodes them with
// [Decode]; [Reader] reads JSON Lines as a stream, a chunk of records at a
// time, in bounded memory, as package stream does with such a Loader.
//
//	d, err := inputs.Loader().Load("works.jsonl.gz")
//
// # Works
//
// A work's title is its display_name. Its kind is from its type: article
// is journal-article, or conference-paper when its type_crossref
// (proceedings-article) or its venue (a conference) says so, or preprint
// when its type_crossref is posted-content; preprint, book, book-chapter
// (chapter), dissertation (thesis), dataset and report are the kinds of
// those names; other types are other, with a warning. Its authors are its
// authorships in their order (an authorship's author_position is only
// checked against it), with their ORCID iDs; is_authors_truncated sets
// EtAl. Its date is its
// publication_date, or its year; its identifiers its DOI, PubMed id,
// OpenAlex id and the arXiv id of a location at arxiv.org/abs/…; its URL
// its primary location's landing page when no identifier gives one. Its
// abstract is rebuilt from abstract_inverted_index, its venue is its
// primary location's source with its biblio (volume, issue, pages), and
// its keywords are its keywords.
//
// The model has no affiliation per authorship: the institutions of a
// work's authorships become organizations of the dataset, each once in a
// file (by ROR id), but which author was where is not kept, and no
// warning says so. Locations of other versions of the work (a preprint in
// a repository) are warnings, not publications of their own.
//
// # Authors
//
// An author's name is its display_name, and its display_name_alternatives
// the other names it is known by (Name.Other), by which bylines are
// matched to it. Its ORCID iD, OpenAlex id and Scopus id are kept, its
// Twitter and Wikipedia pages are links. Its affiliations and last known
// institutions become organizations; OpenAlex's affiliations are the
// institutions its works name, by year, not positions of a kind the model
// knows, so the person has no positions, and a warning says so.
//
// # Ids
//
// A work's id is its OpenAlex id in lower case ("w2741809807"): the same
// whatever else the input holds, so that a work keeps its id, its page
// and its IRI (when it has no DOI or arXiv id) when sources are added or
// re-imported, and a reader of a snapshot need remember no id to keep
// them unique. People and organizations get slugs as ids: a person their
// name, an organization its name; a second record with the same slug in
// a file gets "-2", and so on, so ids are deterministic for a given file.
//
// # Problems
//
// Every record has an Origin: its file and position, and its path in the
// document, "" for a lone record, "results[3]" in a list, "line 12" in
// JSON Lines. Errors are a [source.ErrorList] of positioned errors with
// the path of the value in the document, such as
// "results[3].authorships[2].author.orcid", returned with the good records.
// What a record holds and the model cannot (a PDF, grants, other
// versions, a publisher) is a warning in the dataset's Warnings, wrapping
// [ErrLeftOut]. OpenAlex's bookkeeping and what it computes rather than
// the record states (counts, dates of its own records, citation metrics,
// topics and concepts, the language it detects) and its links to other
// records by id (references, related works) are left out without one; a
// member the importer does not know is a warning, so that what OpenAlex
// adds is not lost unseen.
//
// # Files
//
// In a directory, package dataset's Loader reads the files named .jsonl
// as well as .json. A gzip-compressed file (.jsonl.gz, or the snapshot's
// part_000.gz) is read when named, but not found in a directory: the
// Loader chooses files by their last extension, and .gz could be any
// archive. A file named .jsonl or .ndjson (before .gz) is JSON Lines
// whatever its content; another is JSON Lines when its first line is a
// record and more lines follow.
package openalex
