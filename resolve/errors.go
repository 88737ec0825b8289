package resolve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Sentinel errors, wrapped by [*Error] or by ParseID's errors, for
// errors.Is.
var (
	// ErrUnsupported: an identifier of a scheme, or an OpenAlex entity,
	// that a Client does not fetch.
	ErrUnsupported = errors.New("unsupported identifier")
	// ErrAgency: the DOI is registered with an agency other than
	// Crossref and DataCite, such as mEDRA or JaLC; the error names it.
	ErrAgency = errors.New("unsupported registration agency")
	// ErrNotFound: the service has no record of the identifier (404 Not
	// Found, 410 Gone, or doi.org's "DOI does not exist").
	ErrNotFound = errors.New("not found")
	// ErrMismatch: the service answered with the record of another
	// identifier than the one asked for.
	ErrMismatch = errors.New("another record than the one asked for")
	// ErrInvalidResponse: the response is not the JSON document the
	// service's API documents, such as a Crossref response whose status is
	// not "ok".
	ErrInvalidResponse = errors.New("unexpected response")
	// ErrTooMany: an OpenAlex author has more works than the Client's
	// MaxWorks.
	ErrTooMany = errors.New("too many works")
	// ErrRateLimited: the service asked the client to slow down (429 Too
	// Many Requests) more times than the client retries.
	ErrRateLimited = errors.New("rate limited")
	// ErrUnavailable: the service failed (5xx) more times than the client
	// retries.
	ErrUnavailable = errors.New("service unavailable")
	// ErrTimeout: the service did not answer within the Client's Timeout,
	// more times than the client retries.
	ErrTimeout = errors.New("timed out")
	// ErrStatus: the service answered with another status that is not a
	// success, such as 400 Bad Request or 403 Forbidden.
	ErrStatus = errors.New("unexpected status")
	// ErrTooLarge: the response is larger than the Client's
	// MaxResponseSize.
	ErrTooLarge = errors.New("response too large")
)

// An Error is a failure to fetch the record of ID from a service: a
// request that failed after Retries retries, or a response that is not the
// record asked for. Err is the cause: one of the sentinels above, or the
// network error of the last attempt, or the context's error.
type Error struct {
	ID         ID     // the identifier whose record was asked for
	URL        string // the request's URL, its api_key hidden
	StatusCode int    // the HTTP status of the last response; 0 if there was none
	// Message is what the service's error response says, such as
	// Crossref's "Resource not found."; empty if it said nothing readable.
	Message string
	Retries int   // how many times the request was retried
	Err     error // the cause
}

// Service returns the host the request went to, such as "api.crossref.org".
func (e *Error) Service() string { return host(e.URL) }

// Error returns a message such as
//
//	resolve: doi:10.1234/nope: not found at api.crossref.org (GET https://api.crossref.org/works/10.1234/nope: 404 Not Found: "Resource not found.")
//	resolve: openalex:W1: GET https://api.openalex.org/works/W1: 503 Service Unavailable (after 4 retries): service unavailable
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "resolve: %s: ", e.ID)
	if errors.Is(e.Err, ErrNotFound) {
		fmt.Fprintf(&b, "not found at %s (", e.Service())
	}
	fmt.Fprintf(&b, "GET %s", e.URL)
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, ": %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %q", e.Message)
	}
	if e.Retries > 0 {
		fmt.Fprintf(&b, " (after %d retries)", e.Retries)
	}
	if errors.Is(e.Err, ErrNotFound) {
		b.WriteString(")")
		if e.Err != ErrNotFound {
			fmt.Fprintf(&b, ": %v", e.Err)
		}
		return b.String()
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// statusErr returns the sentinel for a status that is not a success.
func statusErr(code int) error {
	switch {
	case code == http.StatusNotFound || code == http.StatusGone:
		return ErrNotFound
	case code == http.StatusTooManyRequests:
		return ErrRateLimited
	case code >= 500:
		return ErrUnavailable
	}
	return ErrStatus
}

// retryable reports whether a response with status code is worth another
// try: 429 and 5xx, except 501 Not Implemented, which will not change.
func retryable(code int) bool {
	return code == http.StatusTooManyRequests || (code >= 500 && code != http.StatusNotImplemented)
}

// maxMessage bounds the message taken from an error response.
const maxMessage = 200

// errorMessage returns what an error response of one of the services
// says: Crossref's plain text ("Resource not found.") or JSON message,
// DataCite's {"errors":[{"title":…}]}, OpenAlex's {"error":…,"message":…};
// "" if body is none of them, such as an HTML page.
func errorMessage(body []byte) string {
	body = bytes.TrimSpace(body)
	if len(body) == 0 || !utf8.Valid(body) {
		return ""
	}
	var m string
	switch body[0] {
	case '<':
		return ""
	case '{':
		var doc struct {
			Message json.RawMessage `json:"message"`
			Error   string          `json:"error"`
			Errors  []struct {
				Title string `json:"title"`
			} `json:"errors"`
		}
		if json.Unmarshal(body, &doc) != nil {
			return ""
		}
		var list []struct {
			Message string `json:"message"`
		}
		switch {
		case json.Unmarshal(doc.Message, &m) == nil && m != "":
		case json.Unmarshal(doc.Message, &list) == nil && len(list) > 0:
			m = list[0].Message
		case len(doc.Errors) > 0:
			m = doc.Errors[0].Title
		default:
			m = doc.Error
		}
	default:
		line, _, _ := bytes.Cut(body, []byte("\n")) // the first line of plain text
		m = string(line)
	}
	m = strings.TrimSpace(m)
	if len(m) > maxMessage {
		i := maxMessage
		for i > 0 && !utf8.RuneStart(m[i]) {
			i--
		}
		m = m[:i] + "…"
	}
	return m
}

// host returns the host of the URL u, or u if it has none.
func host(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return p.Host
	}
	return u
}

// redact returns u with the value of its api_key parameter hidden, for
// errors, which may be printed and logged.
func redact(u string) string {
	p, err := url.Parse(u)
	if err != nil || !p.Query().Has("api_key") {
		return u
	}
	q := p.Query()
	q.Set("api_key", "REDACTED")
	p.RawQuery = q.Encode()
	return p.String()
}
