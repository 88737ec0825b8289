package synth

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// WriteOpenAlex writes the publications of the institute described by c
// (c.Publications works by its c.People people) to w as OpenAlex works in
// JSON Lines, one work a line, as an OpenAlex snapshot's partition holds
// them: authorships in byline order with author_position, the people's
// ORCID iDs and institutions with ROR ids, a primary location with its
// source, an abstract_inverted_index, and the bulk a real work carries
// and the importer leaves out (concepts, referenced works, counts by
// year). It returns the number of works written. The input of the
// streaming measures of docs/scale.md: `go run ./examples/gen -openalex
// FILE.jsonl.gz`.
func WriteOpenAlex(w io.Writer, c Config) (int, error) {
	if c.People < 1 || c.Publications < 0 {
		return 0, errors.New("synth: need at least one person and no negative number of publications")
	}
	g := &generator{r: rand.New(rand.NewPCG(c.Seed, c.Seed^0x5eed))}
	g.organizations(c.People)
	g.makePeople(c.People)
	bw := bufio.NewWriterSize(w, 256<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range c.Publications {
		if err := enc.Encode(g.openAlexWork(i)); err != nil {
			return i, err
		}
	}
	return c.Publications, bw.Flush()
}

// The members of an OpenAlex work that WriteOpenAlex writes, in OpenAlex's
// order.
type (
	oaWork struct {
		ID              string             `json:"id"`
		DOI             *string            `json:"doi"`
		Title           string             `json:"title"`
		DisplayName     string             `json:"display_name"`
		PublicationYear int                `json:"publication_year"`
		PublicationDate string             `json:"publication_date"`
		IDs             map[string]string  `json:"ids"`
		Language        string             `json:"language"`
		PrimaryLocation oaLocation         `json:"primary_location"`
		Type            string             `json:"type"`
		TypeCrossref    string             `json:"type_crossref"`
		Authorships     []oaAuthorship     `json:"authorships"`
		CitedByCount    int                `json:"cited_by_count"`
		Biblio          map[string]*string `json:"biblio"`
		IsRetracted     bool               `json:"is_retracted"`
		Concepts        []oaConcept        `json:"concepts"`
		Locations       []oaLocation       `json:"locations"`
		ReferencedWorks []string           `json:"referenced_works"`
		Abstract        map[string][]int   `json:"abstract_inverted_index"`
		CountsByYear    []map[string]int   `json:"counts_by_year"`
		UpdatedDate     string             `json:"updated_date"`
		CreatedDate     string             `json:"created_date"`
	}
	oaLocation struct {
		IsOA           bool      `json:"is_oa"`
		LandingPageURL string    `json:"landing_page_url"`
		PDFURL         *string   `json:"pdf_url"`
		Source         *oaSource `json:"source"`
		Version        string    `json:"version"`
	}
	oaSource struct {
		ID          string `json:"id"`
		DisplayName string `json:"display_name"`
		Type        string `json:"type"`
	}
	oaAuthorship struct {
		AuthorPosition string          `json:"author_position"`
		Author         oaAuthor        `json:"author"`
		Institutions   []oaInstitution `json:"institutions"`
		Countries      []string        `json:"countries"`
		IsCorresp      bool            `json:"is_corresponding"`
		RawAuthorName  string          `json:"raw_author_name"`
	}
	oaAuthor struct {
		ID          string  `json:"id"`
		DisplayName string  `json:"display_name"`
		ORCID       *string `json:"orcid"`
	}
	oaInstitution struct {
		ID          string `json:"id"`
		DisplayName string `json:"display_name"`
		ROR         string `json:"ror"`
		CountryCode string `json:"country_code"`
		Type        string `json:"type"`
	}
	oaConcept struct {
		ID          string  `json:"id"`
		Wikidata    string  `json:"wikidata"`
		DisplayName string  `json:"display_name"`
		Level       int     `json:"level"`
		Score       float64 `json:"score"`
	}
)

// openAlexWork makes the i-th work: 2 to 15 authors, one to three of them
// people of the institute (with their ORCID iDs), the others by name.
func (g *generator) openAlexWork(i int) oaWork {
	year := 2010 + g.r.IntN(16)
	date := fmt.Sprintf("%d-%02d-%02d", year, 1+g.r.IntN(12), 1+g.r.IntN(28))
	v := venues[g.r.IntN(len(venues))]
	typ := map[string]string{"conference": "article", "journal": "article", "workshop": "article", "repository": "preprint"}[v.kind]
	title := g.title()
	w := oaWork{
		ID:              fmt.Sprintf("https://openalex.org/W%d", 4000000000+i),
		Title:           title,
		DisplayName:     title,
		PublicationYear: year,
		PublicationDate: date,
		Language:        "en",
		Type:            typ,
		TypeCrossref:    map[string]string{"article": "journal-article", "preprint": "posted-content"}[typ],
		CitedByCount:    g.r.IntN(300),
		UpdatedDate:     "2026-11-30T08:00:00.000000",
		CreatedDate:     fmt.Sprintf("%d-%s", year, date[5:]),
	}
	w.IDs = map[string]string{"openalex": w.ID}
	landing := fmt.Sprintf("https://example.org/works/%d", i)
	if g.r.IntN(5) < 3 {
		doi := fmt.Sprintf("https://doi.org/10.5555/sld.oa-%d", i)
		w.DOI, landing = &doi, doi
		w.IDs["doi"] = doi
	}
	src := &oaSource{ID: fmt.Sprintf("https://openalex.org/S%d", 100000+len(v.name)*7919%100000), DisplayName: v.name, Type: map[bool]string{true: "repository", false: "journal"}[v.kind == "repository"]}
	w.PrimaryLocation = oaLocation{LandingPageURL: landing, Source: src, Version: "publishedVersion"}
	w.Locations = []oaLocation{w.PrimaryLocation}
	if g.r.IntN(3) == 0 {
		pdf := landing + ".pdf"
		w.Locations = append(w.Locations, oaLocation{IsOA: true, LandingPageURL: landing + "/oa", PDFURL: &pdf, Version: "acceptedVersion"})
	}
	vol, first, last := fmt.Sprint(year-1999), fmt.Sprint(1+g.r.IntN(900)), fmt.Sprint(1000+g.r.IntN(900))
	w.Biblio = map[string]*string{"volume": &vol, "issue": nil, "first_page": &first, "last_page": &last}

	n := 2 + g.r.IntN(14)
	refs := 1 + g.r.IntN(min(3, n))
	for k := range n {
		a := oaAuthorship{Countries: []string{}}
		if k < refs {
			pi := g.r.IntN(len(g.people))
			p := g.people[pi]
			orcid := "https://orcid.org/" + p.orcid
			a.Author = oaAuthor{ID: fmt.Sprintf("https://openalex.org/A%d", 5000000000+pi), DisplayName: p.given + " " + p.family, ORCID: &orcid}
			o := g.orgs[p.org]
			for o.parent != "" && o.ror == "" {
				o = g.orgs[g.orgIndex(o.parent)]
			}
			if o.ror != "" {
				c := cities[o.city]
				a.Institutions = []oaInstitution{{ID: fmt.Sprintf("https://openalex.org/I%d", 4000000+p.org), DisplayName: o.name, ROR: "https://ror.org/" + o.ror, CountryCode: c.country, Type: map[string]string{"university": "education", "institute": "facility", "company": "company"}[o.kind]}}
				a.Countries = []string{c.country}
			}
		} else {
			a.Author = oaAuthor{ID: fmt.Sprintf("https://openalex.org/A%d", 5100000000+g.r.IntN(100000000)), DisplayName: g.pick(givenNames) + " " + g.pick(familyNames)}
			if g.r.IntN(5) == 0 {
				orcid := "https://orcid.org/" + g.orcid()
				a.Author.ORCID = &orcid
			}
		}
		if a.Institutions == nil {
			a.Institutions = []oaInstitution{}
		}
		a.RawAuthorName = a.Author.DisplayName
		w.Authorships = append(w.Authorships, a)
	}
	g.r.Shuffle(len(w.Authorships), func(i, j int) { w.Authorships[i], w.Authorships[j] = w.Authorships[j], w.Authorships[i] })
	for k := range w.Authorships {
		w.Authorships[k].AuthorPosition = "middle"
	}
	w.Authorships[0].AuthorPosition, w.Authorships[len(w.Authorships)-1].AuthorPosition = "first", "last"
	w.Authorships[0].IsCorresp = true

	for range 3 + g.r.IntN(5) {
		t := g.pick(topics)
		w.Concepts = append(w.Concepts, oaConcept{ID: fmt.Sprintf("https://openalex.org/C%d", 100000+len(t)*131%90000), Wikidata: fmt.Sprintf("https://www.wikidata.org/wiki/Q%d", 1000+len(t)*977), DisplayName: t, Level: g.r.IntN(4), Score: float64(g.r.IntN(1000)) / 1000})
	}
	for range 10 + g.r.IntN(40) {
		w.ReferencedWorks = append(w.ReferencedWorks, fmt.Sprintf("https://openalex.org/W%d", 1000000000+g.r.IntN(3000000000)))
	}
	w.Abstract = map[string][]int{}
	for k, word := range strings.Fields(g.words(100 + g.r.IntN(151))) {
		w.Abstract[word] = append(w.Abstract[word], k)
	}
	for y := year; y <= min(year+4, 2026); y++ {
		w.CountsByYear = append(w.CountsByYear, map[string]int{"year": y, "cited_by_count": g.r.IntN(40)})
	}
	return w
}

// orgIndex returns the index of the organization with the id.
func (g *generator) orgIndex(id string) int {
	for i, o := range g.orgs {
		if o.id == id {
			return i
		}
	}
	return 0
}
