package resolve

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/dataset"
)

// perPage is how many works a page of OpenAlex's list of works holds, the
// most OpenAlex serves.
const perPage = 200

// openAlexEntity fetches the OpenAlex work or author of id (GET
// /{kind}/{id}) and checks that it is the one asked for.
func (c *Client) openAlexEntity(ctx context.Context, id ID, kind string) (dataset.Document, error) {
	u := c.openAlexURL(kind+"/"+id.OpenAlex(), nil)
	data, err := c.get(ctx, id, u, jsonType)
	if err != nil {
		return dataset.Document{}, err
	}
	var r struct {
		ID string `json:"id"`
	}
	switch err := json.Unmarshal(data, &r); {
	case err != nil:
		return dataset.Document{}, invalid(id, u, "%v", err)
	case r.ID == "":
		return dataset.Document{}, invalid(id, u, `want {"id":…}`)
	case !sameOpenAlex(r.ID, id.OpenAlex()):
		return dataset.Document{}, mismatch(id, u, OpenAlexScheme+r.ID)
	}
	return document(id, "", c.OpenAlexURL, DefaultOpenAlexURL, data), nil
}

// sameOpenAlex reports whether the id in a response, usually a URL such
// as "https://openalex.org/W2741809807", is want, such as "W2741809807".
func sameOpenAlex(got, want string) bool {
	return strings.EqualFold(got, want) ||
		len(got) > len(want) && got[len(got)-len(want)-1] == '/' && strings.EqualFold(got[len(got)-len(want):], want)
}

// openAlexAuthor fetches the OpenAlex author of id and the pages of their
// works, at most MaxWorks works.
func (c *Client) openAlexAuthor(ctx context.Context, id ID) ([]dataset.Document, error) {
	author, err := c.openAlexEntity(ctx, id, "authors")
	if err != nil {
		return nil, err
	}
	docs := []dataset.Document{author}
	limit := c.maxWorks()
	works := 0
	cursor := "*"
	for {
		q := url.Values{
			"filter":   {"author.id:" + id.OpenAlex()},
			"per-page": {strconv.Itoa(perPage)},
			"cursor":   {cursor},
		}
		u := c.openAlexURL("works", q)
		data, err := c.get(ctx, id, u, jsonType)
		if err != nil {
			return nil, err
		}
		var page struct {
			Meta *struct {
				Count      int     `json:"count"`
				NextCursor *string `json:"next_cursor"`
			} `json:"meta"`
			Results *[]struct{} `json:"results"`
		}
		if err := json.Unmarshal(data, &page); err != nil {
			return nil, invalid(id, u, "%v", err)
		}
		if page.Meta == nil || page.Results == nil {
			return nil, invalid(id, u, `want {"meta":{…},"results":[…]}`)
		}
		n := len(*page.Results)
		if page.Meta.Count > limit || works+n > limit {
			return nil, &Error{ID: id, URL: redact(u), Err: fmt.Errorf("OpenAlex lists %d works of the author, more than the limit of %d: %w", max(page.Meta.Count, works+n), limit, ErrTooMany)}
		}
		works += n
		if n > 0 {
			docs = append(docs, document(id, "/works/"+strconv.Itoa(len(docs)), c.OpenAlexURL, DefaultOpenAlexURL, data))
		}
		next := page.Meta.NextCursor
		if next == nil || *next == "" {
			return docs, nil
		}
		if n == 0 {
			// Another page would be as empty: OpenAlex ends with an
			// empty page whose next_cursor is null.
			return nil, invalid(id, u, "an empty page with a next_cursor")
		}
		cursor = *next
	}
}

// openAlexURL returns the URL of path at OpenAlex, with the parameters q,
// the Client's mailto and its API key.
func (c *Client) openAlexURL(path string, q url.Values) string {
	if q == nil {
		q = url.Values{}
	}
	if m := c.mailto(); m != "" {
		q.Set("mailto", m)
	}
	if c.OpenAlexKey != "" {
		q.Set("api_key", c.OpenAlexKey)
	}
	return endpoint(c.OpenAlexURL, DefaultOpenAlexURL, path, q)
}
