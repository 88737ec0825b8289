package source_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/source"
)

// ref is a struct that also decodes from text, as profile.PersonRef does.
type ref struct {
	Ref  string `yaml:"ref,omitempty" json:"ref,omitempty"`
	Name string `yaml:"name,omitempty" json:"name,omitempty"`
}

func (r *ref) UnmarshalText(text []byte) error {
	*r = ref{Name: string(text)}
	return nil
}

// jitem and jdoc have json tags like yaml's, so JSON decodes with json-experiment.
type jitem struct {
	Name  string   `yaml:"name" json:"name"`
	Count int      `yaml:"count" json:"count"`
	Tags  []string `yaml:"tags" json:"tags"`
	Who   []ref    `yaml:"who" json:"who"`
	On    bool     `yaml:"on" json:"on"`
	Next  *jitem   `yaml:"next" json:"next"`
}

type jdoc struct {
	Items []jitem           `yaml:"items" json:"items"`
	Notes map[string]string `yaml:"notes" json:"notes"`
}

func TestDecodeJSONErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		file string // "f.json" when empty
		in   string
		want []want
	}{
		{"ok", "", `{"items": [{"name": "a", "count": 1, "tags": ["x"], "on": true}]}`, nil},
		{"empty", "", "", nil},
		{"blank", "", " \n\n", nil},
		{"null", "", "null", nil},
		{"unknown field", "", "{\"items\": [\n  {\"name\": \"a\", \"colour\": \"red\"}\n]}", []want{
			{"f.json:2:17", "items[0].colour", source.ErrUnknownField},
		}},
		{"two unknown fields in two items", "", "{\"items\": [\n  {\"nme\": \"a\"},\n  {\"name\": \"b\", \"cont\": 3}\n]}", []want{
			{"f.json:2:4", "items[0].nme", source.ErrUnknownField},
			{"f.json:3:17", "items[1].cont", source.ErrUnknownField},
		}},
		{"unknown top-level key", "", `{"itemz": []}`, []want{
			{"f.json:1:2", "itemz", source.ErrUnknownField},
		}},
		{"duplicate key", "", "{\"items\": [\n  {\"name\": \"a\",\n   \"name\": \"b\"}\n]}", []want{
			{"f.json:3:4", "items[0].name", source.ErrDuplicateKey},
		}},
		{"duplicate map key", "", `{"notes": {"a": "x", "a": "y"}}`, []want{
			{"f.json:1:22", "notes.a", source.ErrDuplicateKey},
		}},
		{"duplicate top-level key", "", "{\"items\": [],\n\"items\": []}", []want{
			{"f.json:2:1", "items", source.ErrDuplicateKey},
		}},
		{"wrong type", "", "{\"items\": [\n  {\"name\": \"a\", \"count\": \"many\"}\n]}", []want{
			{"f.json:2:26", "items[0].count", source.ErrType},
		}},
		{"number for text", "", `{"items": [{"name": 1e3}]}`, []want{
			{"f.json:1:21", "items[0].name", source.ErrType},
		}},
		{"list for text", "", `{"items": [{"name": ["a", "b"]}]}`, []want{
			{"f.json:1:21", "items[0].name", source.ErrType},
		}},
		{"mapping for list", "", `{"items": {"name": "a"}}`, []want{
			{"f.json:1:11", "items", source.ErrType},
		}},
		{"text for true/false", "", `{"items": [{"on": "yes"}]}`, []want{
			{"f.json:1:19", "items[0].on", source.ErrType},
		}},
		{"number too large", "", `{"items": [{"count": 1e999}]}`, []want{
			{"f.json:1:22", "items[0].count", source.ErrType},
		}},
		{"list document", "", `["a", "b"]`, []want{
			{"f.json:1:1", "", source.ErrType},
		}},
		{"every problem at once", "", "{\"items\": [\n {\"name\": 1, \"colour\": 2},\n {\"count\": \"x\", \"count\": 3},\n {\"next\": {\"nme\": \"c\"}}\n]}", []want{
			{"f.json:2:11", "items[0].name", source.ErrType},
			{"f.json:2:14", "items[0].colour", source.ErrUnknownField},
			{"f.json:3:12", "items[1].count", source.ErrType},
			{"f.json:3:17", "items[1].count", source.ErrDuplicateKey},
			{"f.json:4:12", "items[2].next.nme", source.ErrUnknownField},
		}},
		{"text struct as text or object", "", `{"items": [{"who": ["Ada", {"ref": "ada"}, null]}]}`, nil},
		{"text struct as number", "", `{"items": [{"who": [3]}]}`, []want{
			{"f.json:1:21", "items[0].who[0]", source.ErrType},
		}},
		{"text struct with unknown field", "", `{"items": [{"who": [{"ref": "a", "age": 3}]}]}`, []want{
			{"f.json:1:34", "items[0].who[0].age", source.ErrUnknownField},
		}},
		{"escaped NUL is text", "", `{"items": [{"name": "a\u0000b"}]}`, nil},
		{"long string", "", `{"items": [{"name": "` + strings.Repeat("é", 1<<20) + `"}]}`, nil},
		{"raw tab in a string", "", "{\"items\": [{\"name\": \"a\tb\"}]}", []want{
			{"f.json:1:23", "", source.ErrSyntax},
		}},
		{"characters, not bytes, for columns", "", "{\"items\": [{\"name\": \"Élise Dûpont\", \"count\": \"x\"}]}", []want{
			{"f.json:1:46", "items[0].count", source.ErrType},
		}},
		{"tabs", "", "{\n\t\"items\": [\n\t\t{\"name\": \"a\", \"colour\": 1}\n\t]\n}\n", []want{
			{"f.json:3:17", "items[0].colour", source.ErrUnknownField},
		}},
		{"CRLF", "", "{\"items\": [\r\n  {\"count\": \"x\"}\r\n]}\r\n", []want{
			{"f.json:2:13", "items[0].count", source.ErrType},
		}},
		{"byte-order mark", "", "\uFEFF{\"items\": [{\"count\": \"x\"}]}", []want{
			{"f.json:1:22", "items[0].count", source.ErrType},
		}},

		// Invalid JSON that YAML would accept.
		{"trailing comma", "", "{\"items\": [\n  {\"name\": \"a\"},\n]}", []want{
			{"f.json:2:16", "", source.ErrSyntax}, // at the comma
		}},
		{"trailing comma in object", "", "{\"items\": [{\"name\": \"a\",}]}", []want{
			{"f.json:1:24", "", source.ErrSyntax},
		}},
		{"unquoted date", "", `{"items": [{"name": 2024-01-02}]}`, []want{
			{"f.json:1:25", "", source.ErrSyntax},
		}},
		{".nan", "", `{"items": [{"count": .nan}]}`, []want{
			{"f.json:1:22", "", source.ErrSyntax},
		}},
		{"NaN", "", `{"items": [{"count": NaN}]}`, []want{
			{"f.json:1:22", "", source.ErrSyntax},
		}},
		{"line comment", "", "{\n// items\n\"items\": []}", []want{
			{"f.json:2:1", "", source.ErrSyntax},
		}},
		{"block comment", "", `{"items": /* none */ []}`, []want{
			{"f.json:1:11", "", source.ErrSyntax},
		}},
		{"unquoted key", "", `{items: []}`, []want{
			{"f.json:1:2", "", source.ErrSyntax},
		}},
		{"single quotes", "", `{"items": [{"name": 'a'}]}`, []want{
			{"f.json:1:21", "", source.ErrSyntax},
		}},
		{"lone surrogate", "", "{\"items\": [\n  {\"name\": \"a\\ud800b\"}\n]}", []want{
			{"f.json:2:14", "", source.ErrSyntax},
		}},
		{"unclosed", "", "{\"items\": [\n  {\"name\": \"a\"}\n", []want{
			{"f.json:3:1", "", source.ErrSyntax},
		}},
		{"second value", "", "{\"items\": []}\n{\"items\": []}\n", []want{
			{"f.json:2:1", "", source.ErrSyntax},
		}},
		{"type error before a syntax error", "", "{\"items\": [\n  {\"count\": \"x\"},\n  {\"name\": \"a\",}\n]}", []want{
			{"f.json:3:15", "", source.ErrSyntax},
		}},
		{"deep nesting", "", `{"items": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}", []want{
			{"f.json:1:10010", "", source.ErrSyntax}, // the 10,001st level,
		}},
		{"deep nesting in an unknown field", "", `{"x": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}", []want{
			{"f.json:1:10006", "", source.ErrSyntax},
		}},
		{"YAML in a .json file", "", "items: []\n", []want{
			{"f.json:1:1", "", source.ErrSyntax},
		}},
		{"JSON by content in a .yaml file", "f.yaml", `{"items": [{"name": "a",}]}`, []want{
			{"f.yaml:1:24", "", source.ErrSyntax},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			name := tc.file
			if name == "" {
				name = "f.json"
			}
			var d jdoc
			f, err := source.NewFile(name, []byte(tc.in))
			if err == nil {
				err = f.Decode(&d)
			}
			if diff := cmp.Diff(tc.want, got(t, err), cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("errors of %.200q (-want +got):\n%s\nerror: %.2000v", tc.in, diff, err)
			}
		})
	}
}

// TestDecodeJSONValues checks what JSON decodes to, and that the slow pass
// that collects errors leaves the same values as the fast one would.
func TestDecodeJSONValues(t *testing.T) {
	t.Parallel()
	const in = `{"items": [
		{"name": "\ud83d\ude00 \u00e9", "count": 2, "tags": ["x", "y"], "who": ["Ada", {"ref": "bob"}], "on": true,
		 "next": {"name": "inner"}},
		{"name": "b", "count": -1}
	], "notes": {"k": "v"}}`
	want := jdoc{
		Items: []jitem{
			{Name: "😀 é", Count: 2, Tags: []string{"x", "y"}, Who: []ref{{Name: "Ada"}, {Ref: "bob"}}, On: true, Next: &jitem{Name: "inner"}},
			{Name: "b", Count: -1},
		},
		Notes: map[string]string{"k": "v"},
	}
	f, err := source.NewFile("f.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var d jdoc
	if err := f.Decode(&d); err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("Decode (-want +got):\n%s", diff)
	}

	// The same with one error at the end: the slow pass decodes the rest.
	bad := strings.Replace(in, `"notes": {"k": "v"}`, `"notes": {"k": "v"}, "extra": 1`, 1)
	if f, err = source.NewFile("f.json", []byte(bad)); err != nil {
		t.Fatal(err)
	}
	var partial jdoc
	if err := f.Decode(&partial); !errors.Is(err, source.ErrUnknownField) {
		t.Fatalf("Decode = %v, want ErrUnknownField", err)
	}
	if diff := cmp.Diff(want, partial); diff != "" {
		t.Errorf("Decode with an error (-want +got):\n%s", diff)
	}
}

// TestJSONPosAgrees checks that the position of a type error in JSON is
// where [source.File.Pos] puts its path: errors found later by validation
// point at the same places as decoding errors.
func TestJSONPosAgrees(t *testing.T) {
	t.Parallel()
	const in = "{\"items\": [\n\t{\"name\": \"Zoë\", \"count\": \"x\"},\n\t{\"tags\": [\"a\", 2]}\n]}\n"
	f, err := source.NewFile("f.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var d jdoc
	err = f.Decode(&d)
	list, ok := errors.AsType[source.ErrorList](err)
	if !ok || len(list) != 2 {
		t.Fatalf("Decode = %v, want two errors", err)
	}
	for _, e := range list {
		if got := f.Pos(e.Path); got != e.Pos {
			t.Errorf("Pos(%q) = %v, want %v as in the error", e.Path, got, e.Pos)
		}
	}
}

// TestJSONFallsBackToYAML checks that a type whose JSON and YAML names
// differ is decoded from JSON by yaml.v3, with YAML's names.
func TestJSONFallsBackToYAML(t *testing.T) {
	t.Parallel()
	type odd struct {
		FullName string `yaml:"full_name" json:"fullName"`
	}
	f, err := source.NewFile("f.json", []byte(`{"full_name": "Ada"}`))
	if err != nil {
		t.Fatal(err)
	}
	var v odd
	if err := f.Decode(&v); err != nil || v.FullName != "Ada" {
		t.Errorf("Decode = %+v, %v; want Ada from the yaml name", v, err)
	}
	var a any
	if err := f.Decode(&a); err != nil {
		t.Errorf("Decode(any) = %v", err)
	}
}
