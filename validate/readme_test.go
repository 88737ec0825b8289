package validate_test

import (
	"os"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/validate"
)

// TestFormatDocExample checks that the complete example of the input format
// in docs/format.md loads and validates, so that the documentation stays true.
func TestFormatDocExample(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "A complete example that uses every field")
	_, rest, ok2 := strings.Cut(rest, "```yaml\n")
	block, _, ok3 := strings.Cut(rest, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("docs/format.md has no complete YAML example")
	}
	d, err := dataset.Decode("docs/format.md", strings.NewReader(block))
	if err == nil {
		err = validate.Dataset(d)
	}
	if err != nil {
		t.Fatalf("the example of docs/format.md does not validate:\n%v", err)
	}
	if len(d.People) != 2 || len(d.Organizations) != 3 || len(d.Publications) != 3 {
		t.Errorf("the example of docs/format.md has %d people, %d organizations, %d publications; want 2, 3, 3",
			len(d.People), len(d.Organizations), len(d.Publications))
	}
}
