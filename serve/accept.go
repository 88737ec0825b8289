package serve

import (
	"strings"
)

// A mediaRange is one element of an Accept header: a media range such as
// "text/*" and its weight.
type mediaRange struct {
	typ, sub string // lower case; "*" is a wildcard
	q        int    // the weight, in thousandths: 0 to 1000
}

// maxRanges bounds the media ranges read from one Accept header.
const maxRanges = 64

// parseAccept parses the value of an Accept header (RFC 9110, section
// 12.5.1) into its media ranges, in order. Malformed elements are skipped,
// as are those past the first maxRanges; a malformed weight counts as 0.
// It reports false for a header that is missing, empty or holds no
// well-formed range: such a header is ignored, and accepts anything.
func parseAccept(header string) ([]mediaRange, bool) {
	if strings.TrimSpace(header) == "" {
		return nil, false
	}
	var ranges []mediaRange
	for elem := range strings.SplitSeq(header, ",") {
		if len(ranges) == maxRanges {
			break
		}
		mt, params, _ := strings.Cut(elem, ";")
		typ, sub, ok := strings.Cut(strings.ToLower(strings.TrimSpace(mt)), "/")
		if !ok || !isToken(typ) || !isToken(sub) || typ == "*" && sub != "*" {
			continue
		}
		r := mediaRange{typ: typ, sub: sub, q: 1000}
		for params != "" {
			var p string
			p, params, _ = strings.Cut(params, ";")
			name, value, _ := strings.Cut(p, "=")
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "q" {
				r.q = parseQ(strings.TrimSpace(value))
				break // what follows q are accept-ext parameters
			}
		}
		ranges = append(ranges, r)
	}
	return ranges, len(ranges) > 0
}

// parseQ parses a weight: "0" to "1" with at most three decimals. A malformed
// weight is 0, so that the element accepts nothing.
func parseQ(s string) int {
	if len(s) == 0 || len(s) > 5 || s[0] != '0' && s[0] != '1' {
		return 0
	}
	if len(s) > 1 && s[1] != '.' {
		return 0
	}
	digits := ""
	if len(s) > 2 {
		digits = s[2:]
	}
	q := int(s[0]-'0') * 1000
	scale := 100
	for i := range len(digits) {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0
		}
		q += int(c-'0') * scale
		scale /= 10
	}
	if q > 1000 {
		return 0
	}
	return q
}

func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("()<>@,;:\\\"/[]?={}", c) >= 0 {
			return false
		}
	}
	return true
}

// quality returns the weight that ranges give the media type mediaType
// ("type/subtype", lower case): that of the most specific range that
// matches it, the greatest among equally specific ones. -1 means no range
// matches.
func quality(ranges []mediaRange, mediaType string) int {
	typ, sub, _ := strings.Cut(mediaType, "/")
	q, best := -1, -1
	for _, r := range ranges {
		var spec int
		switch {
		case r.typ == typ && r.sub == sub:
			spec = 2
		case r.typ == typ && r.sub == "*":
			spec = 1
		case r.typ == "*":
			spec = 0
		default:
			continue
		}
		if spec > best || spec == best && r.q > q {
			q, best = r.q, spec
		}
	}
	return q
}

// negotiate returns the index in offers of the representation the Accept
// header prefers, or -1 if it accepts none. Each offer is a list of media
// types, its own first and then aliases that clients use for it
// ("application/x-turtle"), all in lower case; offers come in the server's
// order of preference, which breaks ties. A missing or empty header takes
// the first.
func negotiate(header string, offers [][]string) int {
	ranges, ok := parseAccept(header)
	if !ok {
		if len(offers) == 0 {
			return -1
		}
		return 0
	}
	best, bestQ := -1, 0
	for i, names := range offers {
		q := -1
		for _, name := range names {
			q = max(q, quality(ranges, name))
		}
		if q > bestQ {
			best, bestQ = i, q
		}
	}
	return best
}
