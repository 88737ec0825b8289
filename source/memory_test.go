package source_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/source"
)

// TestDeepErrorMemory checks that locating errors costs memory in
// proportion to the document: a 2,000-deep nest of 1,000-character keys
// under an unknown field, with a second error after it, took 2 GB for a
// 2 MB file when every level of the walk kept its path as a string.
func TestDeepErrorMemory(t *testing.T) {
	// Not parallel: it measures the allocations of the whole process.
	key := strings.Repeat("k", 1000)
	var b strings.Builder
	b.WriteString("people:\n  - name: x\n    extra:\n")
	for i := range 2000 {
		b.WriteString(strings.Repeat(" ", 6+i) + key + ":\n")
	}
	b.WriteString(strings.Repeat(" ", 6+2000) + "1\n")
	b.WriteString("  - name: y\n    colour: red\n")
	doc := b.String()

	type person struct {
		Name string `yaml:"name"`
	}
	var v struct {
		People []person `yaml:"people"`
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f, err := source.NewFile("deep.yaml", []byte(doc))
	if err == nil {
		err = f.Decode(&v)
	}
	runtime.ReadMemStats(&after)
	n := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d bytes, %d allocated (%.1f per byte)", len(doc), n, float64(n)/float64(len(doc)))
	if !strings.Contains(err.Error(), `people[0].extra: "extra": unknown field`) || !strings.Contains(err.Error(), `people[1].colour: "colour": unknown field`) {
		t.Errorf("err = %.500v, want both unknown fields", err)
	}
	if limit := 100 * uint64(len(doc)); n > limit {
		t.Errorf("%d bytes allocated for a %d-byte document, want at most %d", n, len(doc), limit)
	}
}
