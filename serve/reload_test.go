package serve_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/serve"
)

const personFile = "ioannis-mitliagkas.yaml"

// seedDir writes the example into a new directory, with the person's
// biography starting with mark, and returns the paths of its files.
func seedDir(t testing.TB, mark string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{personFile, "organizations.yaml", "publications.yaml"} {
		data, err := seed.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o666); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	if mark != "" {
		writeVersion(t, paths[0], mark, false)
	}
	return paths
}

// writeVersion replaces the person's file, in one step (a rename), with a
// version whose biography starts with mark; an invalid one has a date
// that does not exist.
func writeVersion(t testing.TB, path, mark string, invalid bool) {
	t.Helper()
	data, err := seed.FS.ReadFile(personFile)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "Ioannis Mitliagkas is an associate professor", mark+" Ioannis Mitliagkas is an associate professor", 1)
	if invalid {
		s = strings.Replace(s, "updated: 2026-11-28", "updated: 2026-13-45", 1)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(s), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func loadPaths(paths []string) func() (*dataset.Dataset, error) {
	return func() (*dataset.Dataset, error) { return dataset.Load(paths...) }
}

// A request of the load, and the bodies each version gives it.
type probe struct {
	accept, encoding string
}

var probes = []probe{
	{"text/html", ""},
	{"text/turtle", "gzip"},
	{"application/ld+json", ""},
	{acceptRapper, ""},
}

// versionBodies returns, for each probe, the ETag and body that a handler
// of the example marked mark gives it.
func versionBodies(t testing.TB, mark string) (tags []string, bodies [][]byte) {
	t.Helper()
	h, err := serve.New(loadPaths(seedDir(t, mark)), serve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probes {
		res, body := get(t, h, "GET", personPath, "Accept", p.accept, "Accept-Encoding", p.encoding)
		tags = append(tags, res.Header.Get("ETag"))
		bodies = append(bodies, body)
	}
	return tags, bodies
}

// TestReloadUnderLoad changes the data three times, valid, invalid and
// valid again, under a steady load of requests, and checks that every
// response is whole and of one version, never of the invalid one, and
// that no client ever goes back to an older version.
func TestReloadUnderLoad(t *testing.T) {
	marks := []string{"", "[v2]", "[v3]"}
	type version struct {
		tags   []string
		bodies [][]byte
	}
	var versions []version
	for _, m := range marks {
		tags, bodies := versionBodies(t, m)
		versions = append(versions, version{tags, bodies})
	}

	paths := seedDir(t, "")
	h, err := serve.New(loadPaths(paths), serve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go h.Watch(ctx, 5*time.Millisecond, paths...)

	const clients = 8
	var (
		stop     atomic.Bool
		requests atomic.Int64
		wg       sync.WaitGroup
		mu       sync.Mutex
		failures []string
		seen     [3]atomic.Int64
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(failures) < 20 {
			failures = append(failures, fmt.Sprintf(format, args...))
		}
	}
	for c := range clients {
		wg.Go(func() {
			client := &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 1}}
			defer client.CloseIdleConnections()
			newest := 0
			for i := 0; !stop.Load(); i++ {
				pi := (c + i) % len(probes)
				p := probes[pi]
				req, _ := http.NewRequest("GET", srv.URL+personPath, nil)
				req.Header.Set("Accept", p.accept)
				if p.encoding != "" {
					req.Header.Set("Accept-Encoding", p.encoding)
				}
				res, err := client.Do(req)
				if err != nil {
					fail("client %d: %v", c, err)
					return
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				requests.Add(1)
				if err != nil || res.StatusCode != http.StatusOK {
					fail("client %d: status %d, %v", c, res.StatusCode, err)
					continue
				}
				tag, v := res.Header.Get("ETag"), -1
				for j := range versions {
					if versions[j].tags[pi] == tag {
						v = j
					}
				}
				switch {
				case v < 0:
					fail("client %d, %s: ETag %s of no valid version", c, p.accept, tag)
				case !bytes.Equal(body, versions[v].bodies[pi]):
					fail("client %d, %s: a body of %d bytes that is not version %d's (%d bytes)", c, p.accept, len(body), v+1, len(versions[v].bodies[pi]))
				case v < newest:
					fail("client %d: version %d after version %d", c, v+1, newest+1)
				default:
					newest = v
					seen[v].Add(1)
				}
				if p.encoding == "gzip" && v >= 0 {
					if zr, err := gzip.NewReader(bytes.NewReader(body)); err != nil {
						fail("client %d: bad gzip: %v", c, err)
					} else if _, err := io.Copy(io.Discard, zr); err != nil {
						fail("client %d: bad gzip: %v", c, err)
					}
				}
			}
		})
	}

	waitFor := func(what string, ok func(serve.Status) bool) serve.Status {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if st := h.Status(); ok(st) {
				return st
			}
			time.Sleep(5 * time.Millisecond)
		}
		stop.Store(true)
		wg.Wait()
		t.Fatalf("timed out waiting for %s; status %+v", what, h.Status())
		return serve.Status{}
	}
	pause := func() { time.Sleep(300 * time.Millisecond) } // load on one version

	pause()
	writeVersion(t, paths[0], "[v2]", false)
	waitFor("version 2", func(st serve.Status) bool { return st.Generation == 2 })
	pause()
	before := h.Status().LastAttempt
	writeVersion(t, paths[0], "[invalid]", true)
	st := waitFor("the invalid version to be refused", func(st serve.Status) bool { return st.LastAttempt.After(before) })
	if st.OK || st.Generation != 2 {
		t.Errorf("after the invalid version: status %+v, want not OK, generation 2", st)
	}
	if len(st.Errors) == 0 || !regexp.MustCompile(regexp.QuoteMeta(personFile)+`:18:\d+: `).MatchString(st.Errors[0]) {
		t.Errorf("status errors %q, want the position of the bad date, %s:18", st.Errors, personFile)
	}
	pause()
	writeVersion(t, paths[0], "[v3]", false)
	waitFor("version 3", func(st serve.Status) bool { return st.Generation == 3 && st.OK })
	pause()
	stop.Store(true)
	wg.Wait()

	for _, f := range failures {
		t.Error(f)
	}
	t.Logf("%d requests: %d of version 1, %d of version 2, %d of version 3", requests.Load(), seen[0].Load(), seen[1].Load(), seen[2].Load())
	for v := range seen {
		if seen[v].Load() == 0 {
			t.Errorf("no response of version %d", v+1)
		}
	}
}
