package api

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// hangServer accepts connections and, for each, calls serve with it; it
// returns the base URL of the API. Connections are closed and serve's
// goroutines released (done is closed) at cleanup.
func hangServer(t *testing.T, serve func(c net.Conn, done <-chan struct{})) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() { close(done); ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				serve(c, done)
			}()
		}
	}()
	return "http://" + ln.Addr().String() + "/v3.0/"
}

// readRequest reads a request's head from c, so that the client's write
// completes.
func readRequest(c net.Conn) {
	http.ReadRequest(bufio.NewReader(c))
}

// drip writes data a byte at a time to c, one byte a millisecond, then
// keeps writing spaces until done or the client hangs up: progress that
// an idle timeout would let through forever.
func drip(c net.Conn, data string, done <-chan struct{}) {
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		b := byte(' ')
		if i < len(data) {
			b = data[i]
		}
		if _, err := c.Write([]byte{b}); err != nil {
			return
		}
	}
}

// TestTimeouts checks that a server that never answers, drips its headers
// or drips its body is cut by the limit of that phase, with an error that
// wraps ErrTimeout and names the limit, and that the call's Timeout bounds
// everything, retries included.
func TestTimeouts(t *testing.T) {
	t.Parallel()
	const short = 50 * time.Millisecond
	for _, tc := range []struct {
		name  string
		serve func(c net.Conn, done <-chan struct{})
		set   func(c *Client)
		want  string // in the message: the limit named
	}{
		{
			name:  "never answers",
			serve: func(c net.Conn, done <-chan struct{}) { readRequest(c); <-done },
			set:   func(c *Client) { c.HeaderTimeout = short },
			want:  "no response headers (HeaderTimeout) within 50ms",
		},
		{
			name: "drips headers",
			serve: func(c net.Conn, done <-chan struct{}) {
				readRequest(c)
				drip(c, "HTTP/1.1 200 OK\r\nX-Drip: ", done)
			},
			set:  func(c *Client) { c.HeaderTimeout = short },
			want: "no response headers (HeaderTimeout) within 50ms",
		},
		{
			name: "drips body",
			serve: func(c net.Conn, done <-chan struct{}) {
				readRequest(c)
				c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n"))
				drip(c, "<record", done)
			},
			set:  func(c *Client) { c.BodyTimeout = short },
			want: "no complete response body (BodyTimeout) within 50ms",
		},
		{
			name:  "whole call",
			serve: func(c net.Conn, done <-chan struct{}) { readRequest(c); <-done },
			set:   func(c *Client) { c.Timeout = short },
			want:  "no complete answer (Timeout, retries included) within 50ms",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base := hangServer(t, tc.serve)
			c := &Client{BaseURL: base, MaxRetries: 1, backoff: time.Nanosecond,
				sleep:         func(ctx context.Context, _ time.Duration) error { return ctx.Err() },
				Timeout:       time.Hour,
				HeaderTimeout: time.Hour,
				BodyTimeout:   time.Hour,
			}
			tc.set(c)
			_, err := c.Record(context.Background(), sampleID)
			if !errors.Is(err, ErrTimeout) {
				t.Fatalf("Record = %v, want an error wrapping ErrTimeout", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
			wantRetries := 1 // a phase's limit is retried
			if tc.name == "whole call" {
				wantRetries = 0
			}
			if e, ok := errors.AsType[*Error](err); !ok || e.Retries != wantRetries {
				t.Errorf("error %#v, want an *Error after %d retries", err, wantRetries)
			}
		})
	}
}

// TestCallerCancel checks that the caller's cancellation is not reported
// as a timeout.
func TestCallerCancel(t *testing.T) {
	t.Parallel()
	started := make(chan struct{})
	base := hangServer(t, func(c net.Conn, done <-chan struct{}) {
		readRequest(c)
		close(started)
		<-done
	})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-started; cancel() }()
	_, err := (&Client{BaseURL: base}).Record(ctx, sampleID)
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
		t.Fatalf("Record = %v, want context.Canceled and not ErrTimeout", err)
	}
}

// TestWrongID checks that a record, a works section or a bulk of works of
// another iD than the one asked for is refused.
func TestWrongID(t *testing.T) {
	t.Parallel()
	const asked = "0000-0002-1825-0097"
	for _, tc := range []struct {
		name string
		call func(c *Client) error
	}{
		{"record", func(c *Client) error { _, err := c.Record(context.Background(), asked); return err }},
		{"fetch", func(c *Client) error { _, err := c.Fetch(context.Background(), asked); return err }},
		{"works", func(c *Client) error { _, err := c.Works(context.Background(), asked); return err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := &fakeORCID{t: t}
			c := f.start(nil)
			// Serve sampleID's documents whatever iD is asked for.
			inner := c.BaseURL
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				u := inner + strings.Replace(strings.TrimPrefix(r.URL.Path, "/v3.0/"), asked, sampleID, 1)
				resp, err := c.HTTPClient.Get(u)
				if err != nil {
					t.Error(err)
					return
				}
				defer resp.Body.Close()
				w.WriteHeader(resp.StatusCode)
				bufio.NewReader(resp.Body).WriteTo(w)
			}))
			t.Cleanup(srv.Close)
			c.BaseURL = srv.URL + "/v3.0/"
			err := tc.call(c)
			if !errors.Is(err, ErrMismatch) {
				t.Fatalf("got %v, want an error wrapping ErrMismatch", err)
			}
			if !strings.Contains(err.Error(), sampleID) {
				t.Errorf("error %q does not name the iD served", err)
			}
		})
	}
}

// TestRecordNamesNoID checks that a record without any iD is refused.
func TestRecordNamesNoID(t *testing.T) {
	t.Parallel()
	f := &fakeORCID{t: t}
	f.fail = func(w http.ResponseWriter, r *http.Request, n int) bool {
		w.Write([]byte(`{"person": {"name": {"family-name": {"value": "Carberry"}}}}`))
		return true
	}
	c := f.start(nil)
	_, err := c.Record(context.Background(), sampleID)
	if !errors.Is(err, ErrMismatch) {
		t.Fatalf("Record = %v, want an error wrapping ErrMismatch", err)
	}
}

// TestRedirect checks that a redirect to the same host is followed and
// one to another host is not: the other host gets no request.
func TestRedirect(t *testing.T) {
	t.Parallel()
	f := &fakeORCID{t: t}
	c := f.start(nil)
	var foreign atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		foreign.Add(1)
		w.Write(f.sampleRecord())
	}))
	t.Cleanup(other.Close)
	real := c.BaseURL
	for _, tc := range []struct {
		name, to string
		ok       bool
	}{
		{"same host", "/v3.0/" + sampleID + "/record/", true},
		{"other port", other.URL + "/v3.0/" + sampleID + "/record", false},
		{"other name", strings.Replace(real, "127.0.0.1", "localhost", 1) + sampleID + "/record", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch {
				case r.URL.Path == "/v3.0/"+sampleID+"/record/":
					w.Write(f.sampleRecord())
				case strings.HasPrefix(r.URL.Path, "/moved/"):
					http.Redirect(w, r, tc.to, http.StatusFound)
				default:
					http.Redirect(w, r, "/moved"+r.URL.Path, http.StatusMovedPermanently) // same host: followed
				}
			}))
			t.Cleanup(redirector.Close)
			rc := *c
			rc.BaseURL = redirector.URL + "/v3.0/"
			rc.HTTPClient = nil
			_, err := rc.Record(context.Background(), sampleID)
			if tc.ok {
				if err != nil {
					t.Fatalf("Record: %v", err)
				}
				return
			}
			if !errors.Is(err, ErrRedirect) {
				t.Fatalf("Record = %v, want an error wrapping ErrRedirect", err)
			}
			if n := foreign.Load(); n != 0 {
				t.Errorf("the other host got %d requests", n)
			}
		})
	}
}
