// Package site writes a dataset as a static, self-contained researcher
// directory: a page per person, a page per publication, a directory index,
// sitemap.xml and robots.txt.
//
//	s, err := site.New(d, site.Options{Base: "https://research.example.edu/"})
//	...
//	stats, err := s.Write("public")
//
// [Site.Render] renders the same files into memory instead, for a server
// (package serve does so), and [Site.WriteFiles] writes them into a
// directory the caller stages (the scholarld command does so).
//
// A person's page shows their name, image, current positions, biography,
// research topics, identifiers and links, education and past positions,
// their students (level, institution and the other supervisor's part, with
// unnamed students left unnamed) and their publications, newest first,
// with authors in byline order. Its head holds a lean JSON-LD
// schema:ProfilePage whose mainEntity is the person, with their works, in
// which every schema:Person is named, a canonical link, and alternate links
// to the person's full JSON-LD and Turtle documents, written beside the
// page by an [export.Writer].
//
// A publication's page shows its title, authors, venue, date, abstract,
// identifiers and versions, and carries the Highwire Press citation_* meta
// tags that Google Scholar indexes, and the publication's JSON-LD.
//
// Pages are html/template templates of an embedded theme, which
// [Options.Templates] overrides file by file: layout.html (the page around
// the main content), person.html, publication.html, index.html, and
// style.css. The default theme needs no JavaScript, loads nothing from
// elsewhere, follows prefers-color-scheme, and prints. Every text of the
// data is escaped as html/template escapes it: by html/template, or, for
// the lists a template writes in one action ([Authors.HTML],
// [Metas.HTML]), with its rules. Only http and https URLs become links.
//
// Output is deterministic: dates come from the data (a person's created
// and updated) or from [Options.Created] and [Options.Date], never from
// the clock.
package site
