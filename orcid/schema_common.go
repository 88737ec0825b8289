package orcid

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/scholarld/scholarld/source"
)

// The types of this file and the other schema_*.go files are ORCID API
// v3.0's message format (record-3.0.xsd and common-3.0.xsd), one Go type per
// XSD type, for both of ORCID's encodings: each field has an `xml` tag with
// the element's namespace and a `json` tag with the public API's kebab-case
// key. Only the elements scholarld reads or writes are declared; decoding
// skips the others (created dates, sources, visibility, fundings, peer
// reviews, …). Optional complex elements are pointers, because encoding/xml
// cannot omit an empty struct.

// A Value is text that ORCID's JSON wraps in an object, {"value": "…"},
// and its XML writes as an element's text, such as a fuzzy date's year or a
// work's journal title. Decoding JSON also accepts a bare string, a number
// and null, as ORCID's samples use all three. The zero Value is absent.
type Value string

// MarshalJSON writes v as {"value": "…"}.
func (v Value) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Value string `json:"value"`
	}{string(v)})
}

// UnmarshalJSON reads {"value": …}, a string, a number or null. Anything
// else is a *json.UnmarshalTypeError.
func (v *Value) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '{' {
		var w struct {
			Value json.RawMessage `json:"value"`
		}
		if err := json.Unmarshal(data, &w); err != nil {
			return err
		}
		data = bytes.TrimSpace(w.Value)
	}
	switch {
	case len(data) == 0 || string(data) == "null":
		*v = ""
	case data[0] == '"':
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		*v = Value(s)
	case data[0] == '-' || '0' <= data[0] && data[0] <= '9':
		*v = Value(data)
	default:
		return &json.UnmarshalTypeError{Value: jsonValueKind(data[0]), Type: reflect.TypeFor[Value]()}
	}
	return nil
}

// jsonValueKind names the kind of JSON value that starts with c, for errors.
func jsonValueKind(c byte) string {
	switch c {
	case '[':
		return "array"
	case '{':
		return "object"
	case 't', 'f':
		return "bool"
	}
	return "value"
}

// A PutCode is the number ORCID gives each item of a record. In XML it is
// an attribute, in JSON a number. The zero PutCode is absent.
type PutCode int64

// UnmarshalXMLAttr parses the attribute's decimal digits.
func (p *PutCode) UnmarshalXMLAttr(attr xml.Attr) error {
	s := strings.TrimSpace(attr.Value)
	if s == "" {
		*p = 0
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return fmt.Errorf("put-code %q is not a number: %w", attr.Value, source.ErrType)
	}
	*p = PutCode(n)
	return nil
}

// A Timestamp is an ORCID date and time, such as a last-modified-date: an
// xs:dateTime in XML and {"value": milliseconds since 1970} in JSON. Times
// ORCID writes without a zone are read as UTC. The zero Timestamp is absent.
type Timestamp struct{ time.Time }

// timestampLayouts are the xs:dateTime forms ORCID writes, the zone optional.
var timestampLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"}

// MarshalText writes t in UTC, such as "2026-11-28T00:00:00Z".
func (t Timestamp) MarshalText() ([]byte, error) {
	return []byte(t.UTC().Format(time.RFC3339Nano)), nil
}

// UnmarshalText parses an xs:dateTime, ignoring surrounding white space as
// ORCID's own samples need.
func (t *Timestamp) UnmarshalText(text []byte) error {
	s := strings.TrimSpace(string(text))
	for _, layout := range timestampLayouts {
		if v, err := time.Parse(layout, s); err == nil {
			t.Time = v.UTC()
			return nil
		}
	}
	return fmt.Errorf("%q is not a date and time such as 2001-12-31T12:00:00: %w", s, source.ErrType)
}

// MarshalJSON writes {"value": milliseconds}.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Value int64 `json:"value"`
	}{t.UnixMilli()})
}

// UnmarshalJSON reads {"value": milliseconds} or null.
func (t *Timestamp) UnmarshalJSON(data []byte) error {
	var w *struct {
		Value *int64 `json:"value"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	t.Time = time.Time{}
	if w != nil && w.Value != nil {
		t.Time = time.UnixMilli(*w.Value).UTC()
	}
	return nil
}

// A FuzzyDate is a date given to the year, the month or the day. Month and
// day are zero-padded ("09"). ORCID's XSD allows years 1900 to 2100.
type FuzzyDate struct {
	Year  Value `xml:"http://www.orcid.org/ns/common year" json:"year"`
	Month Value `xml:"http://www.orcid.org/ns/common month,omitempty" json:"month,omitempty"`
	Day   Value `xml:"http://www.orcid.org/ns/common day,omitempty" json:"day,omitempty"`
}

// An Identifier is an ORCID iD as a record writes it: the URI, the
// bare iD (path) and the host, as in orcid-identifier and contributor-orcid.
type Identifier struct {
	URI  string `xml:"http://www.orcid.org/ns/common uri,omitempty" json:"uri,omitempty"`
	Path string `xml:"http://www.orcid.org/ns/common path,omitempty" json:"path,omitempty"`
	Host string `xml:"http://www.orcid.org/ns/common host,omitempty" json:"host,omitempty"`
}

// An ExternalID is an identifier of a work, a group, an affiliation or a
// person: its type from ORCID's list ("doi", "arxiv", "isbn", …), its
// value, a URL, and its relationship to the item: "self", "part-of" (such
// as a journal's ISSN), "version-of" (another version of the work) or
// "funded-by".
type ExternalID struct {
	Type         string `xml:"http://www.orcid.org/ns/common external-id-type" json:"external-id-type"`
	Value        string `xml:"http://www.orcid.org/ns/common external-id-value" json:"external-id-value"`
	URL          Value  `xml:"http://www.orcid.org/ns/common external-id-url,omitempty" json:"external-id-url,omitempty"`
	Relationship string `xml:"http://www.orcid.org/ns/common external-id-relationship,omitempty" json:"external-id-relationship,omitempty"`
}

// The relationships of an [ExternalID] to its item.
const (
	Self      = "self"
	PartOf    = "part-of"
	VersionOf = "version-of"
)

// ExternalIDs is the external-ids element: a list of [ExternalID]s.
type ExternalIDs struct {
	ExternalID []ExternalID `xml:"http://www.orcid.org/ns/common external-id" json:"external-id"`
}

// An Organization is the organization of an affiliation, as ORCID holds it:
// a name, the address where the affiliation is, and at most one
// identifier in a registry.
type Organization struct {
	Name          string                     `xml:"http://www.orcid.org/ns/common name" json:"name"`
	Address       OrganizationAddress        `xml:"http://www.orcid.org/ns/common address" json:"address"`
	Disambiguated *DisambiguatedOrganization `xml:"http://www.orcid.org/ns/common disambiguated-organization,omitempty" json:"disambiguated-organization,omitempty"`
}

// An OrganizationAddress is a city, a region and an ISO 3166-1 alpha-2
// country code, each optional in the XSD.
type OrganizationAddress struct {
	City    string `xml:"http://www.orcid.org/ns/common city,omitempty" json:"city,omitempty"`
	Region  string `xml:"http://www.orcid.org/ns/common region,omitempty" json:"region,omitempty"`
	Country string `xml:"http://www.orcid.org/ns/common country,omitempty" json:"country,omitempty"`
}

// A DisambiguatedOrganization is an organization's identifier in a
// registry: Source is "ROR" (with the ROR URL, such as
// "https://ror.org/0161xgx34"), "RINGGOLD", "GRID", "FUNDREF" or "LEI".
type DisambiguatedOrganization struct {
	Identifier string `xml:"http://www.orcid.org/ns/common disambiguated-organization-identifier" json:"disambiguated-organization-identifier"`
	Source     string `xml:"http://www.orcid.org/ns/common disambiguation-source" json:"disambiguation-source"`
}
