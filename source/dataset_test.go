package source_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gopkg.in/yaml.v3"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// toJSON rewrites a YAML document of the model as JSON, keeping its form:
// true, false and null stay so, and every other scalar, numbers and
// dates included, becomes a string, since the model holds only text and
// true/false. A scalar stays a scalar where YAML writes a plain name for a
// profile.PersonRef. Each list item and mapping entry is on its own line.
func toJSON(t testing.TB, data []byte) []byte {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	writeJSON(t, &b, doc.Content[0], "")
	b.WriteByte('\n')
	return b.Bytes()
}

func writeJSON(t testing.TB, b *bytes.Buffer, n *yaml.Node, indent string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		b.WriteString("{")
		for i := 0; i < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + indent + "  ")
			writeString(t, b, n.Content[i].Value)
			b.WriteString(": ")
			writeJSON(t, b, n.Content[i+1], indent+"  ")
		}
		b.WriteString("\n" + indent + "}")
	case yaml.SequenceNode:
		b.WriteString("[")
		for i, c := range n.Content {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + indent + "  ")
			writeJSON(t, b, c, indent+"  ")
		}
		b.WriteString("\n" + indent + "]")
	default:
		switch n.ShortTag() {
		case "!!bool", "!!null":
			b.WriteString(n.Value)
		default:
			writeString(t, b, n.Value)
		}
	}
}

func writeString(t testing.TB, b *bytes.Buffer, s string) {
	out, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	b.Write(out)
}

// TestSeedAsJSON checks that the example dataset, rewritten as JSON,
// decodes to exactly the Go values that its YAML does.
func TestSeedAsJSON(t *testing.T) {
	t.Parallel()
	names, err := fs.Glob(seed.FS, "*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no seed files: %v", err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, err := fs.ReadFile(seed.FS, name)
			if err != nil {
				t.Fatal(err)
			}
			fromYAML, err := dataset.Decode(name, bytes.NewReader(data))
			if err != nil {
				t.Fatalf("YAML: %v", err)
			}
			jsonName := strings.TrimSuffix(name, ".yaml") + ".json"
			fromJSON, err := dataset.Decode(jsonName, bytes.NewReader(toJSON(t, data)))
			if err != nil {
				t.Fatalf("JSON: %v", err)
			}
			if n := len(fromYAML.People) + len(fromYAML.Organizations) + len(fromYAML.Publications); n == 0 {
				t.Fatal("no records")
			}
			if diff := cmp.Diff(fromYAML, fromJSON, cmpopts.IgnoreTypes(source.Origin{}) /* the same records, from another file */); diff != "" {
				t.Errorf("JSON decodes differently from YAML (-yaml +json):\n%s", diff)
			}
		})
	}
}

// TestValidateJSON checks that errors found by package validate in a JSON
// file point at the right line and column, as they do for YAML.
func TestValidateJSON(t *testing.T) {
	t.Parallel()
	const doc = `{"people": [
  {
    "id": "ada",
    "name": {"display": "Ada Lovelace"},
    "identifiers": {"orcid": "0000-0002-1825-0096"},
    "positions": [
      {"organization": "analytical-engines", "kind": "employment", "start": "1843", "end": "1842"}
    ]
  }
]}
`
	d, err := dataset.Decode("ada.json", strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	err = validate.Dataset(d)
	var got []string
	for _, e := range errList(t, err) {
		got = append(got, fmt.Sprintf("%v %s", e.Pos, e.Path))
	}
	want := []string{
		"ada.json:5:30 people[0].identifiers.orcid",
		"ada.json:7:24 people[0].positions[0].organization",
		"ada.json:7:92 people[0].positions[0].end",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("validation errors (-want +got):\n%s\n%v", diff, err)
	}
}

// TestDatasetJSONErrors checks that a JSON dataset with problems in values
// is decoded as far as it goes, like YAML, and with a syntax error is not.
func TestDatasetJSONErrors(t *testing.T) {
	t.Parallel()
	d, err := dataset.Decode("p.json", strings.NewReader(`{"people": [{"id": "a", "name": {"display": "A"}, "colour": "red"}, {"id": 7}]}`))
	if !errors.Is(err, source.ErrUnknownField) || !errors.Is(err, source.ErrType) || d == nil || len(d.People) != 2 || d.People[0].Name.Display != "A" {
		t.Errorf("Parse(unknown field, wrong type) = %v, %v; want two people and both errors", d, err)
	}
	d, err = dataset.Decode("p.json", strings.NewReader(`{"people": [{"id": "a",}]}`))
	if !errors.Is(err, source.ErrSyntax) || d != nil {
		t.Errorf("Parse(bad syntax) = %v, %v; want nil and ErrSyntax", d, err)
	}
}

func errList(t *testing.T, err error) source.ErrorList {
	t.Helper()
	list, ok := errors.AsType[source.ErrorList](err)
	if !ok {
		t.Fatalf("error %v (%T) is not a source.ErrorList", err, err)
	}
	return list
}
