package export_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/scholarld/scholarld/export"
)

const examplePerson = "ioannis-mitliagkas"

// BenchmarkProfileScript writes the HTML snippet of the example's profile page.
func BenchmarkProfileScript(b *testing.B) {
	d := loadSeed(b)
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if _, err := export.WriteProfilePage(export.NewScriptEncoder(&buf), d, examplePerson, export.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProfileJSONMarshal is the yardstick of BenchmarkProfileScript:
// encoding/json's Marshal of the same JSON-LD document, decoded into any
// once beforehand.
func BenchmarkProfileJSONMarshal(b *testing.B) {
	d := loadSeed(b)
	var buf bytes.Buffer
	f, _ := export.Lookup("jsonld")
	if _, err := export.WriteProfilePage(f.NewEncoder(&buf), d, examplePerson, export.Options{}); err != nil {
		b.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(doc); err != nil {
			b.Fatal(err)
		}
	}
}
