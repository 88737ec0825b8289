package api

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync"
	"time"
)

// Defaults of a [Client]'s timeouts. A whole call (Record, Works or
// Fetch) has Timeout; each request has a limit per phase, so that a server
// that accepts the connection and then says nothing, or drips its headers
// or its body a byte at a time, is cut.
const (
	DefaultTimeout             = 5 * time.Minute
	DefaultDialTimeout         = 30 * time.Second
	DefaultTLSHandshakeTimeout = 15 * time.Second
	DefaultHeaderTimeout       = 30 * time.Second
	DefaultBodyTimeout         = 2 * time.Minute
)

// phase is a part of one request, in the order they happen.
type phase int

const (
	phaseDial    phase = iota // DNS and TCP, until a connection is had
	phaseTLS                  // the TLS handshake
	phaseHeaders              // from the connection to the last header of the response
	phaseBody                 // reading the whole body
	phaseDone
)

var phaseNames = [...]string{
	phaseDial:    "connection (DialTimeout)",
	phaseTLS:     "TLS handshake (TLSHandshakeTimeout)",
	phaseHeaders: "response headers (HeaderTimeout)",
	phaseBody:    "complete response body (BodyTimeout)",
}

// timeoutError is the cause of an attempt or a call cut by a timeout.
type timeoutError struct {
	what  string
	limit time.Duration
}

func (e *timeoutError) Error() string {
	return fmt.Sprintf("no %s within %v: %v", e.what, e.limit, ErrTimeout)
}

func (e *timeoutError) Unwrap() error { return ErrTimeout }

// watchdog cancels an attempt when its current phase outlasts its limit.
// The transport calls its hooks from its own goroutines, hence the mutex;
// a phase never goes back (a dial started for this request may be handed
// to another, and its hooks come late).
type watchdog struct {
	c      *Client
	cancel context.CancelCauseFunc

	mu    sync.Mutex
	phase phase
	timer *time.Timer
}

// enter starts phase p, if it comes after the current one.
func (w *watchdog) enter(p phase) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if p < w.phase || (p == w.phase && w.timer != nil) {
		return
	}
	w.phase = p
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	if p == phaseDone {
		return
	}
	if d := w.c.phaseLimit(p); d > 0 {
		cause := &timeoutError{what: phaseNames[p], limit: d}
		w.timer = time.AfterFunc(d, func() { w.cancel(cause) })
	}
}

// attemptContext returns the context of one attempt of a request, with a
// watchdog over its phases, started at the dial. stop ends the watchdog
// and cancels the context.
func (c *Client) attemptContext(ctx context.Context) (actx context.Context, w *watchdog, stop func()) {
	actx, cancel := context.WithCancelCause(ctx)
	w = &watchdog{c: c, cancel: cancel}
	trace := &httptrace.ClientTrace{
		TLSHandshakeStart: func() { w.enter(phaseTLS) },
		TLSHandshakeDone:  func(tls.ConnectionState, error) { w.enter(phaseHeaders) },
		GotConn:           func(httptrace.GotConnInfo) { w.enter(phaseHeaders) },
	}
	w.enter(phaseDial)
	return httptrace.WithClientTrace(actx, trace), w, func() {
		w.enter(phaseDone)
		cancel(nil)
	}
}

// phaseLimit returns the limit of phase p; 0 for none.
func (c *Client) phaseLimit(p phase) time.Duration {
	limit := func(d, def time.Duration) time.Duration {
		switch {
		case d < 0:
			return 0
		case d == 0:
			return def
		}
		return d
	}
	switch p {
	case phaseDial:
		return limit(c.DialTimeout, DefaultDialTimeout)
	case phaseTLS:
		return limit(c.TLSHandshakeTimeout, DefaultTLSHandshakeTimeout)
	case phaseHeaders:
		return limit(c.HeaderTimeout, DefaultHeaderTimeout)
	case phaseBody:
		return limit(c.BodyTimeout, DefaultBodyTimeout)
	}
	return 0
}

// withDeadline returns ctx bounded by the Client's Timeout, whose expiry
// is an error wrapping ErrTimeout.
func (c *Client) withDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	d := c.Timeout
	switch {
	case d < 0:
		return context.WithCancel(ctx)
	case d == 0:
		d = DefaultTimeout
	}
	return context.WithTimeoutCause(ctx, d, &timeoutError{what: "complete answer (Timeout, retries included)", limit: d})
}

// cutBy returns the timeout that cut an attempt, from the caller's
// context (the call's Timeout) or the attempt's (a phase's limit); nil if
// none did.
func cutBy(ctx, actx context.Context) *timeoutError {
	for _, cx := range []context.Context{ctx, actx} {
		if te, ok := errors.AsType[*timeoutError](context.Cause(cx)); ok {
			return te
		}
	}
	return nil
}

// httpClient returns the client that sends requests: the Client's
// HTTPClient or http.DefaultClient, with the redirect policy of
// [Client]: at most 10 redirects, each to the host of the first request,
// over https (or over the first request's scheme, when that is http, as
// a test server's is).
func (c *Client) httpClient() *http.Client {
	hc := http.DefaultClient
	if c.HTTPClient != nil {
		hc = c.HTTPClient
	}
	cp := *hc
	cp.CheckRedirect = checkRedirect
	return &cp
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	first := via[0].URL
	switch {
	case len(via) >= 10:
		return fmt.Errorf("stopped after 10 redirects: %w", ErrRedirect)
	case !strings.EqualFold(req.URL.Host, first.Host):
		return fmt.Errorf("redirect to host %q refused, only %q is followed: %w", req.URL.Host, first.Host, ErrRedirect)
	case req.URL.Scheme != "https" && req.URL.Scheme != first.Scheme:
		return fmt.Errorf("redirect to %s refused, only https is followed: %w", req.URL.Scheme, ErrRedirect)
	}
	return nil
}
