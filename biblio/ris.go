package biblio

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/publication"
)

// risTypes are the RIS reference types of the kinds of publication.
var risTypes = map[publication.Kind]string{
	publication.KindJournalArticle: "JOUR", publication.KindConferencePaper: "CPAPER",
	publication.KindWorkshopPaper: "CPAPER", publication.KindPreprint: "UNPB",
	publication.KindThesis: "THES", publication.KindBook: "BOOK", publication.KindChapter: "CHAP",
	publication.KindReport: "RPRT", publication.KindDataset: "DATA", publication.KindSoftware: "COMP",
	publication.KindOther: "GEN",
}

// WriteRIS writes the bibliography of d as RIS, one reference per work
// (the works of [WriteBibTeX], versions named in N1), lines ending in
// CRLF as the RIS specification has them. Authors are AU lines in byline
// order, "Last, First, Jr". The RIS specification (Research Information
// Systems, 2011) has no tag for a person's identifier and no mark for an
// author list that goes on: authors' ORCID iDs are not written, and a
// truncated byline (Publication.EtAl) is written as the names it has,
// with no "et al." line, which readers would take for an author's name.
// Errors are those of w.
func WriteRIS(w io.Writer, d *dataset.Dataset) error {
	bw := bufio.NewWriter(w)
	for _, wk := range works(d) {
		p := wk.p
		put := func(tag, v string) {
			v = strings.Join(strings.Fields(v), " ") // one line
			if v != "" {
				fmt.Fprintf(bw, "%s  - %s\r\n", tag, v)
			}
		}
		put("TY", risTypes[p.Kind])
		put("ID", p.ID)
		for _, a := range wk.authors {
			n := a.name
			s := strings.Join(nonEmpty(n.Von, n.Last), " ")
			if n.First != "" || n.Jr != "" {
				s += ", " + n.First
			}
			if n.Jr != "" {
				s += ", " + n.Jr
			}
			put("AU", s)
		}
		put("TI", p.Title)
		if !(p.Kind == publication.KindPreprint && p.Identifiers.ArXiv != "") {
			put("T2", p.Venue.Name)
		}
		put("J2", p.Venue.Short)
		put("T3", p.Venue.Series)
		if !p.Date.IsZero() {
			put("PY", fmt.Sprint(p.Date.Year()))
			da := fmt.Sprintf("%04d/", p.Date.Year())
			if m := p.Date.Month(); m > 0 {
				da += fmt.Sprintf("%02d/", m)
				if dd := p.Date.Day(); dd > 0 {
					da += fmt.Sprintf("%02d/", dd)
				} else {
					da += "/"
				}
			} else {
				da += "//"
			}
			put("DA", da)
		}
		put("VL", p.Venue.Volume)
		put("IS", p.Venue.Issue)
		if sp, ep, ok := strings.Cut(p.Venue.Pages, "–"); ok {
			put("SP", sp)
			put("EP", ep)
		} else {
			put("SP", p.Venue.Pages)
		}
		put("SN", string(p.Venue.ISSN))
		put("SN", string(p.Identifiers.ISBN))
		put("DO", string(p.Identifiers.DOI))
		if p.Identifiers.ArXiv != "" {
			if p.Kind == publication.KindPreprint {
				put("PB", "arXiv")
			}
			put("M1", "arXiv:"+string(p.Identifiers.ArXiv))
		}
		put("AN", string(p.Identifiers.PMID))
		url := p.URL
		if url == "" && p.Identifiers.ArXiv != "" {
			url = "https://arxiv.org/abs/" + string(p.Identifiers.ArXiv)
		}
		put("UR", url)
		for _, k := range p.Keywords {
			put("KW", k)
		}
		put("AB", p.Abstract)
		put("N1", versionNote(wk))
		fmt.Fprint(bw, "ER  - \r\n\r\n")
	}
	return bw.Flush()
}
