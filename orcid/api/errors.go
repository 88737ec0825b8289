package api

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Sentinel errors wrapped by [*Error], for errors.Is.
var (
	// ErrNotFound: ORCID has no such record or work (404 Not Found,
	// 410 Gone).
	ErrNotFound = errors.New("not found")
	// ErrRateLimited: ORCID asked the client to slow down (429 Too Many
	// Requests) more times than the client retries.
	ErrRateLimited = errors.New("rate limited")
	// ErrUnavailable: ORCID failed (5xx) more times than the client
	// retries.
	ErrUnavailable = errors.New("service unavailable")
	// ErrStatus: ORCID answered with another status that is not a success,
	// such as 400 Bad Request or 409 Conflict (a locked record).
	ErrStatus = errors.New("unexpected status")
	// ErrTooLarge: the response is larger than the client's
	// MaxResponseSize.
	ErrTooLarge = errors.New("response too large")
	// ErrTimeout: a request, or a whole call, took longer than one of the
	// client's timeouts; the error names which.
	ErrTimeout = errors.New("timeout")
	// ErrRedirect: ORCID redirected to another host, or from https to
	// http; such redirects are not followed.
	ErrRedirect = errors.New("redirect refused")
	// ErrMismatch: the document served is of another iD than the one
	// asked for, or names none.
	ErrMismatch = errors.New("not the record asked for")
)

// An Error is a request to ORCID's API that failed, after Retries retries.
// Err is the cause: one of the sentinels above for an HTTP status or an
// oversized response, or the network error of the last attempt.
type Error struct {
	URL        string // the request's URL
	StatusCode int    // the HTTP status of the last response; 0 if there was none
	// Message is what ORCID's error document (error-3.0.xsd) says: its
	// developer-message, else its user-message; empty if the response
	// had none.
	Message string
	Retries int   // how many times the request was retried
	Err     error // the cause
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "orcid/api: GET %s", e.URL)
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, ": %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %q", e.Message)
	}
	if e.Retries > 0 {
		fmt.Fprintf(&b, " (after %d retries)", e.Retries)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

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

// errorMessage returns the message of ORCID's error document (XML in the
// namespace http://www.orcid.org/ns/error, or JSON with "developer-message"
// and "user-message"): the developer message, else the user message; ""
// if body is not one.
func errorMessage(body []byte) string {
	var doc struct {
		Developer string `xml:"developer-message" json:"developer-message"`
		User      string `xml:"user-message" json:"user-message"`
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return ""
	}
	switch body[0] {
	case '<':
		var x struct {
			XMLName   xml.Name
			Developer string `xml:"http://www.orcid.org/ns/error developer-message"`
			User      string `xml:"http://www.orcid.org/ns/error user-message"`
		}
		if xml.Unmarshal(body, &x) != nil || x.XMLName.Space != "http://www.orcid.org/ns/error" {
			return ""
		}
		doc.Developer, doc.User = x.Developer, x.User
	case '{':
		if json.Unmarshal(body, &doc) != nil {
			return ""
		}
	}
	if m := strings.TrimSpace(doc.Developer); m != "" {
		return m
	}
	return strings.TrimSpace(doc.User)
}
