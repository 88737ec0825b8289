package serve_test

import (
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scholarld/scholarld/serve"
)

// TestStatusViews checks what the status endpoint tells each client after
// a failed reload: everyone sees that it failed, since when, and how many
// problems; only a direct loopback client (or any, with DetailsAlways)
// sees the problems, and the public view holds no path and no value.
func TestStatusViews(t *testing.T) {
	paths := seedDir(t, "")
	dir := filepath.Dir(paths[0])
	handlers := map[serve.StatusDetails]*serve.Handler{}
	for _, d := range []serve.StatusDetails{serve.DetailsLoopback, serve.DetailsNever, serve.DetailsAlways} {
		h, err := serve.New(loadPaths(paths), serve.Options{StatusDetails: d})
		if err != nil {
			t.Fatal(err)
		}
		handlers[d] = h
	}
	writeVersion(t, paths[0], "[invalid]", true)
	firstFailure := map[serve.StatusDetails]time.Time{}
	for round := range 2 { // the second failure keeps the time of the first
		for _, h := range handlers {
			if err := h.Reload(); err == nil {
				t.Fatal("Reload of invalid data succeeded")
			}
		}
		if round == 0 {
			for d, h := range handlers {
				firstFailure[d] = h.Status().FailedSince
			}
		}
	}

	status := func(h *serve.Handler, remote string, header ...string) (serve.Status, string) {
		t.Helper()
		r := httptest.NewRequest("GET", serve.StatusPath, nil)
		r.RemoteAddr = remote
		for i := 0; i+1 < len(header); i += 2 {
			r.Header.Set(header[i], header[i+1])
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		var st serve.Status
		if err := json.Unmarshal(w.Body.Bytes(), &st); err != nil {
			t.Fatalf("status of %s: %v\n%s", remote, err, w.Body)
		}
		return st, w.Body.String()
	}
	for _, tc := range []struct {
		name    string
		details serve.StatusDetails
		remote  string
		header  []string
		detail  bool
	}{
		{"public client", serve.DetailsLoopback, "203.0.113.7:40000", nil, false},
		{"loopback v4", serve.DetailsLoopback, "127.0.0.1:40000", nil, true},
		{"loopback v6", serve.DetailsLoopback, "[::1]:40000", nil, true},
		{"forwarded by a local proxy", serve.DetailsLoopback, "127.0.0.1:40000", []string{"X-Forwarded-For", "203.0.113.7"}, false},
		{"Forwarded header", serve.DetailsLoopback, "127.0.0.1:40000", []string{"Forwarded", "for=203.0.113.7"}, false},
		{"never, loopback", serve.DetailsNever, "127.0.0.1:40000", nil, false},
		{"always, public", serve.DetailsAlways, "203.0.113.7:40000", nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, body := status(handlers[tc.details], tc.remote, tc.header...)
			if st.OK || st.Problems == 0 || st.Generation != 1 || st.People != 1 {
				t.Errorf("status = %+v, want failed, problems counted, generation 1 still served", st)
			}
			first := firstFailure[tc.details]
			if want := "failed, since " + first.UTC().Format(time.RFC3339); st.State != want || !st.FailedSince.Equal(first) {
				t.Errorf("state %q, failed since %v; want %q", st.State, st.FailedSince, want)
			}
			if !tc.detail {
				for _, leak := range []string{dir, personFile, "2026-13-45", "updated"} {
					if strings.Contains(body, leak) {
						t.Errorf("the public status shows %q:\n%s", leak, body)
					}
				}
				if len(st.Errors) != 0 {
					t.Errorf("the public status lists errors %q", st.Errors)
				}
				return
			}
			if len(st.Errors) != st.Problems || !strings.Contains(strings.Join(st.Errors, "\n"), personFile+":18:") {
				t.Errorf("the detailed status lists %q, want %d problems with the position %s:18", st.Errors, st.Problems, personFile)
			}
		})
	}

	writeVersion(t, paths[0], "[v2]", false)
	h := handlers[serve.DetailsLoopback]
	if err := h.Reload(); err != nil {
		t.Fatal(err)
	}
	if st, _ := status(h, "203.0.113.7:40000"); !st.OK || st.State != "ok" || st.Problems != 0 || !st.FailedSince.IsZero() || st.Generation != 2 {
		t.Errorf("after a good reload: status %+v, want ok, no problems", st)
	}
}
