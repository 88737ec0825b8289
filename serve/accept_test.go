package serve

import "testing"

func TestParseQ(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"1", 1000}, {"1.0", 1000}, {"1.000", 1000}, {"0", 0}, {"0.5", 500}, {"0.05", 50}, {"0.001", 1},
		{"0.123", 123}, {"1.001", 0}, {"2", 0}, {"0.1234", 0}, {"", 0}, {"abc", 0}, {".5", 0}, {"0.x", 0}, {"-1", 0},
	} {
		if got := parseQ(tc.in); got != tc.want {
			t.Errorf("parseQ(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestNegotiate(t *testing.T) {
	t.Parallel()
	offers := [][]string{{"text/html"}, {"application/ld+json", "application/json"}, {"text/turtle", "application/x-turtle"}, {"application/n-triples"}}
	for _, tc := range []struct {
		accept string
		want   int
	}{
		{"", 0},
		{"  ", 0},
		{"*/*", 0},
		{"text/turtle", 2},
		{"TEXT/Turtle", 2},
		{"text/turtle;q=0.5, application/ld+json;q=0.9", 1},
		{"application/x-turtle", 2},
		{"application/json", 1},
		{"text/*", 0},
		{"application/*", 1},
		{"text/html;q=0, */*", 1},
		{"*/*;q=0", -1},
		{"image/png", -1},
		{"text/turtle;q=0, text/*", 0},
		{"text/turtle;q=abc, application/n-triples;q=0.2", 3},
		{"garbage, ,;;, /, text/", 0}, // nothing well formed: anything goes
		{"text/turtle;charset=utf-8;q=0.7, application/ld+json;q=0.6", 2},
		{"text/html;q=0.1, text/turtle;q=0.1", 0}, // a tie: the server's order
		{"*/*;q=0.1, application/n-triples", 3},
		{"text/html;level=1;q=0.5, */*;q=0.9", 1},
	} {
		if got := negotiate(tc.accept, offers); got != tc.want {
			t.Errorf("negotiate(%q) = %d, want %d", tc.accept, got, tc.want)
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", false}, {"gzip", true}, {"gzip, deflate, br, zstd", true}, {"br", false}, {"*", true},
		{"gzip;q=0", false}, {"gzip;q=0, *", false}, {"*, gzip;q=0", false}, {"*;q=0", false},
		{"deflate;q=1, gzip;q=0.5", true}, {"gzip;foo=bar;q=0", false}, {"gzip;q=0.5;foo=bar", true}, {"GZIP", true}, {"x-gzip", true}, {"identity", false},
	} {
		if got := acceptsGzip(tc.in); got != tc.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestCleanPath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		path, raw string
		want      bool
	}{
		{"/", "", true},
		{"/people/ada/", "", true},
		{"/people/../etc/passwd", "", false},
		{"/..", "", false},
		{"/people/./ada/", "", false},
		{"/people/ada/..", "", false},
		{"/people/ada%2F..", "/people/ada%2F..", false},
		{"/people/ada/x", "/people%2fada%2Fx", false},
		{"/people\\..\\x", "", false},
		{"//etc/passwd", "", false},
		{"/a\x00b", "", false},
		{"people/", "", false},
		{"/..foo/", "", true}, // a name, not a segment ".."
	} {
		if got := cleanPath(tc.path, tc.raw); got != tc.want {
			t.Errorf("cleanPath(%q, %q) = %v, want %v", tc.path, tc.raw, got, tc.want)
		}
	}
}

// FuzzNegotiate checks that any Accept header gives an offer or none,
// without panicking, and parses into a bounded list of ranges with weights
// between 0 and 1.
func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"", "*/*", "text/turtle;q=0.5, application/ld+json;q=0.9", "text/*;q=0", ";;,,/", "a/b;q=1.0001", "*/x"} {
		f.Add(s)
	}
	offers := [][]string{{"text/html"}, {"application/ld+json", "application/json"}, {"text/turtle"}}
	f.Fuzz(func(t *testing.T, accept string) {
		i := negotiate(accept, offers)
		if i < -1 || i >= len(offers) {
			t.Fatalf("negotiate(%q) = %d, out of range", accept, i)
		}
		ranges, ok := parseAccept(accept)
		if len(ranges) > maxRanges || ok != (len(ranges) > 0) {
			t.Fatalf("parseAccept(%q): %d ranges, %v", accept, len(ranges), ok)
		}
		for _, r := range ranges {
			if r.q < 0 || r.q > 1000 {
				t.Fatalf("parseAccept(%q): weight %d", accept, r.q)
			}
		}
	})
}
