package serve_test

import (
	"bytes"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/piprate/json-gold/ld"

	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/ldtest"
	"github.com/scholarld/scholarld/internal/tool"
	"github.com/scholarld/scholarld/site"
)

// needRapper returns the path of raptor's rapper (see package tool).
func needRapper(t *testing.T) string {
	t.Helper()
	return tool.Need(t, "", "raptor2-utils", "rapper")
}

// TestRapper has raptor fetch pages from a running server, choosing the
// syntax by content negotiation as a linked-data client does, and checks
// that it reads the graph of the library's own documents: a person's
// export.WritePerson document, the JSON-LD a publication's page holds, the
// dump of export.Write for the directory.
func TestRapper(t *testing.T) {
	rapper := needRapper(t)
	srv := httptest.NewServer(newSeedHandler(t))
	t.Cleanup(srv.Close)

	d, err := seed.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.New(d, site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	nt, err := export.Lookup("nt")
	if err != nil {
		t.Fatal(err)
	}
	var person, dump bytes.Buffer
	if _, err := export.WritePerson(&person, nt, d, "ioannis-mitliagkas", s.ExportOptions()); err != nil {
		t.Fatal(err)
	}
	if _, err := export.Write(&dump, nt, d, s.ExportOptions()); err != nil {
		t.Fatal(err)
	}
	_, page := get(t, newSeedHandler(t), "GET", pubPath, "Accept", "text/html")

	for _, tc := range []struct {
		name, path string
		want       string // canonical N-Quads
	}{
		{"person", personPath, ldtest.Canonical(t, nquads(t, person.String()))},
		{"publication", pubPath, ldtest.Canonical(t, ldtest.Dataset(t, []byte(scriptJSON(t, page))))},
		{"directory", "/", ldtest.Canonical(t, nquads(t, dump.String()))},
	} {
		for _, query := range []string{"", "?format=nt", "?format=ttl"} {
			t.Run(tc.name+query, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				cmd := exec.Command(rapper, "-i", "guess", "-o", "ntriples", srv.URL+tc.path+query)
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				if err := cmd.Run(); err != nil {
					t.Fatalf("rapper: %v\n%s", err, stderr.String())
				}
				if bytes.Contains(stderr.Bytes(), []byte("Warning")) || bytes.Contains(stderr.Bytes(), []byte("Error")) {
					t.Errorf("rapper complains:\n%s", stderr.String())
				}
				got := ldtest.Canonical(t, nquads(t, stdout.String()))
				if n := strings.Count(got, "\n"); n < 10 {
					t.Fatalf("rapper reads only %d statements:\n%s", n, stderr.String())
				}
				if diff := cmp.Diff(tc.want, got); diff != "" {
					t.Errorf("rapper reads another graph (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// nquads parses N-Triples.
func nquads(t testing.TB, nt string) *ld.RDFDataset {
	t.Helper()
	ds, err := ld.ParseNQuads(nt)
	if err != nil {
		t.Fatalf("json-gold cannot parse N-Triples: %v", err)
	}
	return ds
}

var scriptRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">\n?(.*?)</script>`)

// scriptJSON returns the JSON-LD of the script element of a page.
func scriptJSON(t testing.TB, page []byte) string {
	t.Helper()
	m := scriptRE.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no JSON-LD script element in the page: %.200s", page)
	}
	return string(m[1])
}
