package biblio

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/publication"
)

// bibTypes are the entry types of the kinds of publication.
var bibTypes = map[publication.Kind]string{
	publication.KindJournalArticle: "article", publication.KindConferencePaper: "inproceedings",
	publication.KindWorkshopPaper: "inproceedings", publication.KindPreprint: "misc",
	publication.KindThesis: "phdthesis", publication.KindBook: "book", publication.KindChapter: "incollection",
	publication.KindReport: "techreport", publication.KindDataset: "misc", publication.KindSoftware: "misc",
	publication.KindOther: "misc",
}

var monthMacros = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// WriteBibTeX writes the bibliography of d as BibTeX, one entry per work
// in the order of d's publications, each keyed by the publication's id,
// which is stable. The versions of a work (publications whose VersionOf
// names it) and its other titles are named in the note of its entry, not
// written as entries of their own: a bibliography lists a work once.
// Text is UTF-8 with TeX's special characters escaped and braces always
// balanced as BibTeX counts them (a brace without a partner is
// \textbraceleft{} or \textbraceright{}), capitals that a
// style must keep braced, and year and month given for every dated
// entry (date too when the day is known); names are written
// "von Last, Jr, First", in byline order, and a byline the source
// truncated (Publication.EtAl) ends in "and others". The ORCID iDs of the
// authors, their own or those of the people of d they refer to, are a
// biblatex data annotation named orcid, by the author's number in the
// list, as citation.js writes them:
//
//	author = {Mitliagkas, Ioannis and Zhang, Ce and others},
//	author+an:orcid = {1="0000-0002-1825-0097"},
//
// BibTeX and pandoc skip that field, as any they do not know, and biber
// reads it as an annotation. An author without a name (a contributor who
// names nobody) cannot be written, and is left out. Errors are those of w.
func WriteBibTeX(w io.Writer, d *dataset.Dataset) error {
	bw := bufio.NewWriter(w)
	for i, wk := range works(d) {
		if i > 0 {
			bw.WriteByte('\n')
		}
		writeEntry(bw, wk)
	}
	return bw.Flush()
}

func writeEntry(w *bufio.Writer, wk work) {
	p := wk.p
	fmt.Fprintf(w, "@%s{%s,\n", bibTypes[p.Kind], p.ID)
	put := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %s = {%s},\n", k, v)
		}
	}
	var authors, orcids []string
	for i, a := range wk.authors {
		authors = append(authors, bibName(a.name))
		if a.orcid != "" {
			orcids = append(orcids, fmt.Sprintf(`%d="%s"`, i+1, a.orcid))
		}
	}
	if p.EtAl {
		authors = append(authors, "others")
	}
	put("author", strings.Join(authors, " and "))
	put("author+an:orcid", strings.Join(orcids, "; "))
	put("title", protectTitle(p.Title))
	v := p.Venue
	switch p.Kind {
	case publication.KindJournalArticle:
		put("journal", escapeLaTeX(v.Name))
	case publication.KindConferencePaper, publication.KindWorkshopPaper, publication.KindChapter:
		put("booktitle", escapeLaTeX(v.Name))
	case publication.KindThesis:
		put("school", escapeLaTeX(v.Name))
	case publication.KindReport:
		put("institution", escapeLaTeX(v.Name))
	case publication.KindPreprint:
		if p.Identifiers.ArXiv == "" {
			put("howpublished", escapeLaTeX(v.Name))
		}
	default:
		if v.Name != "" {
			put("howpublished", escapeLaTeX(v.Name))
		}
	}
	put("series", escapeLaTeX(v.Series))
	put("volume", escapeLaTeX(v.Volume))
	put("number", escapeLaTeX(v.Issue))
	put("pages", escapeLaTeX(v.Pages))
	if !p.Date.IsZero() {
		// BibTeX's styles read year and month; biblatex's date, which
		// biber prefers to them, holds the day too.
		put("year", fmt.Sprint(p.Date.Year()))
		if m := p.Date.Month(); m > 0 {
			fmt.Fprintf(w, "  month = %s,\n", monthMacros[m-1])
		}
		if p.Date.Day() > 0 {
			put("date", p.Date.String())
		}
	}
	id := p.Identifiers
	put("doi", escapeLaTeX(string(id.DOI)))
	if id.ArXiv != "" {
		put("eprint", string(id.ArXiv))
		put("archiveprefix", "arXiv")
	} else if id.PMID != "" {
		put("eprint", string(id.PMID))
		put("eprinttype", "pubmed")
	}
	put("isbn", string(id.ISBN))
	put("issn", string(v.ISSN))
	url := p.URL
	if url == "" && id.OpenReview != "" {
		url = "https://openreview.net/forum?id=" + id.OpenReview
	}
	put("url", escapeURL(url))
	if id.DBLP != "" {
		put("biburl", escapeURL("https://dblp.org/rec/"+id.DBLP+".bib"))
	}
	put("keywords", escapeLaTeX(strings.Join(p.Keywords, ", ")))
	put("abstract", escapeLaTeX(p.Abstract))
	put("note", escapeLaTeX(versionNote(wk)))
	w.WriteString("}\n")
}
