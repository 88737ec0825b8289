package export_test

import (
	"encoding/json"
	"testing"

	"github.com/scholarld/scholarld/export"
)

const examplePerson = "ioannis-mitliagkas"

// BenchmarkProfileScript makes the HTML snippet of the example's profile
// page, as a web server would for each request (the dataset validated once,
// at load).
func BenchmarkProfileScript(b *testing.B) {
	d := loadSeed(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := export.ProfileScript(d, examplePerson, export.Options{Validated: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProfileJSONMarshal is the yardstick of BenchmarkProfileScript:
// encoding/json's Marshal of the same JSON-LD document, decoded into any
// once beforehand.
func BenchmarkProfileJSONMarshal(b *testing.B) {
	d := loadSeed(b)
	data, err := export.ProfileJSONLD(d, examplePerson, export.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(doc); err != nil {
			b.Fatal(err)
		}
	}
}
