package resolve

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
		wantWaits  []time.Duration // nil: checked by count and backoff
		nWaits     int
	}{
		{name: "429 Retry-After seconds", fail: failFirst(1, 429, "7"), wantReqs: 2, wantWaits: []time.Duration{7 * time.Second}},
		{name: "429 Retry-After date", fail: failFirst(1, 429, now.Add(20*time.Second).Format(http.TimeFormat)), wantReqs: 2, wantWaits: []time.Duration{20 * time.Second}},
		{name: "503 then success", fail: failFirst(1, 503, ""), wantReqs: 2, nWaits: 1},
		{name: "503 twice", fail: failFirst(2, 503, ""), wantReqs: 3, nWaits: 2},
		{name: "503 always", fail: failFirst(99, 503, ""), maxRetries: 2, wantErr: ErrUnavailable, wantRetry: 2, wantReqs: 3, nWaits: 2},
		{name: "429 always", fail: failFirst(99, 429, "1"), wantErr: ErrRateLimited, wantRetry: DefaultMaxRetries, wantReqs: DefaultMaxRetries + 1, wantWaits: []time.Duration{time.Second, time.Second, time.Second, time.Second}},
		{name: "no retries", fail: failFirst(1, 503, ""), maxRetries: -1, wantErr: ErrUnavailable, wantReqs: 1},
		{name: "400 not retried", fail: failFirst(1, 400, ""), wantErr: ErrStatus, wantReqs: 1},
		{name: "501 not retried", fail: failFirst(1, 501, ""), wantErr: ErrUnavailable, wantReqs: 1},
		{name: "404 not retried", fail: failFirst(1, 404, ""), wantErr: ErrNotFound, wantReqs: 1},
		{name: "Retry-After too long", fail: failFirst(1, 429, "3600"), wantErr: ErrRateLimited, wantReqs: 1},
		{name: "connection closed", fail: hangUp(1), wantReqs: 2, nWaits: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var waits []time.Duration
			f := newFake(t)
			f.fail = tc.fail
			c := f.start(&waits)
			c.MaxRetries = tc.maxRetries
			c.now = func() time.Time { return now }
			_, err := c.Fetch(context.Background(), "openalex:"+openAlexWork)
			if tc.wantErr == nil && err != nil {
				t.Fatalf("Fetch: %v", err)
			}
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Fetch = %v, want %v", err, tc.wantErr)
				}
				if e, ok := errors.AsType[*Error](err); !ok || e.Retries != tc.wantRetry {
					t.Errorf("Fetch = %#v, want an *Error with Retries %d", err, tc.wantRetry)
				}
			}
			if n := len(f.Requests()); n != tc.wantReqs {
				t.Errorf("%d requests, want %d", n, tc.wantReqs)
			}
			if tc.wantWaits != nil {
				if diff := cmp.Diff(tc.wantWaits, waits); diff != "" {
					t.Errorf("waits (-want +got):\n%s", diff)
				}
				return
			}
			if len(waits) != tc.nWaits {
				t.Errorf("waits = %v, want %d", waits, tc.nWaits)
			}
			// Exponential backoff from 1ms, with jitter: wait i is in [2^i/2, 2^i] ms.
			for i, d := range waits {
				lo, hi := time.Millisecond<<i/2, time.Millisecond<<i
				if d < lo || d > hi {
					t.Errorf("wait %d = %v, want in [%v, %v]", i, d, lo, hi)
				}
			}
		})
	}
}

// TestRetryEachRequest: each request of a DOI is retried on its own.
func TestRetryEachRequest(t *testing.T) {
	t.Parallel()
	var waits []time.Duration
	f := newFake(t)
	f.fail = func(w http.ResponseWriter, r *http.Request, n int) bool {
		if n == 1 || n == 3 { // doi.org's first answer, Crossref's first
			w.WriteHeader(http.StatusServiceUnavailable)
			return true
		}
		return false
	}
	c := f.start(&waits)
	if _, err := c.Fetch(context.Background(), crossrefDOI); err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	want := []string{"/doi/ra/" + crossrefDOI, "/doi/ra/" + crossrefDOI, "/crossref/works/" + crossrefDOI, "/crossref/works/" + crossrefDOI}
	if diff := cmp.Diff(want, f.paths()); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	if len(waits) != 2 {
		t.Errorf("waits = %v, want 2", waits)
	}
}

// hold returns a fail hook that tells arrived of each request and holds
// it until the client goes away.
func hold(arrived chan<- struct{}) func(http.ResponseWriter, *http.Request, int) bool {
	return func(w http.ResponseWriter, r *http.Request, n int) bool {
		arrived <- struct{}{}
		<-r.Context().Done()
		return true
	}
}

// TestTimeout: an attempt that outlives the Timeout is given up and
// retried. The timeout is made to fire when the server has the request,
// not by a clock.
func TestTimeout(t *testing.T) {
	t.Parallel()
	arrived := make(chan struct{})
	f := newFake(t)
	f.fail = hold(arrived)
	var waits []time.Duration
	c := f.start(&waits)
	c.MaxRetries = 1
	c.Timeout = 42 * time.Second
	var gotTimeout time.Duration
	c.withTimeout = func(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
		gotTimeout = d
		ctx, cancel := context.WithCancel(ctx)
		go func() {
			select {
			case <-arrived:
				cancel() // as the timeout would
			case <-ctx.Done():
			}
		}()
		return ctx, cancel
	}
	_, err := c.Fetch(context.Background(), "openalex:"+openAlexWork)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Fetch = %v, want ErrTimeout", err)
	}
	if e, ok := errors.AsType[*Error](err); !ok || e.Retries != 1 {
		t.Errorf("Fetch = %#v, want an *Error with Retries 1", err)
	}
	if gotTimeout != c.Timeout {
		t.Errorf("attempt timeout = %v, want %v", gotTimeout, c.Timeout)
	}
	if n := len(f.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
	if len(waits) != 1 {
		t.Errorf("waits = %v, want 1", waits)
	}
}

// TestTimeoutDefault checks the timeout of an attempt for Client.Timeout.
func TestTimeoutDefault(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		timeout, want time.Duration
		deadline      bool
	}{
		{0, DefaultTimeout, true},
		{time.Second, time.Second, true},
		{-1, 0, false},
	} {
		c := &Client{Timeout: tc.timeout}
		if got := c.timeout(); got != tc.want {
			t.Errorf("timeout(%v) = %v, want %v", tc.timeout, got, tc.want)
		}
		ctx, cancel := c.attemptContext(context.Background())
		if _, ok := ctx.Deadline(); ok != tc.deadline {
			t.Errorf("Timeout %v: the attempt's context has a deadline: %v, want %v", tc.timeout, ok, tc.deadline)
		}
		cancel()
	}
}

// TestCancel: cancelling the context stops a request under way, and it is
// not retried.
func TestCancel(t *testing.T) {
	t.Parallel()
	arrived := make(chan struct{})
	f := newFake(t)
	f.fail = hold(arrived)
	var waits []time.Duration
	c := f.start(&waits)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-arrived
		cancel()
	}()
	_, err := c.Fetch(ctx, crossrefDOI)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Fetch = %v, want context.Canceled", err)
	}
	if errors.Is(err, ErrTimeout) {
		t.Errorf("Fetch = %v, a cancellation taken for a timeout", err)
	}
	if n := len(f.Requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
	if len(waits) != 0 {
		t.Errorf("waits = %v, want none", waits)
	}
}

// TestCancelDuringBackoff: the context is cancelled while the client
// waits to retry: it stops, with an error that says both why it waited
// and why it stopped.
func TestCancelDuringBackoff(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.fail = failFirst(99, 503, "")
	c := f.start(nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c.sleep = func(ctx context.Context, d time.Duration) error {
		cancel()
		<-ctx.Done()
		return ctx.Err()
	}
	_, err := c.Fetch(ctx, "openalex:"+openAlexWork)
	if !errors.Is(err, context.Canceled) || !errors.Is(err, ErrUnavailable) {
		t.Errorf("Fetch = %v, want context.Canceled and ErrUnavailable", err)
	}
	if n := len(f.Requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// TestWait: the real wait ends when the context does, however long the
// wait.
func TestWait(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var c Client
	if err := c.wait(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("wait = %v, want context.Canceled", err)
	}
}

// TestDeadlineBeforeRetry: a Retry-After past the context's deadline
// fails at once instead of waiting in vain.
func TestDeadlineBeforeRetry(t *testing.T) {
	t.Parallel()
	now := time.Now()
	ctx, cancel := context.WithDeadline(context.Background(), now.Add(time.Hour))
	defer cancel()
	var waits []time.Duration
	f := newFake(t)
	f.fail = failFirst(1, 429, "60")
	c := f.start(&waits)
	c.now = func() time.Time { return now.Add(59*time.Minute + 30*time.Second) }
	_, err := c.Fetch(ctx, "openalex:"+openAlexWork)
	if !errors.Is(err, ErrRateLimited) {
		t.Errorf("Fetch = %v, want ErrRateLimited", err)
	}
	if len(waits) != 0 {
		t.Errorf("waited %v", waits)
	}
}

func TestNotTransient(t *testing.T) {
	t.Parallel()
	var waits int
	c := &Client{OpenAlexURL: "ftp://example.org/", sleep: func(context.Context, time.Duration) error {
		waits++
		return nil
	}}
	_, err := c.Fetch(context.Background(), "openalex:"+openAlexWork)
	if e, ok := errors.AsType[*Error](err); !ok || e.StatusCode != 0 || e.Retries != 0 {
		t.Errorf("Fetch = %#v, want an *Error with no status and no retries", err)
	}
	if waits != 0 {
		t.Errorf("retried an unsupported scheme %d times", waits)
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
		{"Sun, 01 Mar 2026 11:00:00 GMT", 0}, // past
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
	if d := c.delay(0, time.Minute); d != time.Minute {
		t.Errorf("delay(0, Retry-After 1m) = %v, want 1m", d)
	}
}
