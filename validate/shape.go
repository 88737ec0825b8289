package validate

import (
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"github.com/scholarld/scholarld/dataset"
)

// shapes checks the struct tags of every record.
func (c *checker) shapes() {
	v := structValidator()
	for i := range c.d.People {
		c.shape(v, dataset.People, i, &c.d.People[i])
	}
	for i := range c.d.Organizations {
		c.shape(v, dataset.Organizations, i, &c.d.Organizations[i])
	}
	for i := range c.d.Publications {
		c.shape(v, dataset.Publications, i, &c.d.Publications[i])
	}
}

func (c *checker) shape(v *validator.Validate, s dataset.Section, i int, record any) {
	err := v.Struct(record)
	var fes validator.ValidationErrors
	if !errors.As(err, &fes) {
		if err != nil {
			c.report(s, i, "", fmt.Errorf("%v: %w", err, ErrInvalid))
		}
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
	case "httpurl":
		return fmt.Errorf("%s is not an absolute http or https URL: %w", quote(val), ErrInvalid)
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

// isHTTPURL reports whether s is an absolute http or https URL with a host
// and nothing an IRI cannot hold unescaped.
func isHTTPURL(s string) bool {
	if strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`<>"{}|\^`+"`", r)
	}) || !utf8.ValidString(s) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil
}

// textProblem describes what makes s unfit as text, or returns "".
// Text is valid UTF-8 without control characters other than tab and newline.
func textProblem(s string) string {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return fmt.Sprintf("invalid UTF-8 at byte %d", i)
		case r != '\n' && r != '\t' && unicode.IsControl(r):
			return fmt.Sprintf("control character %U at byte %d", r, i)
		}
	}
	return ""
}
