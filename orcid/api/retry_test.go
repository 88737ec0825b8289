package api

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// failFirst returns a fail hook that answers the first n requests with
// status and the header Retry-After: after, if not "".
func failFirst(n, status int, after string) func(http.ResponseWriter, *http.Request, int) bool {
	return func(w http.ResponseWriter, r *http.Request, i int) bool {
		if i > n {
			return false
		}
		if after != "" {
			w.Header().Set("Retry-After", after)
		}
		w.WriteHeader(status)
		return true
	}
}

func TestRetry(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name       string
		fail       func(http.ResponseWriter, *http.Request, int) bool
		maxRetries int
		wantErr    error // nil: success
		wantRetry  int   // the error's Retries
		wantReqs   int
		wantWaits  []time.Duration // nil: not checked but by count
		nWaits     int
	}{
		{name: "429 Retry-After seconds", fail: failFirst(1, 429, "7"), wantReqs: 2, wantWaits: []time.Duration{7 * time.Second}},
		{name: "429 Retry-After date", fail: failFirst(1, 429, now.Add(20*time.Second).Format(http.TimeFormat)), wantReqs: 2, wantWaits: []time.Duration{20 * time.Second}},
		{name: "503 Retry-After in the past", fail: failFirst(1, 503, now.Add(-time.Hour).Format(http.TimeFormat)), wantReqs: 2, nWaits: 1},
		{name: "503 twice", fail: failFirst(2, 503, ""), wantReqs: 3, nWaits: 2},
		{name: "502 four times", fail: failFirst(4, 502, ""), wantReqs: 5, nWaits: 4},
		{name: "503 always", fail: failFirst(99, 503, ""), maxRetries: 2, wantErr: ErrUnavailable, wantRetry: 2, wantReqs: 3, nWaits: 2},
		{name: "429 always", fail: failFirst(99, 429, "1"), wantErr: ErrRateLimited, wantRetry: DefaultMaxRetries, wantReqs: DefaultMaxRetries + 1, wantWaits: []time.Duration{time.Second, time.Second, time.Second, time.Second}},
		{name: "no retries", fail: failFirst(1, 503, ""), maxRetries: -1, wantErr: ErrUnavailable, wantReqs: 1},
		{name: "400 not retried", fail: failFirst(1, 400, ""), wantErr: ErrStatus, wantReqs: 1},
		{name: "501 not retried", fail: failFirst(1, 501, ""), wantErr: ErrUnavailable, wantReqs: 1},
		{name: "Retry-After too long", fail: failFirst(1, 429, "3600"), wantErr: ErrRateLimited, wantReqs: 1},
		{name: "connection closed", fail: hangUp(1), wantReqs: 2, nWaits: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var waits []time.Duration
			f := &fakeORCID{t: t, fail: tc.fail}
			c := f.start(&waits)
			c.MaxRetries = tc.maxRetries
			c.now = func() time.Time { return now }
			_, err := c.Record(context.Background(), sampleID)
			if tc.wantErr == nil && err != nil {
				t.Fatalf("Record: %v", err)
			}
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Record = %v, want %v", err, tc.wantErr)
				}
				var e *Error
				if !errors.As(err, &e) || e.Retries != tc.wantRetry {
					t.Errorf("Record = %#v, want an *Error with Retries %d", err, tc.wantRetry)
				}
			}
			if n := len(f.Requests()); n != tc.wantReqs {
				t.Errorf("%d requests, want %d", n, tc.wantReqs)
			}
			if tc.wantWaits != nil {
				if diff := cmp.Diff(tc.wantWaits, waits); diff != "" {
					t.Errorf("waits (-want +got):\n%s", diff)
				}
			} else if len(waits) != tc.nWaits {
				t.Errorf("waits = %v, want %d", waits, tc.nWaits)
			}
			// Exponential backoff from 1ms, with jitter: wait i is in [2^i/2, 2^i] ms.
			if tc.wantWaits == nil {
				for i, d := range waits {
					lo, hi := time.Millisecond<<i/2, time.Millisecond<<i
					if d < lo || d > hi {
						t.Errorf("wait %d = %v, want in [%v, %v]", i, d, lo, hi)
					}
				}
			}
		})
	}
}

// hangUp returns a fail hook that closes the connection of the first n
// requests without an answer.
func hangUp(n int) func(http.ResponseWriter, *http.Request, int) bool {
	return func(w http.ResponseWriter, r *http.Request, i int) bool {
		if i > n {
			return false
		}
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
		return true
	}
}

// TestCancelDuringBackoff cancels the context while the client waits to
// retry: it returns at once, with an error that says both why it waited
// and why it stopped.
func TestCancelDuringBackoff(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &fakeORCID{t: t, fail: func(w http.ResponseWriter, r *http.Request, n int) bool {
		w.WriteHeader(http.StatusServiceUnavailable)
		return true
	}}
	c := f.start(nil)
	c.backoff = time.Hour
	// The caller cancels once the client has started to wait (an event,
	// not a clock: a timer in the handler could fire before the response
	// is read on a busy machine); the wait itself is the real one.
	c.sleep = func(ctx context.Context, d time.Duration) error {
		cancel()
		c.sleep = nil // the client's own wait, from here on
		return c.wait(ctx, d)
	}
	// Were the cancel not to end the hour's wait, the test would time out.
	_, err := c.Record(ctx, sampleID)
	if !errors.Is(err, context.Canceled) || !errors.Is(err, ErrUnavailable) {
		t.Errorf("Record = %v, want context.Canceled and ErrUnavailable", err)
	}
	if n := len(f.Requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// TestDeadlineBeforeRetry: a Retry-After past the context's deadline
// fails at once instead of waiting in vain.
func TestDeadlineBeforeRetry(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var waits []time.Duration
	f := &fakeORCID{t: t, fail: failFirst(1, 429, "60")}
	c := f.start(&waits)
	_, err := c.Record(ctx, sampleID)
	if !errors.Is(err, ErrRateLimited) {
		t.Errorf("Record = %v, want ErrRateLimited", err)
	}
	if len(waits) != 0 {
		t.Errorf("waited %v", waits)
	}
}

func TestNotTransient(t *testing.T) {
	t.Parallel()
	var waits []time.Duration
	c := &Client{BaseURL: "ftp://example.org/v3.0/", sleep: func(context.Context, time.Duration) error {
		waits = append(waits, 0)
		return nil
	}}
	_, err := c.Record(context.Background(), sampleID)
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != 0 || e.Retries != 0 {
		t.Errorf("Record = %#v, want an *Error with no status and no retries", err)
	}
	if len(waits) != 0 {
		t.Errorf("retried an unsupported scheme %d times", len(waits))
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		h    string
		want time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"12", 12 * time.Second},
		{" 3 ", 3 * time.Second},
		{"-5", 0},
		{"99999999999999999999", 0}, // overflows: invalid
		{"86400", maxRetryAfter + time.Second},
		{"Sun, 01 Mar 2026 12:01:30 GMT", 90 * time.Second},
		{"Sunday, 01-Mar-26 12:00:10 GMT", 10 * time.Second}, // RFC 850
		{"Sun, 01 Mar 2026 11:00:00 GMT", 0},                 // past
		{"soon", 0},
	} {
		if got := retryAfter(tc.h, now); got != tc.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tc.h, got, tc.want)
		}
	}
}

func TestDelay(t *testing.T) {
	t.Parallel()
	var c Client // a base of one second
	for retries, hi := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, maxBackoff, maxBackoff} {
		for range 20 {
			if d := c.delay(retries, 0); d < hi/2 || d > hi {
				t.Errorf("delay(%d) = %v, want in [%v, %v]", retries, d, hi/2, hi)
			}
		}
	}
	if d := c.delay(100, 0); d < maxBackoff/2 || d > maxBackoff {
		t.Errorf("delay(100) = %v, want at most %v", d, maxBackoff)
	}
	if d := c.delay(0, time.Minute); d != time.Minute {
		t.Errorf("delay(0, Retry-After 1m) = %v, want 1m", d)
	}
}
