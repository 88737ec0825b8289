// Package hostile holds the hostile text of the tests that check every
// writer escapes what it writes: in JSON-LD, Turtle, N-Triples, the HTML
// snippet and the site's pages.
package hostile

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/validate"
)

// Text would break out of a script element, a comment, an attribute, a
// JSON string or a JavaScript string if written as it is.
const Text = "</script><script>alert(1)</script> <!-- --> <![CDATA[ ]]> \" ' \\ ` & &amp; < > \u2028 \u2029 \"\"\" \n line <img src=x onerror=alert(2)>"

// notText are the string fields that hold ids, references, URLs or codes,
// not free text.
var notText = map[string]bool{
	"ID": true, "Ref": true, "Organization": true, "Parent": true, "Institution": true,
	"VersionOf": true, "URL": true, "PageURL": true, "Homepage": true, "Image": true, "Concept": true, "Country": true,
	"GoogleScholar": true, "DBLP": true, "SemanticScholar": true, "OpenReview": true, "Scopus": true,
	"ResearcherID": true, "Emails": true, "Countries": true, "Scheme": true, "OpenAlex": true,
}

// Poison sets every free-text string field below v, a pointer, to Text
// followed by the field's name.
func Poison(v reflect.Value) { poison(v, "") }

func poison(v reflect.Value, field string) {
	switch v.Kind() {
	case reflect.Pointer:
		poison(v.Elem(), field)
	case reflect.Struct:
		for i := range v.NumField() {
			poison(v.Field(i), v.Type().Field(i).Name)
		}
	case reflect.Slice:
		for i := range v.Len() {
			poison(v.Index(i), field)
		}
	case reflect.String:
		if v.Type() == reflect.TypeFor[string]() && !notText[field] && v.CanSet() {
			v.SetString(Text + " " + field)
		}
	}
}

// Dataset loads the dataset of the file name, which uses every field, and
// poisons it. It checks that the result is still valid, and that the text
// reached the fields.
func Dataset(name string) (*dataset.Dataset, error) {
	d, err := validate.Check(dataset.Load(name))
	if err != nil {
		return nil, err
	}
	Poison(reflect.ValueOf(d))
	if err := validate.Dataset(d); err != nil {
		return nil, fmt.Errorf("hostile text should still be valid: %w", err)
	}
	if !strings.HasPrefix(d.People[0].Name.Display, "</script>") || !strings.HasPrefix(d.Publications[0].Venue.Name, "</script>") {
		return nil, fmt.Errorf("the hostile text did not reach the text fields")
	}
	return d, nil
}
