package orcid

import (
	"testing"

	"github.com/scholarld/scholarld/profile"
)

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"Université de Montréal", 6, "universite-de-montreal"},
		{"Mila - Quebec Artificial Intelligence Institute", 6, "mila-quebec-artificial-intelligence-institute"},
		{"Feature learning as alignment: a structural property of gradient descent", 8, "feature-learning-as-alignment-a-structural-property-of"},
		{"Łódź Straße Æsir", 6, "lodz-strasse-aesir"},
		{"  --  ", 6, ""},
		{"日本語", 6, ""},
	}
	for _, tc := range tests {
		if got := slug(tc.in, tc.max); got != tc.want {
			t.Errorf("slug(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
	taken := newIDs()
	for _, want := range []string{"a", "a-2", "a-3"} {
		if got := taken.mint("a", "x"); got != want {
			t.Errorf("mint(a) = %q, want %q", got, want)
		}
	}
	if got := taken.mint("", "x"); got != "x" {
		t.Errorf("mint(\"\", x) = %q, want x", got)
	}
}

// TestMintLinear checks that minting n ids from one base looks at O(n)
// candidates: a bulk of 20,000 works with one title took 64 s when each
// mint probed every suffix from -2 on.
func TestMintLinear(t *testing.T) {
	t.Parallel()
	const n = 20_000
	x := newIDs()
	x.mint("t-5", "") // a taken id in the way of the sequence
	x.tries = 0
	seen := make(map[string]bool)
	for range n {
		id := x.mint("t", "work")
		if seen[id] {
			t.Fatalf("minted %q twice", id)
		}
		seen[id] = true
	}
	if x.tries > 2*n+1 {
		t.Errorf("minting %d ids from one base looked at %d candidates, want at most %d", n, x.tries, 2*n+1)
	}
}

func TestDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     FuzzyDate
		want   profile.Date
		wantOK bool
	}{
		{FuzzyDate{Year: "2017", Month: "09"}, "2017-09", true},
		{FuzzyDate{Year: "2017", Month: "9", Day: "3"}, "2017-09-03", true},
		{FuzzyDate{Year: " 1948\n", Month: "02", Day: "02"}, "1948-02-02", true},
		{FuzzyDate{Year: "2023", Month: "02", Day: "29"}, "2023-02", false},
		{FuzzyDate{Year: "2023", Month: "13"}, "2023", false},
		{FuzzyDate{Year: "2023", Day: "13"}, "2023", false},
		{FuzzyDate{Year: "soon"}, "", false},
		{FuzzyDate{}, "", true},
	}
	for _, tc := range tests {
		got, ok := date(&tc.in)
		if got != tc.want || ok != tc.wantOK {
			t.Errorf("date(%+v) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.wantOK)
		}
	}
	for d, want := range map[profile.Date]bool{"2017-09-03": true, "1899": false, "2101-01": false, "": true} {
		fd, ok := fuzzyDate(d)
		if ok != want {
			t.Errorf("fuzzyDate(%q) ok = %v, want %v", d, ok, want)
		}
		if ok && d != "" {
			if back, _ := date(fd); back != d {
				t.Errorf("date(fuzzyDate(%q)) = %q", d, back)
			}
		}
	}
}

func TestPositionKind(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s         orcidSection
		title     string
		hasEnd    bool
		want      profile.PositionKind
		wantAward bool
	}{
		{employments, "Postdoctoral Scholar", true, profile.PositionPostdoc, false},
		{employments, "Post-doc", false, profile.PositionPostdoc, false},
		{employments, "Associate Professor", false, profile.PositionEmployment, false},
		{invitedPositions, "Visiting Professor", true, profile.PositionVisiting, false},
		{invitedPositions, "Guest Lecturer", true, profile.PositionInvited, false},
		{distinctions, "Canada CIFAR AI Chair", true, profile.PositionChair, false},
		{distinctions, "Fellowship", true, profile.PositionDistinction, false},
		{distinctions, "Best Paper Award", false, "", true},
		{memberships, "Member", false, profile.PositionMembership, false},
		{services, "Reviewer", false, profile.PositionService, false},
	}
	for _, tc := range tests {
		got, award := positionKind(tc.s, tc.title, tc.hasEnd)
		if got != tc.want || award != tc.wantAward {
			t.Errorf("positionKind(%v, %q, %v) = %q, %v; want %q, %v", tc.s, tc.title, tc.hasEnd, got, award, tc.want, tc.wantAward)
		}
		if !award && sectionOf(got) != tc.s {
			t.Errorf("sectionOf(%q) = %v, want %v", got, sectionOf(got), tc.s)
		}
	}
}

func TestSiteID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url, site, id string
	}{
		{"https://scholar.google.com/citations?user=K757SxgAAAAJ&hl=en", "Google Scholar", "K757SxgAAAAJ"},
		{"https://dblp.org/pid/37/8466.html", "dblp", "37/8466"},
		{"https://dblp.org/pid/37/8466", "dblp", "37/8466"},
		{"https://www.semanticscholar.org/author/Ioannis-Mitliagkas/2587290", "Semantic Scholar", "2587290"},
		{"https://openreview.net/profile?id=~Jane_Doe1", "OpenReview", "~Jane_Doe1"},
		{"https://example.org/~jane", "", ""},
	}
	for _, tc := range tests {
		i, id := siteID(tc.url)
		site := ""
		if i >= 0 {
			site = profileSites[i].name
		}
		if site != tc.site || id != tc.id {
			t.Errorf("siteID(%q) = %q %q, want %q %q", tc.url, site, id, tc.site, tc.id)
		}
	}
}

func TestClean(t *testing.T) {
	t.Parallel()
	if got, want := text("  a\r\nb\x00c\rd  "), "a\nbc\nd"; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if got, want := line(" Work\n\t # 1 "), "Work # 1"; got != want {
		t.Errorf("line = %q, want %q", got, want)
	}
	for in, want := range map[string]string{"https://a.org/x": "https://a.org/x", " http://a.org ": "http://a.org", "javascript:x": "", "https://a.org/<x>": "", "https://u@a.org": "", "a.org": ""} {
		if got := httpURL(in); got != want {
			t.Errorf("httpURL(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"ca": "CA", "GB": "GB", "XX": "", "A ": "", "ABC": "", "D A": ""} {
		if got := country(in); got != want {
			t.Errorf("country(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{"user1@email.com": true, "a.b+c@x.example.ac.uk": true, "a@b": false, "a..b@x.org": false, "@x.org": false} {
		if got := emailRE.MatchString(in); got != want {
			t.Errorf("email %q = %v, want %v", in, got, want)
		}
	}
}

func TestNaturalCompare(t *testing.T) {
	t.Parallel()
	l := Loss{{Path: "publications[10].kind"}, {Path: "organizations[2]"}, {Path: "people[0].supervisions[10]"}, {Path: "people[0].supervisions[9]"}, {Path: "publications[2].venue"}, {Path: "publications"}}
	l.sortByPath()
	want := []string{"people[0].supervisions[9]", "people[0].supervisions[10]", "organizations[2]", "publications", "publications[2].venue", "publications[10].kind"}
	for i, x := range l {
		if x.Path != want[i] {
			t.Errorf("sorted[%d] = %s, want %s", i, x.Path, want[i])
		}
	}
}
