package site

import (
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

// The views of this file are what templates see. Their strings are data,
// which html/template escapes; URLs in fields named Href or URL are either
// relative links the site makes or http(s) URLs (see httpURL).

// Page is what every page shows and says in its head.
type Page struct {
	Lang        string
	SiteTitle   string
	Title       string        // the page's title, its h1
	HeadTitle   string        // the title of the document: the page's and the site's, at most 70 characters
	Description string        // the meta description
	Canonical   string        // the page's absolute URL
	Root        string        // the relative URL of the index
	CSS         template.CSS  // the theme's style sheet, for a layout that inlines it
	Stylesheet  string        // the relative URL of style.css, which the default layout links to
	JSONLD      template.HTML // a <script type="application/ld+json"> element
	Alternates  []Alternate
	Meta        Metas // citation_* tags
}

// An Alternate is another document of the same data.
type Alternate struct{ Type, Href, Title string }

// A Meta is a <meta name content> tag.
type Meta struct{ Name, Content string }

// Metas are the meta tags of a page. A template may range over them, or
// write them all with HTML in one action.
type Metas []Meta

// HTML returns the tags, one per line after a newline each, their
// attributes escaped as html/template escapes them.
func (ms Metas) HTML() template.HTML {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("\n<meta name=\"")
		escapeHTML(&b, m.Name)
		b.WriteString(`" content="`)
		escapeHTML(&b, m.Content)
		b.WriteString(`">`)
	}
	return template.HTML(b.String())
}

// A Link is a labelled value, a link where URL is set.
type Link struct{ Label, Value, URL string }

// A Position is a position as the page shows it.
type Position struct{ Title, Org, When, Note string }

// An Education is a degree as the page shows it.
type Education struct {
	Degree, Org, When, Thesis string
	Advisors                  []string
}

// A Student is a supervision as the page shows it: Name is empty for an
// unnamed student, and Others says the part of each other supervisor, such
// as "Co-supervisor: not named".
type Student struct {
	Name, Href, Level, Institution, When, Thesis string
	Others                                       []string
}

// An Author is an author of a work, with the relative URL of their page
// where the site has one. The last of a byline that the source truncated
// ("and others") is EtAl, named "et al.": HTML and Names write it after the
// others without a comma.
type Author struct {
	Name, Href string
	EtAl       bool
}

// Authors are the authors of a work, in order. A template may range over
// them, or write them with HTML or Names: one action instead of several
// per author, which on a page that lists hundreds of works is most of the
// time it takes to render.
type Authors []Author

// HTML returns the authors' names separated by commas, each linked to
// their page where they have one, escaped as html/template escapes text
// and URLs.
func (as Authors) HTML() template.HTML {
	var b strings.Builder
	for i, a := range as {
		if a.EtAl {
			if i > 0 {
				b.WriteByte(' ')
			}
			escapeHTML(&b, a.Name)
			continue
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if a.Href == "" {
			escapeHTML(&b, a.Name)
			continue
		}
		b.WriteString(`<a href="`)
		escapeHTML(&b, normalizeURL(a.Href))
		b.WriteString(`">`)
		escapeHTML(&b, a.Name)
		b.WriteString("</a>")
	}
	return template.HTML(b.String())
}

// Names returns the authors' names separated by commas.
func (as Authors) Names() string {
	var b strings.Builder
	for i, a := range as {
		switch {
		case a.EtAl && i > 0:
			b.WriteByte(' ')
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(a.Name)
	}
	return b.String()
}

// htmlReplacer escapes text for HTML as html/template does, in text and
// in quoted attributes alike: + too, against UTF-7 sniffing, and NUL as
// U+FFFD.
var htmlReplacer = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

func escapeHTML(b *strings.Builder, s string) { htmlReplacer.WriteString(b, s) }

// normalizeURL makes a URL safe in an attribute as html/template does
// (its URL filter and normalizer): a URL whose scheme is not http, https
// or mailto becomes "#ZgotmplZ", and the bytes that are neither reserved
// nor unreserved in RFC 3986, quotes and parentheses included, are
// percent-encoded, except for existing escapes.
func normalizeURL(u string) string {
	if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(scheme, "/") {
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			return "#ZgotmplZ"
		}
	}
	const hex = "0123456789abcdef"
	var b []byte
	for i := 0; i < len(u); i++ {
		c := u[i]
		keep := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0 ||
			c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2])
		if keep {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(u)+8), u[:i]...)
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	if b == nil {
		return u
	}
	return string(b)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// A Work is a publication in a list.
type Work struct {
	Title, Href, Venue, Date string
	Authors                  Authors
}

// PersonPage is the view of a person's page.
type PersonPage struct {
	Page
	Name, Image                   string
	Current, Past                 []Position
	Topics, Biography             []string
	Identifiers, Links            []Link
	Education                     []Education
	CurrentStudents, PastStudents []Student
	Works                         []Work
	Created, Updated              string
	JSONLDHref, TurtleHref        string
}

// Venue is where a publication appeared.
type Venue struct {
	Label                                           string // "Journal", "Conference", …
	Name, Short, Series, Volume, Issue, Pages, ISSN string
	URL                                             string
}

// PublicationPage is the view of a publication's page.
type PublicationPage struct {
	Page
	Kind        string
	OtherTitles []string
	Authors     Authors
	Venue       Venue
	Date        string
	Abstract    []string
	Identifiers []Link
	Keywords    []string
	VersionOf   *Work
	Versions    []Work
}

// IndexPage is the view of the directory index.
type IndexPage struct {
	Page
	People []IndexEntry
}

// An IndexEntry is a person in the index.
type IndexEntry struct{ Name, Href, Title string }

func (s *Site) page(path, title, description string) Page {
	return Page{
		Lang: s.opts.Lang, SiteTitle: s.opts.Title, Title: title, HeadTitle: headTitle(title, s.opts.Title),
		Description: description, Canonical: s.base + path,
		Root: rel(path, ""), CSS: s.theme.css, Stylesheet: rel(path, "style.css"),
	}
}

func (wk *worker) personView(i int) (*PersonPage, error) {
	s := wk.s
	p := &s.d.People[i]
	e := s.people[i]
	v := &PersonPage{Name: p.Name.Display, Image: httpURL(p.Image)}
	for _, x := range p.Positions {
		pos := Position{Title: x.Title, Org: s.unitName(x.Organization, x.Department), When: period(x.Start, x.End, x.Current), Note: positionNote(x)}
		if x.Current {
			v.Current = append(v.Current, pos)
		} else {
			v.Past = append(v.Past, pos)
		}
	}
	for _, t := range p.Topics {
		v.Topics = append(v.Topics, t.Label)
	}
	v.Biography = paragraphs(p.Biography)
	v.Identifiers = links(p.Identifiers.List())
	if p.Homepage != "" {
		v.Links = append(v.Links, Link{Label: "Homepage", Value: display(p.Homepage), URL: httpURL(p.Homepage)})
	}
	for _, l := range p.Links {
		v.Links = append(v.Links, Link{Label: l.Name, Value: display(l.URL), URL: httpURL(l.URL)})
	}
	for _, x := range p.Education {
		ed := Education{Degree: x.Degree, Org: s.unitName(x.Organization, x.Department), When: period(x.Start, x.End, false), Thesis: x.Thesis}
		if x.Field != "" {
			ed.Degree += ", " + x.Field
		}
		for _, a := range x.Advisors {
			ed.Advisors = append(ed.Advisors, s.refName(a))
		}
		v.Education = append(v.Education, ed)
	}
	for _, x := range p.Supervisions {
		st := Student{Level: x.Level.String(), Institution: s.orgName(x.Institution), When: period(x.Start, x.End, x.Status == profile.StatusCurrent), Thesis: x.Thesis}
		if !x.Student.IsZero() {
			st.Name = s.refName(x.Student)
			st.Href = s.personHref(e.path, x.Student.Ref)
		}
		for _, o := range x.Others {
			name := "not named"
			if !o.Person.IsZero() {
				name = s.refName(o.Person)
			}
			st.Others = append(st.Others, roleLabel(o.Role)+": "+name)
		}
		if x.Status == profile.StatusCurrent {
			v.CurrentStudents = append(v.CurrentStudents, st)
		} else {
			v.PastStudents = append(v.PastStudents, st)
		}
	}
	for _, j := range s.pubsOf(p.ID) {
		v.Works = append(v.Works, s.work(e.path, j))
	}
	v.Created = string(cmpOr(p.Created, s.opts.Created))
	v.Updated = string(cmpOr(p.Updated, s.opts.Date))

	var desc string
	if len(v.Current) > 0 {
		desc = p.Name.Display + ": " + v.Current[0].Title + ", " + v.Current[0].Org + ". "
	}
	desc = truncate(desc+p.Biography, 160)
	if desc == "" {
		desc = "The profile of " + p.Name.Display + "."
	}
	v.Page = s.page(e.path, p.Name.Display, desc)
	script, err := wk.personJSONLD(i)
	if err != nil {
		return nil, err
	}
	v.JSONLD = script
	v.JSONLDHref = rel(e.path, s.besideURL(e, p.ID, ".jsonld"))
	v.TurtleHref = rel(e.path, s.besideURL(e, p.ID, ".ttl"))
	v.Alternates = []Alternate{
		{Type: "application/ld+json", Href: v.JSONLDHref, Title: "The data of this profile as JSON-LD"},
		{Type: "text/turtle", Href: v.TurtleHref, Title: "The data of this profile as Turtle"},
	}
	return v, nil
}

func cmpOr(a, b profile.Date) profile.Date {
	if a != "" {
		return a
	}
	return b
}

func (wk *worker) pubView(i int) (*PublicationPage, error) {
	s := wk.s
	p := &s.d.Publications[i]
	e := s.pubs[i]
	v := &PublicationPage{Kind: kindLabel(p.Kind), OtherTitles: p.OtherTitles, Date: string(p.Date), Keywords: p.Keywords}
	v.Authors = s.authorList(e.path, p)
	v.Abstract = paragraphs(p.Abstract)
	v.Identifiers = links(p.Identifiers.List())
	if p.URL != "" {
		v.Identifiers = append(v.Identifiers, Link{Label: "Landing page", Value: display(p.URL), URL: httpURL(p.URL)})
	}
	ven := p.Venue
	v.Venue = Venue{Label: venueLabel(ven.Kind), Name: ven.Name, Short: ven.Short, Series: ven.Series, Volume: ven.Volume,
		Issue: ven.Issue, Pages: ven.Pages, ISSN: string(ven.ISSN), URL: httpURL(ven.URL)}
	if p.VersionOf != "" {
		if j, ok := s.x.Publication(p.VersionOf); ok {
			w := s.work(e.path, j)
			v.VersionOf = &w
		}
	}
	for _, j := range s.x.Versions(p.ID) {
		v.Versions = append(v.Versions, s.work(e.path, j))
	}
	desc := p.Abstract
	if desc == "" {
		var names []string
		for _, a := range v.Authors {
			names = append(names, a.Name)
		}
		desc = p.Title + ", by " + strings.Join(names, ", ") + "."
	}
	v.Page = s.page(e.path, p.Title, truncate(desc, 160))
	v.Meta = s.scholarTags(p)
	script, err := wk.pubJSONLD(i)
	if err != nil {
		return nil, err
	}
	v.JSONLD = script
	return v, nil
}

func (s *Site) indexView() *IndexPage {
	v := &IndexPage{}
	for i := range s.d.People {
		p := &s.d.People[i]
		entry := IndexEntry{Name: p.Name.Display, Href: rel("", s.people[i].path)}
		for _, x := range p.Positions {
			if x.Current {
				entry.Title = x.Title + ", " + s.unitName(x.Organization, x.Department)
				break
			}
		}
		v.People = append(v.People, entry)
	}
	v.Page = s.page("", s.opts.Title, s.opts.Title+": the profiles of "+plural(len(s.d.People), "researcher")+" and their publications.")
	return v
}

// headTitle returns the title of a document: the page's and the site's, or
// the page's alone, or shortened, so that it stays within 70 characters, escaped.
func headTitle(page, site string) string {
	const most = 70 // html-validate counts the characters of the source, escaped
	if t := page + " · " + site; page != site && len(htmlReplacer.Replace(t)) <= most {
		return t
	}
	t := truncate(page, most)
	for n := most - 1; n > 1 && len(htmlReplacer.Replace(t)) > most; n-- {
		t = truncate(page, n)
	}
	return t
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return itoa(n) + " " + what + "s"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// work returns the i-th publication as a list item on the page at path.
func (s *Site) work(from string, i int) Work {
	p := &s.d.Publications[i]
	w := Work{Title: p.Title, Href: rel(from, s.pubs[i].path), Date: string(p.Date), Authors: s.authorList(from, p)}
	w.Venue = p.Venue.Short
	if w.Venue == "" {
		w.Venue = p.Venue.Name
	}
	return w
}

// authorList returns the named authors of p in order, linked from the
// page at path, and "et al." after them if the byline was truncated.
func (s *Site) authorList(from string, p *publication.Publication) Authors {
	var as Authors
	for _, a := range p.Authors {
		if a.IsZero() {
			continue
		}
		as = append(as, Author{Name: s.refName(a), Href: s.personHref(from, a.Ref)})
	}
	if p.EtAl {
		as = append(as, Author{Name: "et al.", EtAl: true})
	}
	return as
}

// personHref returns the relative URL of the page of the person with the
// given id, or "" if the site has none or it is the page at from.
func (s *Site) personHref(from, id string) string {
	if i, ok := s.x.Person(id); ok && id != "" && s.people[i].path != from {
		return rel(from, s.people[i].path)
	}
	return ""
}

// refName returns the name of a person referred to: a person of the
// dataset by their display name, anyone else by the name given.
func (s *Site) refName(r profile.PersonRef) string {
	if i, ok := s.x.Person(r.Ref); ok && r.Ref != "" {
		return s.d.People[i].Name.Display
	}
	return r.Name
}

// orgName returns the name of an organization and of its ancestors.
func (s *Site) orgName(id string) string {
	var names []string
	for n := 0; n < 16; n++ {
		i, ok := s.x.Organization(id)
		if !ok {
			break
		}
		o := &s.d.Organizations[i]
		names = append(names, o.Name)
		id = o.Parent
	}
	if len(names) == 0 {
		return id
	}
	return strings.Join(names, ", ")
}

func (s *Site) unitName(org, department string) string {
	if department != "" {
		return department + ", " + s.orgName(org)
	}
	return s.orgName(org)
}

func period(start, end profile.Date, current bool) string {
	switch {
	case start == "" && end == "":
		return ""
	case current && end == "":
		return string(start) + " – present"
	case start == "":
		return string(end)
	case end == "":
		return string(start) + " –"
	}
	return string(start) + " – " + string(end)
}

func positionNote(x profile.Position) string {
	var parts []string
	if x.City != "" {
		parts = append(parts, x.City)
	}
	if x.PartTime {
		parts = append(parts, "part time")
	}
	return strings.Join(parts, ", ")
}

func roleLabel(r profile.SupervisorRole) string {
	if r == profile.RolePrincipal {
		return "Principal supervisor"
	}
	return "Co-supervisor"
}

// paragraphs splits text at blank lines.
func paragraphs(text string) []string {
	var ps []string
	for p := range strings.SplitSeq(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	return ps
}

// truncate cuts text to at most n characters, at a word, with an ellipsis.
func truncate(text string, n int) string {
	// Only the first n+1 characters of the text with its white space
	// collapsed decide the result: an abstract of any length costs the
	// same.
	var b strings.Builder
	count := 0
	for w := range strings.FieldsSeq(text) {
		if count > n {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
			count++
		}
		b.WriteString(w)
		count += utf8.RuneCountInString(w)
	}
	text = b.String()
	if count <= n {
		return text
	}
	cut := 0 // the end of the first n-1 characters
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(text[cut:])
		cut += size
	}
	if k := strings.LastIndexByte(text[:cut], ' '); k > n/2 {
		return text[:k] + "…"
	}
	return text[:cut] + "…"
}

// display returns a URL as link text: without its scheme and final slash.
func display(u string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(s, "/")
}

// links returns identifiers as the page shows them: only an http(s) URL
// becomes a link.
func links(ids []profile.Identifier) []Link {
	var ls []Link
	for _, id := range ids {
		ls = append(ls, Link{Label: id.Label, Value: id.Value, URL: httpURL(id.URL)})
	}
	return ls
}

func kindLabel(k publication.Kind) string {
	switch k {
	case publication.KindJournalArticle:
		return "Journal article"
	case publication.KindConferencePaper:
		return "Conference paper"
	case publication.KindWorkshopPaper:
		return "Workshop paper"
	case publication.KindPreprint:
		return "Preprint"
	case publication.KindThesis:
		return "Thesis"
	case publication.KindBook:
		return "Book"
	case publication.KindChapter:
		return "Book chapter"
	case publication.KindReport:
		return "Report"
	case publication.KindDataset:
		return "Dataset"
	case publication.KindSoftware:
		return "Software"
	}
	return "Publication"
}

func venueLabel(k publication.VenueKind) string {
	switch k {
	case publication.VenueJournal:
		return "Journal"
	case publication.VenueConference:
		return "Conference"
	case publication.VenueWorkshop:
		return "Workshop"
	case publication.VenueRepository:
		return "Repository"
	case publication.VenueBookSeries:
		return "Book series"
	}
	return "Venue"
}
