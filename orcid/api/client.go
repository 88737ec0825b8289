package api

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/profile"
)

// Defaults of a [Client]'s zero fields.
const (
	DefaultBaseURL         = "https://pub.orcid.org/v3.0/"
	DefaultUserAgent       = "scholarld (+https://github.com/scholarld/scholarld)"
	DefaultMaxRetries      = 4
	DefaultMaxResponseSize = 64 << 20 // bytes
)

// MaxBulk is the most put-codes ORCID serves in one request for full works.
const MaxBulk = 100

// A Format is the encoding a [Client] asks ORCID for. Package orcid reads
// both.
type Format int

const (
	XML  Format = iota // application/vnd.orcid+xml
	JSON               // application/vnd.orcid+json
)

func (f Format) mediaType() string {
	if f == JSON {
		return "application/vnd.orcid+json"
	}
	return "application/vnd.orcid+xml"
}

func (f Format) ext() string {
	if f == JSON {
		return "json"
	}
	return "xml"
}

// A Client fetches records from ORCID's public API v3.0. Its zero value
// is ready to use, with the defaults above. A Client is safe for
// concurrent use as long as its fields are not changed.
type Client struct {
	// BaseURL is the API's root; "" means DefaultBaseURL. The sandbox is
	// "https://pub.sandbox.orcid.org/v3.0/".
	BaseURL string
	// HTTPClient sends the requests; nil means http.DefaultClient. Its
	// CheckRedirect is replaced: redirects are followed to the same host
	// only, over https, else the request fails with ErrRedirect.
	HTTPClient *http.Client
	// UserAgent names the software; "" means DefaultUserAgent.
	UserAgent string
	// Contact, such as "mailto:ada@example.org", is added to the
	// User-Agent so that ORCID can reach whoever runs the client:
	// "scholarld (+https://github.com/scholarld/scholarld; mailto:ada@example.org)".
	Contact string
	// Format is the encoding asked for; the zero value is XML.
	Format Format
	// MaxRetries is how many times a request is retried after a 429,
	// a 5xx or a transient network error; 0 means DefaultMaxRetries and a
	// negative value means none.
	MaxRetries int
	// MaxResponseSize is the largest response body read, in bytes; 0
	// means DefaultMaxResponseSize. Larger responses fail with
	// ErrTooLarge.
	MaxResponseSize int64

	// Timeout bounds a whole call of Record, Works or Fetch, its retries
	// and waits included; 0 means DefaultTimeout and a negative value
	// none. The other timeouts bound a phase of each request: connecting
	// (DNS and TCP), the TLS handshake, from the connection to the last
	// header of the response, and reading the whole body; 0 means their
	// Default and a negative value none. A request cut by a phase's
	// timeout is retried; one cut by Timeout is not. Both fail with an
	// [*Error] wrapping ErrTimeout, which names the limit.
	Timeout             time.Duration
	DialTimeout         time.Duration
	TLSHandshakeTimeout time.Duration
	HeaderTimeout       time.Duration
	BodyTimeout         time.Duration

	// For tests: the first backoff (0 means time.Second), how to wait,
	// and the clock (for Retry-After dates).
	backoff time.Duration
	sleep   func(context.Context, time.Duration) error
	now     func() time.Time
}

// Record fetches the record of the ORCID iD id (GET /v3.0/{id}/record),
// written bare or as a URL ("https://orcid.org/0000-0002-1825-0097"). The
// document is named "orcid:{id}/record.xml" (or .json), so that decoding
// errors point at it. An iD that is malformed or fails its checksum is
// refused before any request, with an error wrapping profile.ErrMalformed
// or profile.ErrChecksum. A failed request returns an [*Error].
func (c *Client) Record(ctx context.Context, id string) (dataset.Document, error) {
	iD, err := parseID(id)
	if err != nil {
		return dataset.Document{}, err
	}
	ctx, cancel := c.withDeadline(ctx)
	defer cancel()
	doc, _, err := c.getDoc(ctx, iD, "record", "record", true)
	return doc, err
}

// Works fetches the full works of the ORCID iD id: the works section
// (GET /v3.0/{id}/works), which lists summaries, then the full works by
// their put-codes, at most [MaxBulk] a request (GET
// /v3.0/{id}/works/{put-code,…}). It returns the bulks of works, one
// document each, named "orcid:{id}/works/1.xml", "…/2.xml" and so on, in
// the order of the works section; none if there are no works. [orcid.Read]
// merges them with the record. Errors are as [Client.Record]'s, or those
// of [orcid.Decode], positioned in the document's name, for a works
// section that does not decode.
func (c *Client) Works(ctx context.Context, id string) ([]dataset.Document, error) {
	iD, err := parseID(id)
	if err != nil {
		return nil, err
	}
	ctx, cancel := c.withDeadline(ctx)
	defer cancel()
	_, summary, err := c.getDoc(ctx, iD, "works", "works", false)
	if err != nil {
		return nil, err
	}
	return c.bulks(ctx, iD, putCodes(summary))
}

// Fetch fetches the record of the ORCID iD id and its full works, ready
// for [orcid.Read]: the record first, then the bulks of [Client.Works].
// It takes the put-codes from the record's own works summaries, so it
// makes one request less than Record and Works. Errors are as theirs,
// the record's decoding errors included.
func (c *Client) Fetch(ctx context.Context, id string) ([]dataset.Document, error) {
	iD, err := parseID(id)
	if err != nil {
		return nil, err
	}
	ctx, cancel := c.withDeadline(ctx)
	defer cancel()
	record, r, err := c.getDoc(ctx, iD, "record", "record", true)
	if err != nil {
		return nil, err
	}
	works, err := c.bulks(ctx, iD, putCodes(r))
	if err != nil {
		return nil, err
	}
	return append([]dataset.Document{record}, works...), nil
}

// parseID checks an iD as profile.ParseORCID does.
func parseID(id string) (profile.ORCID, error) {
	iD, err := profile.ParseORCID(strings.TrimSpace(id))
	if err != nil {
		return "", fmt.Errorf("orcid/api: iD %q: %w", id, err)
	}
	return iD, nil
}

// bulks fetches the full works with the given put-codes, MaxBulk a request.
func (c *Client) bulks(ctx context.Context, iD profile.ORCID, codes []orcid.PutCode) ([]dataset.Document, error) {
	var docs []dataset.Document
	for i := 0; i < len(codes); i += MaxBulk {
		chunk := codes[i:min(i+MaxBulk, len(codes))]
		list := make([]string, len(chunk))
		for j, pc := range chunk {
			list[j] = strconv.FormatInt(int64(pc), 10)
		}
		doc, _, err := c.getDoc(ctx, iD, "works/"+strings.Join(list, ","), "works/"+strconv.Itoa(len(docs)+1), false)
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	return docs, nil
}

// checkID checks that r, decoded from the response of u, is of the iD
// asked for: that the iD it names (its orcid-identifier, or the iD of its
// API paths) is want. A document that names none passes unless named is
// true (a record must name its iD). Otherwise it fails with an [*Error]
// wrapping ErrMismatch.
func checkID(r *orcid.Record, u string, want profile.ORCID, named bool) error {
	got := ""
	if r.ORCID != nil {
		got = r.ORCID.Path
		if got == "" {
			got = r.ORCID.URI
		}
	}
	switch g, err := profile.ParseORCID(got); {
	case got == "" && !named:
		return nil
	case got == "":
		return &Error{URL: u, Err: fmt.Errorf("the record names no iD, want %s: %w", want, ErrMismatch)}
	case err != nil || g != want:
		return &Error{URL: u, Err: fmt.Errorf("the document is of the iD %q, not %s, which was asked for: %w", got, want, ErrMismatch)}
	}
	return nil
}

// putCodes returns the put-codes of the work summaries r holds, once
// each, in order.
func putCodes(r *orcid.Record) []orcid.PutCode {
	if r.Activities == nil || r.Activities.Works == nil {
		return nil
	}
	var codes []orcid.PutCode
	seen := make(map[orcid.PutCode]bool)
	for _, g := range r.Activities.Works.Group {
		for _, s := range g.Summaries {
			if s.PutCode > 0 && !seen[s.PutCode] {
				seen[s.PutCode] = true
				codes = append(codes, s.PutCode)
			}
		}
	}
	return codes
}

// getDoc fetches {BaseURL}{iD}/{apiPath} as the document
// "orcid:{iD}/{name}.{ext}", decodes it, and checks that it is of iD as
// checkID does.
func (c *Client) getDoc(ctx context.Context, iD profile.ORCID, apiPath, name string, named bool) (dataset.Document, *orcid.Record, error) {
	base := c.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := url.JoinPath(base, string(iD), apiPath)
	if err != nil {
		return dataset.Document{}, nil, fmt.Errorf("orcid/api: base URL %q: %w", base, err)
	}
	data, err := c.get(ctx, u)
	if err != nil {
		return dataset.Document{}, nil, err
	}
	doc := dataset.Document{Name: fmt.Sprintf("orcid:%s/%s.%s", iD, name, c.Format.ext()), Data: data}
	r, err := orcid.Decode(doc.Name, bytes.NewReader(doc.Data))
	if err != nil {
		return dataset.Document{}, nil, err
	}
	if err := checkID(r, u, iD, named); err != nil {
		return dataset.Document{}, nil, err
	}
	return doc, r, nil
}

func (c *Client) userAgent() string {
	ua := c.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
		if c.Contact != "" {
			return strings.TrimSuffix(ua, ")") + "; " + c.Contact + ")"
		}
	}
	if c.Contact != "" {
		ua += " (" + c.Contact + ")"
	}
	return ua
}

func (c *Client) maxRetries() int {
	switch {
	case c.MaxRetries < 0:
		return 0
	case c.MaxRetries == 0:
		return DefaultMaxRetries
	}
	return c.MaxRetries
}

func (c *Client) maxResponseSize() int64 {
	if c.MaxResponseSize > 0 {
		return c.MaxResponseSize
	}
	return DefaultMaxResponseSize
}
