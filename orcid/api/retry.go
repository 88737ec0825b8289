package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	// maxBackoff bounds one wait between tries, Retry-After aside.
	maxBackoff = 30 * time.Second
	// maxRetryAfter is the longest Retry-After the client waits for;
	// beyond it, the request fails at once.
	maxRetryAfter = 2 * time.Minute
	// maxErrorBody is how much of an error response is read for ORCID's
	// error document.
	maxErrorBody = 64 << 10
)

// attempt is the outcome of one try of a request.
type attempt struct {
	body  []byte
	err   *Error        // nil on success
	retry bool          // whether trying again may succeed
	after time.Duration // the response's Retry-After; 0 if none
}

// get fetches u, retrying as the Client's doc says.
func (c *Client) get(ctx context.Context, u string) ([]byte, error) {
	for retries := 0; ; retries++ {
		a := c.try(ctx, u)
		if a.err == nil {
			return a.body, nil
		}
		a.err.Retries = retries
		if !a.retry || retries >= c.maxRetries() || a.after > maxRetryAfter || ctx.Err() != nil {
			return nil, a.err
		}
		d := c.delay(retries, a.after)
		if dl, ok := ctx.Deadline(); ok && c.clock().Add(d).After(dl) {
			return nil, a.err // the context would end before the next try
		}
		if err := c.wait(ctx, d); err != nil {
			a.err.Err = fmt.Errorf("%w; gave up waiting to retry: %w", a.err.Err, err)
			return nil, a.err
		}
	}
}

// try sends one request for u, each of its phases within the Client's
// limit.
func (c *Client) try(ctx context.Context, u string) attempt {
	fail := func(status int, err error, retry bool) attempt {
		return attempt{err: &Error{URL: u, StatusCode: status, Err: err}, retry: retry}
	}
	actx, w, stop := c.attemptContext(ctx)
	defer stop()
	// netErr is the failure of the network or of a timeout: a phase's
	// limit is retried, the call's Timeout and the caller's cancellation
	// are not.
	netErr := func(status int, err error) attempt {
		if te := cutBy(ctx, actx); te != nil {
			return fail(status, te, ctx.Err() == nil)
		}
		return fail(status, err, ctx.Err() == nil && transient(err))
	}
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u, nil)
	if err != nil {
		return fail(0, err, false)
	}
	req.Header.Set("Accept", c.Format.mediaType())
	req.Header.Set("User-Agent", c.userAgent())
	resp, err := c.httpClient().Do(req)
	if err != nil {
		if errors.Is(err, ErrRedirect) {
			return fail(0, errors.Unwrap(err), false) // the url.Error repeats the URL
		}
		return netErr(0, err)
	}
	defer resp.Body.Close()
	w.enter(phaseBody)

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		a := fail(resp.StatusCode, statusErr(resp.StatusCode), retryable(resp.StatusCode))
		a.err.Message = errorMessage(body)
		if a.retry {
			a.after = retryAfter(resp.Header.Get("Retry-After"), c.clock())
		}
		return a
	}
	limit := c.maxResponseSize()
	if resp.ContentLength > limit {
		return fail(resp.StatusCode, fmt.Errorf("%d bytes, more than %d: %w", resp.ContentLength, limit, ErrTooLarge), false)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return netErr(resp.StatusCode, err)
	}
	if int64(len(body)) > limit {
		return fail(resp.StatusCode, fmt.Errorf("more than %d bytes: %w", limit, ErrTooLarge), false)
	}
	return attempt{body: body}
}

// transient reports whether a network error may pass if tried again: a
// timeout, a refused or reset connection, a connection closed early. An
// invalid URL, an unsupported scheme or a bad certificate will not.
func transient(err error) bool {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // a url.Error is a net.Error, whatever it wraps
	}
	var ne net.Error
	return errors.As(err, &ne) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED)
}

// retryAfter parses a Retry-After header, in seconds or an HTTP date, as
// a wait from now; 0 if it is absent or invalid.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.ParseInt(h, 10, 64); err == nil {
		if s < 0 {
			return 0
		}
		if s > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter + time.Second
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// delay returns how long to wait before retry number retries+1: an
// exponential backoff from the client's base, with jitter (between half
// and all of it), and never less than the server's Retry-After.
func (c *Client) delay(retries int, after time.Duration) time.Duration {
	base := c.backoff
	if base <= 0 {
		base = time.Second
	}
	d := maxBackoff
	if retries < 30 && base<<retries < maxBackoff && base<<retries > 0 {
		d = base << retries
	}
	d = d/2 + rand.N(d/2+1)
	return max(d, after)
}

// wait waits for d or until ctx is done, returning ctx.Err() then.
func (c *Client) wait(ctx context.Context, d time.Duration) error {
	if c.sleep != nil {
		return c.sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) clock() time.Time {
	if c.now != nil {
		return c.now()
	}
	return time.Now()
}
