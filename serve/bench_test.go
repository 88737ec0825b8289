package serve_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkServe measures the handler's own cost per request, without the
// network, for a person's page in three representations, beside
// http.FileServer serving the same bytes from disk. bench/serve measures
// both over loopback with vegeta.
func BenchmarkServe(b *testing.B) {
	h := newSeedHandler(b)
	dir := b.TempDir()
	for _, v := range []struct{ name, accept, file string }{
		{"html", acceptChrome, "index.html"},
		{"jsonld", "application/ld+json", "p.jsonld"},
		{"ttl", "text/turtle", "p.ttl"},
	} {
		res, body := get(b, h, "GET", personPath, "Accept", v.accept)
		if res.StatusCode != 200 {
			b.Fatal(res.Status)
		}
		path := filepath.Join(dir, "people", "p", v.file)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, body, 0o644); err != nil {
			b.Fatal(err)
		}
		fs, target := http.FileServer(http.Dir(dir)), "/people/p/"+v.file
		if v.file == "index.html" {
			target = "/people/p/" // FileServer redirects index.html to its directory
		}
		for _, s := range []struct {
			name, target string
			h            http.Handler
		}{
			{"serve", personPath, h},
			{"FileServer", target, fs},
		} {
			b.Run(v.name+"/"+s.name, func(b *testing.B) {
				r := httptest.NewRequest("GET", s.target, nil)
				r.Header.Set("Accept", v.accept)
				b.SetBytes(int64(len(body)))
				b.ReportAllocs()
				for b.Loop() {
					w := httptest.NewRecorder()
					s.h.ServeHTTP(w, r)
					if w.Code != 200 {
						b.Fatal(w.Code)
					}
				}
			})
		}
	}
}
