package source_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/source"
)

// BenchmarkSyntaxError locates a syntax error near the end of a 1 MB
// document. Fuzzing found this path slow when it re-parsed a prefix per
// line; it now parses a logarithmic number of prefixes.
func BenchmarkSyntaxError(b *testing.B) {
	var doc strings.Builder
	doc.WriteString("items:\n")
	for i := 0; doc.Len() < 1<<20; i++ {
		fmt.Fprintf(&doc, "  - name: item %d\n    count: %d\n", i, i)
	}
	doc.WriteString("   count: 1\n") // bad indentation
	data := []byte(doc.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := source.NewFile("big.yaml", data)
		if err == nil {
			var v struct {
				Items []struct {
					Name  string `yaml:"name"`
					Count int    `yaml:"count"`
				} `yaml:"items"`
			}
			err = f.Decode(&v)
		}
		if err == nil {
			b.Fatal("no syntax error")
		}
	}
}
