package validate_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// problem is what a test expects of one reported error.
type problem struct {
	Pos  string // "file:line:col"
	Path string
	Err  error // a sentinel the error wraps
}

// sentinels are the errors a problem may name, most specific first.
var sentinels = []error{
	profile.ErrChecksum, profile.ErrMalformed, publication.ErrChecksum, publication.ErrMalformed,
	validate.ErrRequired, validate.ErrReference, validate.ErrDuplicate, validate.ErrDateOrder,
	validate.ErrCycle, validate.ErrPrincipal, validate.ErrNonCanonic, validate.ErrSelf, validate.ErrInvalid,
	validate.ErrUnassignedORCID, validate.ErrEndedButCurrent,
	source.ErrUnknownField, source.ErrDuplicateKey, source.ErrType, source.ErrSyntax,
}

func problems(t *testing.T, err error) []problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var list source.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T) is not a source.ErrorList", err, err)
	}
	var ps []problem
	for _, e := range list {
		p := problem{Pos: e.Pos.String(), Path: e.Path, Err: e.Err}
		for _, s := range sentinels {
			if errors.Is(e, s) {
				p.Err = s
				break
			}
		}
		ps = append(ps, p)
	}
	return ps
}

var sameError = cmp.Comparer(func(a, b error) bool { return a == b })

func TestValidDataset(t *testing.T) {
	t.Parallel()
	d, err := validate.Check(dataset.Load("testdata/ada.yaml"))
	if err != nil {
		t.Fatalf("Load(ada.yaml): %v", err)
	}
	// Loading canonicalizes identifiers written as URLs or with prefixes.
	ada := d.People[0]
	if got, want := ada.Identifiers.ORCID, profile.ORCID("0000-0002-1825-0097"); got != want {
		t.Errorf("ORCID = %q, want %q", got, want)
	}
	if got, want := d.Organizations[0].ROR, profile.ROR("0161xgx34"); got != want {
		t.Errorf("ROR = %q, want %q", got, want)
	}
	if got, want := d.Publications[0].Identifiers.DOI, publication.DOI("10.1234/notes.1843"); got != want {
		t.Errorf("DOI = %q, want %q", got, want)
	}
	if got, want := d.Publications[0].Identifiers.ISBN, publication.ISBN("9780306406157"); got != want {
		t.Errorf("ISBN = %q, want %q", got, want)
	}
	if got := validate.Warnings(d, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)); len(got) != 0 {
		t.Errorf("Warnings = %v, want none", got)
	}
}

// TestErrors feeds broken documents and checks that every problem is
// reported at once, at its place.
func TestErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []problem
	}{
		{
			name: "required fields",
			in: `people:
  - name: {given: Ada}
organizations:
  - id: x
publications:
  - id: p
`,
			want: []problem{
				{"f.yaml:2:5", "people[0].id", validate.ErrRequired},
				{"f.yaml:2:11", "people[0].name.display", validate.ErrRequired},
				{"f.yaml:4:5", "organizations[0].kind", validate.ErrRequired},
				{"f.yaml:4:5", "organizations[0].name", validate.ErrRequired},
				{"f.yaml:6:5", "publications[0].authors", validate.ErrRequired},
				{"f.yaml:6:5", "publications[0].kind", validate.ErrRequired},
				{"f.yaml:6:5", "publications[0].title", validate.ErrRequired},
			},
		},
		{
			name: "page paths that servers and file systems read otherwise",
			in: `people:
  - {id: a, name: {display: A}, page_url: "https://e.org/people/%2e%2e/admin/"}
  - {id: b, name: {display: B}, page_url: "https://e.org/people/a%2Fb/"}
  - {id: c, name: {display: C}, page_url: "https://e.org/people/c%00/"}
  - {id: d, name: {display: D}, page_url: "https://e.org/people/../d/"}
  - {id: e, name: {display: E}, page_url: "https://e.org/people/caf%C3%A9/?x=%2F#%2e%2e"}
`,
			want: []problem{
				{"f.yaml:2:43", "people[0].page_url", validate.ErrInvalid},
				{"f.yaml:3:43", "people[1].page_url", validate.ErrInvalid},
				{"f.yaml:4:43", "people[2].page_url", validate.ErrInvalid},
				{"f.yaml:5:43", "people[3].page_url", validate.ErrInvalid},
			},
		},
		{
			name: "identifiers",
			in: `people:
  - id: a
    name: {display: A}
    identifiers:
      orcid: 0000-0002-1825-0096
      wikidata: P31
      google_scholar: short
      dblp: "not a pid"
      semantic_scholar: abc
      openreview: Ada
      scopus: "12"
      researcher_id: 1234
organizations:
  - {id: o, name: O, kind: other, ror: 0161xgx35}
publications:
  - id: p
    title: T
    kind: preprint
    authors: [{name: A, orcid: 0000-0002-1825-009X}]
    venue: {name: V, issn: 0317-8472}
    identifiers: {doi: "10.1234", arxiv: "2402.5271", isbn: 978-0-306-40615-6, pmid: "0123", openreview: "a b", dblp: "x"}
`,
			want: []problem{
				{"f.yaml:5:14", "people[0].identifiers.orcid", profile.ErrChecksum},
				{"f.yaml:6:17", "people[0].identifiers.wikidata", profile.ErrMalformed},
				{"f.yaml:7:23", "people[0].identifiers.google_scholar", validate.ErrInvalid},
				{"f.yaml:8:13", "people[0].identifiers.dblp", validate.ErrInvalid},
				{"f.yaml:9:25", "people[0].identifiers.semantic_scholar", validate.ErrInvalid},
				{"f.yaml:10:19", "people[0].identifiers.openreview", validate.ErrInvalid},
				{"f.yaml:11:15", "people[0].identifiers.scopus", validate.ErrInvalid},
				{"f.yaml:12:22", "people[0].identifiers.researcher_id", validate.ErrInvalid},
				{"f.yaml:14:40", "organizations[0].ror", profile.ErrChecksum},
				{"f.yaml:19:32", "publications[0].authors[0].orcid", profile.ErrChecksum},
				{"f.yaml:20:28", "publications[0].venue.issn", publication.ErrChecksum},
				{"f.yaml:21:24", "publications[0].identifiers.doi", publication.ErrMalformed},
				{"f.yaml:21:42", "publications[0].identifiers.arxiv", publication.ErrMalformed},
				{"f.yaml:21:61", "publications[0].identifiers.isbn", publication.ErrChecksum},
				{"f.yaml:21:86", "publications[0].identifiers.pmid", publication.ErrMalformed},
				{"f.yaml:21:106", "publications[0].identifiers.openreview", validate.ErrInvalid},
				{"f.yaml:21:119", "publications[0].identifiers.dblp", validate.ErrInvalid},
			},
		},
		{
			name: "shapes",
			in: `people:
  - id: Ada Lovelace
    name: {display: "A\u0007da"}
    homepage: "javascript:alert(1)"
    image: /relative.png
    emails: [not-an-email]
    links: [{url: "https://exa mple.org"}]
    topics: [{label: ""}]
    positions: [{organization: o, kind: job}]
    supervisions: [{level: doctorate, role: boss, status: ongoing}]
organizations:
  - {id: o, name: O, kind: lab, location: {country: Canada}}
publications:
  - {id: p, title: T, kind: poster, authors: [A], venue: {name: V, kind: blog}, keywords: [""]}
`,
			want: []problem{
				{"f.yaml:2:9", "people[0].id", validate.ErrInvalid},
				{"f.yaml:3:21", "people[0].name.display", validate.ErrInvalid},
				{"f.yaml:4:15", "people[0].homepage", validate.ErrInvalid},
				{"f.yaml:5:12", "people[0].image", validate.ErrInvalid},
				{"f.yaml:6:14", "people[0].emails[0]", validate.ErrInvalid},
				{"f.yaml:7:19", "people[0].links[0].url", validate.ErrInvalid},
				{"f.yaml:8:22", "people[0].topics[0].label", validate.ErrRequired},
				{"f.yaml:9:41", "people[0].positions[0].kind", validate.ErrInvalid},
				{"f.yaml:10:28", "people[0].supervisions[0].level", validate.ErrInvalid},
				{"f.yaml:10:45", "people[0].supervisions[0].role", validate.ErrInvalid},
				{"f.yaml:10:59", "people[0].supervisions[0].status", validate.ErrInvalid},
				{"f.yaml:12:28", "organizations[0].kind", validate.ErrInvalid},
				{"f.yaml:12:53", "organizations[0].location.country", validate.ErrInvalid},
				{"f.yaml:14:29", "publications[0].kind", validate.ErrInvalid},
				{"f.yaml:14:74", "publications[0].venue.kind", validate.ErrInvalid},
				{"f.yaml:14:92", "publications[0].keywords[0]", validate.ErrRequired},
			},
		},
		{
			name: "dates",
			in: `people:
  - id: a
    name: {display: A}
    updated: 2026-02-30
    positions:
      - {organization: o, kind: employment, start: 2017-13, end: "2016"}
      - {organization: o, kind: employment, start: "2019", end: 2018-05}
      - {organization: o, kind: employment, start: 2018-05, end: "2018"}
    education: [{organization: o, degree: PhD, start: "2015", end: 17}]
    awards: [{name: X, date: 2023-02-29}]
organizations:
  - {id: o, name: O, kind: other}
publications:
  - {id: p, title: T, kind: preprint, authors: [A], date: 2024-1-5}
`,
			want: []problem{
				{"f.yaml:4:14", "people[0].updated", profile.ErrMalformed},
				{"f.yaml:6:52", "people[0].positions[0].start", profile.ErrMalformed},
				{"f.yaml:7:65", "people[0].positions[1].end", validate.ErrDateOrder},
				{"f.yaml:9:68", "people[0].education[0].end", profile.ErrMalformed},
				{"f.yaml:10:30", "people[0].awards[0].date", profile.ErrMalformed},
				{"f.yaml:14:59", "publications[0].date", profile.ErrMalformed},
			},
		},
		{
			name: "references",
			in: `people:
  - id: a
    name: {display: A}
    positions: [{organization: nowhere, kind: employment}]
    education: [{organization: o, degree: PhD, advisors: [{ref: nobody}]}]
    supervisions:
      - {student: {ref: a}, level: phd, role: principal, status: current, institution: elsewhere}
      - {student: {ref: ghost}, level: phd, role: principal, status: current, others: [{role: co-supervisor, person: {ref: phantom}}]}
    awards: [{name: X, organization: nope}]
  - id: a
    name: {display: A again}
organizations:
  - {id: o, name: O, kind: other, parent: missing}
  - {id: u, name: U, kind: university, parent: d}
  - {id: d, name: D, kind: department, parent: u}
publications:
  - {id: p, title: T, kind: preprint, authors: [{ref: nemo}], version_of: q}
  - {id: r, title: R, kind: preprint, authors: [A], version_of: r}
`,
			want: []problem{
				{"f.yaml:4:32", "people[0].positions[0].organization", validate.ErrReference},
				{"f.yaml:5:65", "people[0].education[0].advisors[0].ref", validate.ErrReference},
				{"f.yaml:7:25", "people[0].supervisions[0].student.ref", validate.ErrSelf}, // a supervises a
				{"f.yaml:7:88", "people[0].supervisions[0].institution", validate.ErrReference},
				{"f.yaml:8:25", "people[0].supervisions[1].student.ref", validate.ErrReference},
				{"f.yaml:8:124", "people[0].supervisions[1].others[0].person.ref", validate.ErrReference},
				{"f.yaml:9:38", "people[0].awards[0].organization", validate.ErrReference},
				{"f.yaml:10:9", "people[1].id", validate.ErrDuplicate},
				{"f.yaml:13:43", "organizations[0].parent", validate.ErrReference},
				{"f.yaml:14:48", "organizations[1].parent", validate.ErrCycle},
				{"f.yaml:15:48", "organizations[2].parent", validate.ErrCycle},
				{"f.yaml:17:55", "publications[0].authors[0].ref", validate.ErrReference},
				{"f.yaml:17:75", "publications[0].version_of", validate.ErrReference},
				{"f.yaml:18:65", "publications[1].version_of", validate.ErrCycle},
			},
		},
		{
			name: "supervisors and duplicates",
			in: `people:
  - id: a
    name: {display: A}
    supervisions:
      - {level: phd, role: co-supervisor, status: current}
      - {level: phd, role: principal, status: current, others: [{role: principal}]}
      - {level: phd, role: co-supervisor, status: current, others: [{role: principal}, {role: co-supervisor}]}
publications:
  - {id: p1, title: T, kind: preprint, authors: [A], identifiers: {doi: 10.1234/ABC, arxiv: "2402.05271"}}
  - {id: p2, title: T, kind: preprint, authors: [A], identifiers: {doi: 10.1234/abc}}
  - {id: p3, title: T, kind: preprint, authors: [A], identifiers: {arxiv: 2402.05271v2}}
  - {id: p4, title: T, kind: preprint, authors: [A], identifiers: {arxiv: 2402.05271v1}, version_of: p1}
  - {id: p5, title: T, kind: preprint, authors: [A], identifiers: {arxiv: 2402.05271v1}, version_of: p1}
`,
			want: []problem{
				{"f.yaml:5:28", "people[0].supervisions[0].role", validate.ErrPrincipal},
				{"f.yaml:6:28", "people[0].supervisions[1].role", validate.ErrPrincipal},
				{"f.yaml:10:73", "publications[1].identifiers.doi", validate.ErrDuplicate},
				{"f.yaml:11:75", "publications[2].identifiers.arxiv", validate.ErrDuplicate},
				{"f.yaml:13:75", "publications[4].identifiers.arxiv", validate.ErrDuplicate},
			},
		},
		{
			name: "decoding and validation together",
			in: `people:
  - id: a
    name: {display: A, nickname: X}
    positions: [{organization: o, kind: employment, start: [2017]}]
    emails: not-a-list
`,
			want: []problem{
				{"f.yaml:3:24", "people[0].name.nickname", source.ErrUnknownField},
				{"f.yaml:4:32", "people[0].positions[0].organization", validate.ErrReference},
				{"f.yaml:4:60", "people[0].positions[0].start", source.ErrType},
				{"f.yaml:5:13", "people[0].emails", source.ErrType},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "f.yaml"), []byte(tc.in), 0o666); err != nil {
				t.Fatal(err)
			}
			_, err := validate.Check(dataset.Load(filepath.Join(dir, "f.yaml")))
			got := problems(t, err)
			for i := range got {
				got[i].Pos = strings.TrimPrefix(got[i].Pos, dir+string(filepath.Separator))
			}
			if diff := cmp.Diff(tc.want, got, sameError); diff != "" {
				t.Errorf("problems (-want +got):\n%s\nall errors:\n%v", diff, err)
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	t.Parallel()
	d, err := dataset.Decode("w.yaml", strings.NewReader(`people:
  - id: a
    name: {display: A}
    identifiers: {orcid: 0000-0000-0000-0001}
    positions:
      - {organization: o, kind: employment, start: "2010", end: "2020", current: true}
      - {organization: o, kind: employment, start: "2010", end: "2030", current: true}
    supervisions:
      - {level: phd, role: principal, status: current, end: 2025-06}
organizations:
  - {id: o, name: O, kind: other}
`))
	if err != nil {
		t.Fatal(err)
	}
	if err := validate.Dataset(d); err != nil {
		t.Fatalf("Dataset: %v", err)
	}
	got := problems(t, validate.Warnings(d, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)).Err())
	want := []problem{
		{"w.yaml:4:26", "people[0].identifiers.orcid", validate.ErrUnassignedORCID},
		{"w.yaml:6:65", "people[0].positions[0].end", validate.ErrEndedButCurrent},
		{"w.yaml:9:61", "people[0].supervisions[0].end", validate.ErrEndedButCurrent},
	}
	if diff := cmp.Diff(want, got, sameError); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

// TestBuiltInGo checks data built in Go, without files: paths are dataset
// paths, positions are empty, and identifiers must be canonical.
func TestBuiltInGo(t *testing.T) {
	t.Parallel()
	d := &dataset.Dataset{
		People: []profile.Person{{
			ID:          "a",
			Name:        profile.Name{Display: "A"},
			Identifiers: profile.PersonIdentifiers{ORCID: "https://orcid.org/0000-0002-1825-0097"},
		}},
	}
	want := []problem{{"-", "People[0].Identifiers.ORCID", validate.ErrNonCanonic}}
	if diff := cmp.Diff(want, problems(t, validate.Dataset(d)), sameError); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
