package biblio

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
)

// ErrLeftOut is wrapped by the warnings about what a bibliography holds
// that the model cannot, such as a BibTeX publisher field: the loader
// reads on and puts them in the dataset's Warnings.
var ErrLeftOut = errors.New("left out")

// ReadBibTeX reads a BibTeX file, its content data, called name in
// positions, into a dataset of publications, one per entry (a @proceedings
// entry that others name in crossref lends them its fields instead). It
// reads every entry it can: the errors of the others, and of values that
// do not validate (a malformed DOI), are a [source.ErrorList] of errors at
// file:line:column with the entry key and field as path, such as
// "refs.bib:12:3: smith2020.doi: …", returned with the dataset of the good
// entries. What the model cannot hold (a publisher, an editor, a note) is
// in the dataset's Warnings, each wrapping [ErrLeftOut].
//
// Authors are in the order of the author field. The keyword "others"
// ("and others") sets Publication.EtAl and is no author; a name with no
// letters (an empty item between two "and"s) is left out with a warning.
// Authors' ORCID iDs are read from a biblatex annotation
// (author+an:orcid = {1="0000-0002-1825-0097"}), from Web of Science's
// ORCID-Numbers field, matched to authors by name, and from a plain orcid
// field listing one iD per author in order; see [WriteBibTeX].
//
// Each publication's Origin is its entry: Path is the entry key and Pos
// the position of its @, so that a problem found later, such as a
// conflict in [dataset.Merge], is reported as
// "refs.bib:12:1: smith2020.authors: …".
//
// It reads what biber and pandoc read: % comments (outside entries and
// between fields), @comment, @preamble and text between entries. A second
// entry with the key of an earlier one (ignoring case) is a
// [*DuplicateError] and is not read. Text that is not UTF-8 (UTF-16, a NUL,
// Latin-1) is an error wrapping [ErrEncoding] at its place, with the entry
// key and how to convert the file. The expansions of @string macros count
// toward the limit of the file's size (256 MiB here; the loader's
// [dataset.Limits] when read through package dataset) and may add at most
// 8 bytes per byte of the file plus 256 KiB: the expansion that goes over
// is an error wrapping [source.ErrTooLarge] at the @string that defines
// it (or the field that uses it), and the rest of the file is not read.
// Time is linear in the file, and memory bounded by it.
func ReadBibTeX(name string, data []byte) (*dataset.Dataset, error) {
	return readBibTeX(name, data, defaultMaxFile)
}

// defaultMaxFile is the limit of the size of a file of
// [dataset.Limits]'s zero value.
const defaultMaxFile = 256 << 20

// readBibTeX is [ReadBibTeX] for a loader whose files are at most maxFile
// bytes: the expansions of @string macros count toward that limit (see
// [expansionBudget]).
func readBibTeX(name string, data []byte, maxFile int64) (*dataset.Dataset, error) {
	r := newBibReader(name, data)
	if err := utf16Problem(data); err != nil {
		r.errs.Add(r.lines.Pos(0), "", err)
		return nil, r.errs.Err()
	}
	entries, errs, warns := parseBibTeX(name, string(data), r.lines, expansionBudget(len(data), maxFile))
	r.d.Warnings, r.errs = warns, errs
	byKey := make(map[string]int)
	crossed := make(map[string]bool)
	for i, e := range entries {
		k := strings.ToLower(e.Key)
		if first, dup := byKey[k]; dup {
			r.errs.Add(r.pos(e.Off), e.Key, &DuplicateError{What: "entry with the key", Key: e.Key, First: r.pos(entries[first].Off)})
			continue
		}
		byKey[k] = i
		if f, ok := e.get("crossref"); ok {
			crossed[strings.ToLower(strings.TrimSpace(f.Value))] = true
		}
	}
	for i, e := range entries {
		if byKey[strings.ToLower(e.Key)] != i {
			continue
		}
		if e.Type == "proceedings" && crossed[strings.ToLower(e.Key)] {
			continue
		}
		if f, ok := e.get("crossref"); ok {
			j, ok := byKey[strings.ToLower(strings.TrimSpace(f.Value))]
			if !ok {
				r.errorf(f.Off, e.Key+".crossref", "no entry has the key %s: %w", excerpt(f.Value), source.ErrSyntax)
				continue
			}
			inherit(&e, entries[j])
		}
		r.convert(e)
	}
	r.errs.Sort()
	r.d.Warnings.Sort()
	return r.d, r.errs.Err()
}

// inherit gives e the fields of its crossref parent p that it lacks, the
// parent's title as booktitle, as BibTeX does. The ORCID iDs of the
// parent's authors are inherited only with its author list.
func inherit(e *entry, p entry) {
	_, hasAuthors := e.get("author")
	for _, f := range p.Fields {
		name := f.Name
		switch name {
		case "title":
			name = "booktitle"
		case "crossref", "key", "biburl", "bibsource", "timestamp":
			continue
		case fieldORCIDAnnotation, fieldWoSORCIDs, fieldORCIDList:
			if hasAuthors {
				continue
			}
		}
		if _, ok := e.get(name); !ok {
			f.Name = name
			f.Off = e.Off // what the child lacks is reported at the child
			e.Fields = append(e.Fields, f)
		}
	}
}

type bibReader struct {
	name  string
	data  []byte
	d     *dataset.Dataset
	errs  source.ErrorList
	ids   map[string]bool
	next  map[string]int // the next suffix to try for an id stem
	lines *source.Lines  // the positions of records, errors and warnings
	rec   struct {       // the record being read
		pos source.Pos
	}
	raw        []byte // the CSL item being read
	authorOffs []int  // the offsets in raw of its names, once found
}

func newBibReader(name string, data []byte) *bibReader {
	return &bibReader{name: name, data: data, d: new(dataset.Dataset), ids: make(map[string]bool),
		next: make(map[string]int), lines: source.NewLines(name, data)}
}

// startRecord notes that the record read next starts at offset off.
func (r *bibReader) startRecord(off int) {
	r.rec.pos = r.lines.Pos(off)
}

// pos returns the position of offset off.
func (r *bibReader) pos(off int) source.Pos {
	return r.lines.Pos(off)
}

func (r *bibReader) errorf(off int, path, format string, args ...any) {
	r.errs.Add(r.pos(off), path, fmt.Errorf(format, args...))
}

func (r *bibReader) warnf(off int, path, format string, args ...any) {
	r.d.Warnings.Add(r.pos(off), path, fmt.Errorf(format+": %w", append(args, ErrLeftOut)...))
}

// kinds maps entry types to kinds of publication; @misc and @online are
// decided by their fields.
var kinds = map[string]publication.Kind{
	"article": publication.KindJournalArticle, "inproceedings": publication.KindConferencePaper,
	"conference": publication.KindConferencePaper, "incollection": publication.KindChapter,
	"inbook": publication.KindChapter, "book": publication.KindBook, "proceedings": publication.KindBook,
	"phdthesis": publication.KindThesis, "mastersthesis": publication.KindThesis, "thesis": publication.KindThesis,
	"techreport": publication.KindReport, "report": publication.KindReport, "dataset": publication.KindDataset,
	"software": publication.KindSoftware, "misc": publication.KindOther, "online": publication.KindOther,
	"electronic": publication.KindOther, "www": publication.KindOther, "unpublished": publication.KindOther,
}

// bookkeeping are fields of tools' bookkeeping, left out with a warning like
// any other field the model has no place for; they are listed so that
// the warning can say so.
var bookkeeping = map[string]bool{
	"timestamp": true, "bibsource": true, "file": true, "urldate": true,
	"langid": true, "language": true, "shorttitle": true, "crossref": true, "owner": true,
}

var arxivURLRE = regexp.MustCompile(`^https?://arxiv\.org/abs/(.+?)(v\d+)?$`)

// convert converts one entry into a publication.
func (r *bibReader) convert(e entry) {
	r.startRecord(e.Off)
	path := func(f field) string { return e.Key + "." + f.Name }
	p := publication.Publication{ID: r.mintID(e.Key)}
	kind, known := kinds[e.Type]
	if !known {
		kind = publication.KindOther
		r.warnf(e.Off, e.Key, "@%s: scholarld has no such kind of publication: read as %q", e.Type, kind)
	}
	if e.Type == "mastersthesis" {
		r.warnf(e.Off, e.Key, "@%s: read as a thesis; scholarld holds no degree", e.Type)
	}
	if strings.HasPrefix(e.Key, "DBLP:") {
		p.Identifiers.DBLP = strings.TrimPrefix(e.Key, "DBLP:")
	}
	bad := false
	var names []listName
	var date struct{ year, month, day string }
	var yearOff int
	eprintType := ""
	for _, f := range e.Fields {
		v := toUnicode(f.Value, false)
		switch f.Name {
		case "url", "doi", "biburl":
			v = verbatim(f.Value) // "--" and "~" in a URL are not a dash and a space
		}
		switch f.Name {
		case "title":
			p.Title = v
		case "author":
			names = r.readAuthors(e.Key, f, &p)
		case fieldORCIDAnnotation, fieldWoSORCIDs, fieldORCIDList:
			// read below, once the authors are known
		case "journal", "journaltitle":
			p.Venue.Name, p.Venue.Kind = v, publication.VenueJournal
		case "booktitle":
			p.Venue.Name = v
			if e.Type == "inproceedings" || e.Type == "conference" {
				p.Venue.Kind = publication.VenueConference
				if strings.Contains(strings.ToLower(v), "workshop") {
					p.Venue.Kind, kind = publication.VenueWorkshop, publication.KindWorkshopPaper
				}
			}
		case "school", "institution":
			p.Venue.Name = v
		case "series":
			p.Venue.Series = v
		case "volume":
			p.Venue.Volume = v
		case "number", "issue":
			p.Venue.Issue = v
		case "pages":
			p.Venue.Pages = v
		case "year":
			date.year, yearOff = v, f.Off
		case "month":
			date.month = v
		case "day":
			date.day = v
		case "date":
			d, err := profile.ParseDate(v)
			if err != nil {
				r.errorf(f.Off, path(f), "%w", err)
				bad = true
				continue
			}
			p.Date = d
		case "abstract":
			p.Abstract = v
		case "keywords":
			for _, k := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }) {
				if k = strings.TrimSpace(k); k != "" {
					p.Keywords = append(p.Keywords, k)
				}
			}
		case "doi":
			v = strings.TrimPrefix(strings.TrimPrefix(v, "https://doi.org/"), "http://dx.doi.org/")
			parseInto(r, f.Off, path(f), v, publication.ParseDOI, &p.Identifiers.DOI)
		case "isbn":
			parseInto(r, f.Off, path(f), v, publication.ParseISBN, &p.Identifiers.ISBN)
		case "issn":
			first, rest, _ := strings.Cut(v, ",")
			parseInto(r, f.Off, path(f), strings.TrimSpace(first), publication.ParseISSN, &p.Venue.ISSN)
			if rest != "" {
				r.warnf(f.Off, path(f), "scholarld holds one ISSN: %s kept, %s left out", excerpt(strings.TrimSpace(first)), excerpt(strings.TrimSpace(rest)))
			}
		case "pmid":
			parseInto(r, f.Off, path(f), v, publication.ParsePMID, &p.Identifiers.PMID)
		case "archiveprefix", "eprinttype":
			eprintType = strings.ToLower(v)
		case "eprint":
			// read below, once its type is known
		case "biburl":
			if key, ok := strings.CutPrefix(v, "https://dblp.org/rec/"); ok {
				p.Identifiers.DBLP = strings.TrimSuffix(key, ".bib")
				continue
			}
			r.warnf(f.Off, path(f), "biburl: a reference manager's own field")
		case "url":
			if id, ok := strings.CutPrefix(v, "https://openreview.net/forum?id="); ok && id != "" {
				p.Identifiers.OpenReview = id
				continue
			}
			if u, err := url.Parse(v); err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
				r.errorf(f.Off, path(f), "%s is not an absolute http or https URL: %w", excerpt(v), publication.ErrMalformed)
				continue
			}
			p.URL = v
		default:
			why := "scholarld has no place for it"
			if bookkeeping[f.Name] {
				why = "a reference manager's own field"
			}
			r.warnf(f.Off, path(f), "%s: %s", f.Name, why)
		}
	}
	r.readORCIDs(e, names, &p)
	if f, ok := e.get("eprint"); ok {
		v := toUnicode(f.Value, false)
		switch {
		case eprintType == "arxiv" || eprintType == "" && arxivLike(v):
			parseInto(r, f.Off, path(f), strings.TrimPrefix(strings.TrimPrefix(v, "arXiv:"), "arxiv:"), publication.ParseArXiv, &p.Identifiers.ArXiv)
		case eprintType == "pubmed":
			parseInto(r, f.Off, path(f), v, publication.ParsePMID, &p.Identifiers.PMID)
		default:
			r.warnf(f.Off, path(f), "an eprint of type %s: scholarld has no place for it", excerpt(eprintType))
		}
	}
	if p.Identifiers.ArXiv == "" {
		// DBLP writes arXiv preprints as @article in CoRR with the id in
		// volume "abs/2402.05271"; Google Scholar names arXiv in journal.
		if m := arxivURLRE.FindStringSubmatch(p.URL); m != nil {
			if id, err := publication.ParseArXiv(m[1]); err == nil {
				p.Identifiers.ArXiv = id
			}
		} else if id, ok := strings.CutPrefix(p.Venue.Volume, "abs/"); ok && arxivLike(id) {
			if id, err := publication.ParseArXiv(id); err == nil {
				p.Identifiers.ArXiv = id
			}
		}
	}
	if p.Identifiers.ArXiv != "" && (kind == publication.KindOther || isArXivVenue(p.Venue.Name)) {
		kind = publication.KindPreprint
		p.Venue = publication.Venue{Name: "arXiv", Kind: publication.VenueRepository}
	}
	p.Kind = kind
	if date.year != "" {
		d, err := bibDate(date.year, date.month, date.day)
		if err != nil {
			r.errorf(yearOff, e.Key+".year", "%w", err)
			bad = true
		} else if p.Date == "" {
			p.Date = d
		}
	}
	if p.Title == "" {
		r.errorf(e.Off, e.Key, "no title: %w", ErrMissing)
		bad = true
	}
	if len(p.Authors) == 0 {
		r.errorf(e.Off, e.Key, "no author: %w", ErrMissing)
		bad = true
	}
	if bad {
		return
	}
	p.Origin = r.origin(e.Key)
	r.d.Publications = append(r.d.Publications, p)
}

// origin returns the Origin of the record being read, the next
// publication, at path: the entry key, or the CSL item's id.
func (r *bibReader) origin(path string) source.Origin {
	return source.Origin{Path: path, Pos: r.rec.pos, Index: len(r.d.Publications)}
}

// ErrMissing is wrapped by the errors about an entry without a field the
// model requires: a title, an author.
var ErrMissing = errors.New("missing field")

// isArXivVenue reports whether a venue name is arXiv's, as Google Scholar
// and DBLP write it.
func isArXivVenue(s string) bool {
	s = strings.ToLower(s)
	return s == "corr" || strings.HasPrefix(s, "arxiv")
}

var arxivIDRE = regexp.MustCompile(`^(arXiv:)?(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$`)

func arxivLike(s string) bool { return arxivIDRE.MatchString(s) }

// bibDate makes a date of BibTeX's year, month and day fields. The month
// is a number (as the month macros expand) or a month's name.
func bibDate(year, month, day string) (profile.Date, error) {
	if _, err := strconv.Atoi(year); err != nil || len(year) != 4 {
		return "", fmt.Errorf("year %s: want four digits: %w", excerpt(year), profile.ErrMalformed)
	}
	s := year
	if month != "" {
		m, err := strconv.Atoi(month)
		if err != nil {
			m = monthByName(month)
		}
		if m < 1 || m > 12 {
			return "", fmt.Errorf("month %s: want 1 to 12 or a month's name: %w", excerpt(month), profile.ErrMalformed)
		}
		s += fmt.Sprintf("-%02d", m)
		if day != "" {
			d, err := strconv.Atoi(day)
			if err != nil {
				return "", fmt.Errorf("day %s: want a number: %w", excerpt(day), profile.ErrMalformed)
			}
			s += fmt.Sprintf("-%02d", d)
		}
	}
	return profile.ParseDate(s)
}

func monthByName(s string) int {
	s = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if len(s) < 3 {
		return 0
	}
	if m, ok := months[s[:3]]; ok {
		n, _ := strconv.Atoi(m)
		return n
	}
	return 0
}

// parseInto parses s into *dst, or reports why it cannot at the offset
// and path of the value: the identifiers of BibTeX fields and CSL
// variables alike.
func parseInto[T any](r *bibReader, off int, path, s string, parse func(string) (T, error), dst *T) {
	v, err := parse(s)
	if err != nil {
		r.errorf(off, path, "%w", err)
		return
	}
	*dst = v
}
