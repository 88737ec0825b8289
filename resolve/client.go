package resolve

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/publication"
)

// Defaults of a [Client]'s zero fields.
const (
	DefaultDOIBaseURL      = "https://doi.org/"
	DefaultCrossrefURL     = "https://api.crossref.org/"
	DefaultDataCiteURL     = "https://api.datacite.org/"
	DefaultOpenAlexURL     = "https://api.openalex.org/"
	DefaultTimeout         = time.Minute
	DefaultMaxRetries      = 4
	DefaultMaxResponseSize = 64 << 20 // bytes
	DefaultMaxWorks        = 5000
)

// Media types asked for: DataCite's REST API follows JSON:API, and
// answers other types with other formats.
const (
	jsonType    = "application/json"
	jsonAPIType = "application/vnd.api+json"
)

// modulePath is scholarld's module, whose version the User-Agent names.
const modulePath = "github.com/scholarld/scholarld"

// A Client fetches the records of DOIs from Crossref and DataCite, and of
// works and authors from OpenAlex, as raw JSON documents. Its zero value
// is ready to use, with the defaults above. A Client is safe for
// concurrent use as long as its fields are not changed.
type Client struct {
	// DOIBaseURL is the root of doi.org, whose registration agency API
	// ({DOIBaseURL}ra/{doi}) says which agency registered a DOI; ""
	// means DefaultDOIBaseURL.
	DOIBaseURL string
	// CrossrefURL is the root of Crossref's REST API; "" means
	// DefaultCrossrefURL.
	CrossrefURL string
	// DataCiteURL is the root of DataCite's REST API; "" means
	// DefaultDataCiteURL.
	DataCiteURL string
	// OpenAlexURL is the root of OpenAlex's API; "" means
	// DefaultOpenAlexURL.
	OpenAlexURL string

	// HTTPClient sends the requests; nil means http.DefaultClient.
	HTTPClient *http.Client
	// UserAgent names the software; "" means "scholarld/<version>", the
	// version of the module in the build, or "devel".
	UserAgent string
	// Mailto is an e-mail address of whoever runs the client, such as
	// "ada@example.org" ("mailto:" before it is dropped). It is added to
	// the User-Agent ("scholarld/v0.4.0 (mailto:ada@example.org)") and,
	// as the parameter mailto, to requests to Crossref and OpenAlex, which
	// serve such polite requests from a faster pool.
	Mailto string
	// OpenAlexKey is an OpenAlex API key, sent as the parameter api_key
	// to OpenAlex only; "" sends none. Errors hide it.
	OpenAlexKey string

	// Timeout bounds each attempt of a request, reading the response
	// included; 0 means DefaultTimeout and a negative value none. An
	// attempt that times out is retried.
	Timeout time.Duration
	// MaxRetries is how many times a request is retried after a 429, a
	// 5xx, a timeout or a transient network error; 0 means
	// DefaultMaxRetries and a negative value none.
	MaxRetries int
	// MaxResponseSize is the largest response body read, in bytes; 0
	// means DefaultMaxResponseSize. Larger responses fail with
	// ErrTooLarge.
	MaxResponseSize int64
	// MaxWorks is the most works of an OpenAlex author fetched; 0 means
	// DefaultMaxWorks. An author with more fails with ErrTooMany, before
	// their works are fetched if OpenAlex counts them right.
	MaxWorks int

	// For tests: the first backoff (0 means time.Second), how to wait, the
	// clock (for Retry-After dates), and the context of one attempt.
	backoff     time.Duration
	sleep       func(context.Context, time.Duration) error
	now         func() time.Time
	withTimeout func(context.Context, time.Duration) (context.Context, context.CancelFunc)
}

// Fetch fetches the record that id names, in any form [ParseID] takes:
//
//   - a DOI: doi.org's registration agency API says whether Crossref or
//     DataCite registered it, then that agency's REST API serves its
//     record: one document, named "doi:10.7554/elife.01567
//     (api.crossref.org)", which is the response as served,
//     {"status":"ok","message-type":"work","message":{…}} from Crossref
//     or {"data":{…}} from DataCite;
//   - an OpenAlex work, "openalex:W2741809807": one document, the work
//     object (GET /works/W2741809807), named "openalex:W2741809807
//     (api.openalex.org)";
//   - an OpenAlex author, "openalex:A5023888391": the author object (GET
//     /authors/A5023888391), then the pages of the author's works (GET
//     /works?filter=author.id:A5023888391, 200 a page, by cursor), one
//     document each, {"meta":{…},"results":[…]}, named
//     "openalex:A5023888391/works/1 (api.openalex.org)" and so on. An
//     empty last page is left out.
//
// Each record is checked to be the one asked for: a response whose DOI or
// OpenAlex id is another (DOIs compared regardless of case) fails with
// ErrMismatch. The documents are not decoded into records: a
// [dataset.Loader] with the formats of package inputs does that,
// recognizing them by their content.
//
// An id that does not parse returns ParseID's error. A failed request or
// an unexpected response returns an [*Error] that wraps a sentinel such as
// [ErrNotFound], [ErrAgency] or [ErrMismatch], or the context's error.
func (c *Client) Fetch(ctx context.Context, id string) ([]dataset.Document, error) {
	iD, err := ParseID(id)
	if err != nil {
		return nil, err
	}
	if iD.DOI() != "" {
		doc, err := c.doi(ctx, iD)
		if err != nil {
			return nil, err
		}
		return []dataset.Document{doc}, nil
	}
	if strings.HasPrefix(iD.OpenAlex(), "A") {
		return c.openAlexAuthor(ctx, iD)
	}
	doc, err := c.openAlexEntity(ctx, iD, "works")
	if err != nil {
		return nil, err
	}
	return []dataset.Document{doc}, nil
}

// Agency returns the name of the registration agency of doi, as doi.org's
// registration agency API gives it (GET {DOIBaseURL}ra/{doi}), such as
// "Crossref", "DataCite" or "mEDRA". The DOI is in any form ParseID
// takes. A DOI that doi.org does not know fails with an [*Error] wrapping
// [ErrNotFound].
func (c *Client) Agency(ctx context.Context, doi string) (string, error) {
	iD, err := ParseID(doi)
	if err != nil {
		return "", err
	}
	if iD.DOI() == "" {
		return "", fmt.Errorf("resolve: %s: not a DOI: %w", iD, ErrUnsupported)
	}
	return c.agency(ctx, iD)
}

func (c *Client) agency(ctx context.Context, id ID) (string, error) {
	u := c.agencyURL(id)
	data, err := c.get(ctx, id, u, jsonType)
	if err != nil {
		return "", err
	}
	var answers []struct {
		DOI    string `json:"DOI"`
		RA     string `json:"RA"`
		Status string `json:"status"`
	}
	if err := json.Unmarshal(data, &answers); err != nil || len(answers) != 1 {
		return "", invalid(id, u, "want a JSON array of one {\"DOI\",\"RA\"}")
	}
	a := answers[0]
	switch {
	case a.RA == "" && a.Status != "":
		// doi.org answers 200 with {"DOI":…,"status":"DOI does not exist"}.
		return "", &Error{ID: id, URL: redact(u), Message: a.Status, Err: ErrNotFound}
	case a.RA == "":
		return "", invalid(id, u, "no RA")
	case !sameDOI(a.DOI, id.DOI()):
		return "", mismatch(id, u, DOIScheme+a.DOI)
	}
	return a.RA, nil
}

// agencyURL returns the URL of doi.org's answer to which agency
// registered the DOI of id.
func (c *Client) agencyURL(id ID) string {
	return endpoint(c.DOIBaseURL, DefaultDOIBaseURL, "ra/"+escapeDOI(id.DOI()), nil)
}

// doi fetches the record of the DOI of id from its registration agency.
func (c *Client) doi(ctx context.Context, id ID) (dataset.Document, error) {
	ra, err := c.agency(ctx, id)
	if err != nil {
		return dataset.Document{}, err
	}
	switch {
	case strings.EqualFold(ra, "Crossref"):
		return c.crossref(ctx, id)
	case strings.EqualFold(ra, "DataCite"):
		return c.dataCite(ctx, id)
	}
	return dataset.Document{}, &Error{ID: id, URL: c.agencyURL(id), Err: fmt.Errorf("registered with %q, and only Crossref's and DataCite's records can be fetched: %w", ra, ErrAgency)}
}

// crossref fetches the record of the DOI of id from Crossref's REST API
// (GET /works/{doi}).
func (c *Client) crossref(ctx context.Context, id ID) (dataset.Document, error) {
	u := endpoint(c.CrossrefURL, DefaultCrossrefURL, "works/"+escapeDOI(id.DOI()), c.politeQuery())
	data, err := c.get(ctx, id, u, jsonType)
	if err != nil {
		return dataset.Document{}, err
	}
	var r struct {
		Status  string `json:"status"`
		Type    string `json:"message-type"`
		Message *struct {
			DOI string `json:"DOI"`
		} `json:"message"`
	}
	switch err := json.Unmarshal(data, &r); {
	case err != nil:
		return dataset.Document{}, invalid(id, u, "%v", err)
	case r.Status != "ok" || r.Type != "work" || r.Message == nil || r.Message.DOI == "":
		return dataset.Document{}, invalid(id, u, `want {"status":"ok","message-type":"work","message":{"DOI":…}}, got status %q, message-type %q`, r.Status, r.Type)
	case !sameDOI(r.Message.DOI, id.DOI()):
		return dataset.Document{}, mismatch(id, u, DOIScheme+r.Message.DOI)
	}
	return document(id, "", c.CrossrefURL, DefaultCrossrefURL, data), nil
}

// dataCite fetches the record of the DOI of id from DataCite's REST API
// (GET /dois/{doi}).
func (c *Client) dataCite(ctx context.Context, id ID) (dataset.Document, error) {
	u := endpoint(c.DataCiteURL, DefaultDataCiteURL, "dois/"+escapeDOI(id.DOI()), nil)
	data, err := c.get(ctx, id, u, jsonAPIType)
	if err != nil {
		return dataset.Document{}, err
	}
	var r struct {
		Data *struct {
			Attributes struct {
				DOI string `json:"doi"`
			} `json:"attributes"`
		} `json:"data"`
	}
	switch err := json.Unmarshal(data, &r); {
	case err != nil:
		return dataset.Document{}, invalid(id, u, "%v", err)
	case r.Data == nil || r.Data.Attributes.DOI == "":
		return dataset.Document{}, invalid(id, u, `want {"data":{"attributes":{"doi":…}}}`)
	case !sameDOI(r.Data.Attributes.DOI, id.DOI()):
		return dataset.Document{}, mismatch(id, u, DOIScheme+r.Data.Attributes.DOI)
	}
	return document(id, "", c.DataCiteURL, DefaultDataCiteURL, data), nil
}

// sameDOI reports whether a DOI in a response, which may be a doi.org URL,
// is want, regardless of case.
func sameDOI(got string, want publication.DOI) bool {
	d, err := publication.ParseDOI(got)
	return err == nil && d.Key() == want.Key()
}

// politeQuery returns the parameters of a polite request: mailto, if the
// Client has one.
func (c *Client) politeQuery() url.Values {
	q := url.Values{}
	if m := c.mailto(); m != "" {
		q.Set("mailto", m)
	}
	return q
}

func (c *Client) mailto() string {
	m, _ := cutPrefixFold(strings.TrimSpace(c.Mailto), "mailto:")
	return m
}

// endpoint returns the URL of path, already escaped, under base (def if
// base is ""), with the parameters q.
func endpoint(base, def, path string, q url.Values) string {
	if base == "" {
		base = def
	}
	u := strings.TrimSuffix(base, "/") + "/" + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// escapeDOI escapes a DOI for a URL path, keeping its slashes: Crossref,
// DataCite and doi.org all take /{prefix}/{suffix}.
func escapeDOI(d publication.DOI) string {
	segs := strings.Split(d.String(), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// document returns data as the document of id (with the suffix after it,
// such as "/works/1"), named after the service that served it.
func document(id ID, suffix, base, def string, data []byte) dataset.Document {
	if base == "" {
		base = def
	}
	return dataset.Document{Name: fmt.Sprintf("%s%s (%s)", id, suffix, host(base)), Data: data}
}

// invalid returns the error of a response of u that is not as documented.
func invalid(id ID, u, format string, args ...any) *Error {
	return &Error{ID: id, URL: redact(u), Err: fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), ErrInvalidResponse)}
}

// mismatch returns the error of a response of u that is the record of got.
func mismatch(id ID, u string, got string) *Error {
	return &Error{ID: id, URL: redact(u), Err: fmt.Errorf("the response is the record of %s: %w", got, ErrMismatch)}
}

func (c *Client) httpClient() *http.Client {
	if c.HTTPClient != nil {
		return c.HTTPClient
	}
	return http.DefaultClient
}

// userAgent returns the User-Agent: "scholarld/<version>" or the
// Client's, then its mailto.
func (c *Client) userAgent() string {
	ua := c.UserAgent
	if ua == "" {
		ua = "scholarld/" + version()
	}
	if m := c.mailto(); m != "" {
		ua += " (mailto:" + m + ")"
	}
	return ua
}

// version returns the version of scholarld's module in the build, such
// as "v0.4.0", or "devel" for a build from a work tree.
var version = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := ""
	if info.Main.Path == modulePath {
		v = info.Main.Version
	}
	for _, m := range info.Deps {
		if m.Path == modulePath {
			v = m.Version
			if m.Replace != nil {
				v = m.Replace.Version
			}
		}
	}
	if v == "" || v == "(devel)" {
		return "devel"
	}
	return v
})

func (c *Client) timeout() time.Duration {
	switch {
	case c.Timeout < 0:
		return 0
	case c.Timeout == 0:
		return DefaultTimeout
	}
	return c.Timeout
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

func (c *Client) maxWorks() int {
	if c.MaxWorks > 0 {
		return c.MaxWorks
	}
	return DefaultMaxWorks
}
