package serve_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/serve"
)

const (
	personPath = "/people/ioannis-mitliagkas/"
)

// newSeedHandler returns a handler of the embedded example.
func newSeedHandler(t testing.TB) *serve.Handler {
	t.Helper()
	h, err := serve.New(func() (*dataset.Dataset, error) { return (&dataset.Loader{FS: seed.FS}).Load(".") }, serve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// get sends a request to h and returns the response, its body read.
func get(t testing.TB, h http.Handler, method, target string, header ...string) (*http.Response, []byte) {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

func TestSmoke(t *testing.T) {
	h := newSeedHandler(t)
	st := h.Status()
	t.Logf("%+v", st)
	res, body := get(t, h, "GET", personPath, "Accept", "text/turtle")
	t.Logf("%d %v\n%.300s", res.StatusCode, res.Header, body)
	_ = bytes.Compare
	_ = gzip.NewReader
	_ = strings.Contains
	_ = time.Now
}
