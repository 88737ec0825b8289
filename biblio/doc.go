// Package biblio reads and writes bibliographies: BibTeX in and out,
// CSL-JSON (CSL 1.0.2) in and out, and RIS out.
//
// ReadBibTeX and ReadCSLJSON read files into a dataset of publications,
// with positioned errors for what they cannot read and warnings for what
// the model cannot hold; a dataset.Loader reads .bib and CSL-JSON files
// through them when its Formats list [BibTeX] and [CSLJSON], as those of
// package inputs do. WriteBibTeX, WriteCSLJSON and WriteRIS write a dataset's
// bibliography, one entry per work: the versions of a work (publications
// whose VersionOf names it) are named in the note of its entry, not
// written as entries of their own. Package export lists them in its
// registry of formats as "bibtex", "csljson" and "ris".
//
// Authors keep their order, and what finds their people: their ORCID
// iDs, read from BibTeX (a biblatex author+an:orcid annotation, Web of
// Science's ORCID-Numbers, a plain orcid list) and from CSL-JSON names'
// ORCID key, and written back to BibTeX as an annotation and to CSL-JSON
// names. BibTeX's "and others" sets Publication.EtAl, never a nameless
// author, and is written back; CSL-JSON and RIS have no way to say it.
// Every publication read has an Origin at its entry or item (the entry
// key or item id, and its file:line:column), so that later problems,
// such as a conflict found by package dataset's Merge, point there.
//
// BibTeX is parsed by this package's own small scanner rather than
// github.com/nickng/bibtex v1.3.0: that parser stops the program
// (log.Fatalf) on an undefined @string macro, stops at the first syntax
// error, and keeps fields in a map without positions, so it could give
// neither positioned errors nor the good entries of a file with a broken
// one.
//
// Package biblio imports the standard library and scholarld's dataset,
// profile, publication and source packages.
package biblio
