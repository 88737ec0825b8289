package validate

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"github.com/scholarld/scholarld/dataset"
)

// shapes checks the struct tags of every record, on every core: the
// validator is safe for concurrent use, and the problems are reported in
// one goroutine afterwards, for Locate.
func (c *checker) shapes() {
	type record struct {
		s     dataset.Section
		i     int
		value any
	}
	var records []record
	for i := range c.d.People {
		records = append(records, record{dataset.People, i, &c.d.People[i]})
	}
	for i := range c.d.Organizations {
		records = append(records, record{dataset.Organizations, i, &c.d.Organizations[i]})
	}
	for i := range c.d.Publications {
		records = append(records, record{dataset.Publications, i, &c.d.Publications[i]})
	}
	v := structValidator()
	errs := make([]error, len(records))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(records)/256+1) {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= len(records) {
					return
				}
				errs[k] = v.Struct(records[k].value)
			}
		})
	}
	wg.Wait()
	for k, err := range errs {
		if err != nil {
			c.shape(records[k].s, records[k].i, err)
		}
	}
}

// shape reports the error of the validator about record i of section s.
func (c *checker) shape(s dataset.Section, i int, err error) {
	var fes validator.ValidationErrors
	if !errors.As(err, &fes) {
		c.report(s, i, "", fmt.Errorf("%v: %w", err, ErrInvalid))
		return
	}
	for _, fe := range fes {
		// The namespace is "Person.positions[0].start": the type name, then the YAML path.
		_, sub, _ := strings.Cut(fe.Namespace(), ".")
		c.report(s, i, sub, fieldError(fe))
	}
}

// fieldError turns a validator error into a message a person understands.
func fieldError(fe validator.FieldError) error {
	val := fe.Value()
	switch fe.Tag() {
	case "required":
		return fmt.Errorf("missing: %w", ErrRequired)
	case "min":
		return fmt.Errorf("needs at least %s entries: %w", fe.Param(), ErrRequired)
	case "oneof":
		return fmt.Errorf("%s is not one of: %s: %w", quote(val), strings.ReplaceAll(fe.Param(), " ", ", "), ErrInvalid)
	case "email":
		return fmt.Errorf("%s is not an e-mail address: %w", quote(val), ErrInvalid)
	case "max":
		return fmt.Errorf("%d characters, more than %s (ORCID's limit): %w", utf8.RuneCountInString(reflect.ValueOf(val).String()), fe.Param(), ErrInvalid)
	case "httpurl":
		return fmt.Errorf("%s is not an absolute http or https URL (%s): %w", quote(val), urlProblem(reflect.ValueOf(val).String()), ErrInvalid)
	case "slug":
		return fmt.Errorf("%s is not a valid id: use lower-case letters, digits and single hyphens, as in \"jane-doe-2\": %w", quote(val), ErrInvalid)
	case "text":
		return fmt.Errorf("%s: %w", textProblem(reflect.ValueOf(val).String()), ErrInvalid)
	case "iso3166_1_alpha2":
		return fmt.Errorf("%s is not an ISO 3166-1 alpha-2 country code such as \"CA\": %w", quote(val), ErrInvalid)
	}
	return fmt.Errorf("%s fails rule %q: %w", quote(val), fe.Tag(), ErrInvalid)
}

// quote formats a value for a message, shortening long text.
func quote(v any) string {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.Kind() != reflect.String {
		return fmt.Sprint(v)
	}
	s := rv.String()
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:57]) + "..."
	}
	return fmt.Sprintf("%q", s)
}

// structValidator returns the validator, configured once.
var structValidator = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	rules := map[string]func(string) bool{
		"slug":    isSlug,
		"text":    func(s string) bool { return textProblem(s) == "" },
		"httpurl": isHTTPURL,
	}
	for tag, ok := range rules {
		err := v.RegisterValidation(tag, func(fl validator.FieldLevel) bool {
			return fl.Field().Kind() == reflect.String && ok(fl.Field().String())
		})
		if err != nil {
			panic(err) // a bug in the tag table, found by every test
		}
	}
	return v
})

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// isSlug reports whether s is a lower-case id usable in an IRI path.
func isSlug(s string) bool { return len(s) <= 100 && slugRE.MatchString(s) }

// HTTPURL returns nil if s is a URL that validation accepts in a record:
// an absolute http or https URL that every format written holds as it is
// (see the URL rules in docs/validation.md), or an error saying what is
// wrong with it, wrapping [ErrInvalid].
func HTTPURL(s string) error {
	if isHTTPURL(s) {
		return nil
	}
	return fmt.Errorf("%s is not an absolute http or https URL (%s): %w", quote(s), urlProblem(s), ErrInvalid)
}

// urlProblem says what is wrong with s, which isHTTPURL refuses.
func urlProblem(s string) string {
	switch u, err := url.Parse(s); {
	case len(s) > maxURL:
		return fmt.Sprintf("%d bytes, more than %d", len(s), maxURL)
	case !utf8.ValidString(s):
		return "invalid UTF-8"
	case strings.ContainsFunc(s, badIRIRune):
		r := []rune(s)[slices.IndexFunc([]rune(s), badIRIRune)]
		return fmt.Sprintf("%U may not stand in a URL; percent-encode it", r)
	case err != nil:
		return "it does not parse"
	case u.Scheme != "http" && u.Scheme != "https":
		return "want http:// or https://"
	case u.User != nil:
		return "user information before the host is not allowed"
	case strings.Count(s, "#") > 1:
		return "more than one #"
	case u.Host == "" || !isHost(u.Hostname()):
		return "no valid host name"
	}
	return "a bad port or bracket"
}

// isHTTPURL reports whether s is an absolute http or https URL that every
// format we write holds as it is: an IRI as RFC 3987 has it, whose host is
// a domain name or an IP address, with a port in range and at most one
// fragment, and without the characters that IRIs forbid (white space,
// controls, <>"{}|\^` and the backtick) nor Unicode's formatting
// characters (U+FEFF, the bidirectional controls such as U+202E), which
// IRIs forbid too and JSON-LD processors read as making a relative IRI.
func isHTTPURL(s string) bool {
	if len(s) > maxURL || !utf8.ValidString(s) || strings.ContainsFunc(s, badIRIRune) || strings.Count(s, "#") > 1 {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" || u.User != nil || u.Host == "" {
		return false
	}
	if strings.ContainsAny(strings.TrimPrefix(s, u.Scheme+"://"+u.Host), "[]") {
		return false // brackets belong to an IPv6 host alone
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return false
		}
	} else if strings.HasSuffix(u.Host, ":") {
		return false
	}
	return isHost(u.Hostname())
}

// maxURL is the longest URL ORCID holds (its common:url type), and so the
// longest we accept.
const maxURL = 2084

// badIRIRune reports whether r may not stand unescaped in an IRI.
func badIRIRune(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
		isNonCharacter(r) || strings.ContainsRune(`<>"{}|\^`+"`", r)
}

// isHost reports whether h is an IP address or a domain name: labels of
// letters, digits and hyphens (or other scripts' letters, for an
// internationalized name), none empty, none starting or ending with a
// hyphen, and a final dot at most.
func isHost(h string) bool {
	if h == "" {
		return false
	}
	if _, err := netip.ParseAddr(h); err == nil {
		return true
	}
	if len(h) > 253 {
		return false
	}
	// A name whose last label is a number is no domain name (RFC 3696:
	// no top-level domain is all digits), and the URL Standard, which
	// browsers and JSON-LD processors follow, reads it as an IPv4 address,
	// failing on "e.00000".
	labels := strings.Split(strings.TrimSuffix(h, "."), ".")
	if last := strings.ToLower(labels[len(labels)-1]); strings.Trim(last, "0123456789") == "" ||
		strings.HasPrefix(last, "0x") && strings.Trim(last[2:], "0123456789abcdef") == "" {
		return false
	}
	for _, label := range labels {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
				return false
			}
		}
	}
	return true
}

// isNonCharacter reports whether r is one of Unicode's 66 noncharacters,
// such as U+FFFE, which XML cannot hold.
func isNonCharacter(r rune) bool {
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE
}

// textProblem describes what makes s unfit as text, or returns "".
// Text is valid UTF-8 that is not blank, without control characters other
// than tab and newline and without noncharacters (which XML cannot hold).
func textProblem(s string) string {
	if strings.TrimFunc(s, unicode.IsSpace) == "" && s != "" {
		return "blank: only white space"
	}
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return fmt.Sprintf("invalid UTF-8 at byte %d", i)
		case r != '\n' && r != '\t' && unicode.IsControl(r):
			return fmt.Sprintf("control character %U at byte %d", r, i)
		case isNonCharacter(r):
			return fmt.Sprintf("noncharacter %U at byte %d", r, i)
		}
	}
	return ""
}
