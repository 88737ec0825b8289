package dataset_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/biblio"
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/source"
)

// memoryFactor bounds what loading a file of n bytes allocates, in every
// input syntax and on error paths too: at most memoryFactor·n plus
// memoryConstant. yaml.v3 builds a tree of nodes of about a hundred bytes
// for every few bytes of flow syntax, which sets the factor; docs/scale.md
// documents it.
const (
	memoryFactor   = 200
	memoryConstant = 4 << 20
)

// TestMemoryBound loads adversarial shapes in YAML, JSON, BibTeX and
// CSL-JSON, and checks that the memory each takes is bounded by its size:
// deep nesting, long keys, many errors, many records, macros that expand
// ten times at each of ten levels.
func TestMemoryBound(t *testing.T) {
	// Not parallel: it measures the allocations of the whole process.
	key := strings.Repeat("k", 1000)
	var deepBlock, longKeys, manyErrors, manyRecords, jsonErrors, jsonRecords, jsonDeep strings.Builder
	deepBlock.WriteString("people:\n")
	for i := range 1500 {
		deepBlock.WriteString(strings.Repeat(" ", 2*i+2) + "a:\n")
	}
	longKeys.WriteString("people:\n  - id: a\n    x:\n")
	for i := range 1500 {
		longKeys.WriteString(strings.Repeat(" ", i+6) + key + ":\n")
	}
	longKeys.WriteString("  - id: b\n    y: 1\n")
	manyErrors.WriteString("people:\n")
	jsonErrors.WriteString(`{"people": [`)
	for i := range 5000 {
		fmt.Fprintf(&manyErrors, "  - {id: p%d, colour: red, name: {display: P}}\n", i)
		if i > 0 {
			jsonErrors.WriteString(",")
		}
		fmt.Fprintf(&jsonErrors, `{"id": "p%d", "colour": "red", "name": {"display": "P"}}`, i)
	}
	jsonErrors.WriteString("]}")
	manyRecords.WriteString("publications:\n")
	jsonRecords.WriteString(`{"publications": [`)
	for i := range 20_000 {
		fmt.Fprintf(&manyRecords, "  - {id: w%d, title: T, kind: other}\n", i)
		if i > 0 {
			jsonRecords.WriteString(",")
		}
		fmt.Fprintf(&jsonRecords, `{"id": "w%d", "title": "T", "kind": "other"}`, i)
	}
	jsonRecords.WriteString("]}")
	jsonDeep.WriteString(`{"people": [{"id": "a", "x": ` + strings.Repeat(`{"`+key+`": `, 5000) + "1" + strings.Repeat("}", 5000) + "}]}")
	tests := []struct{ name, doc string }{
		{"yaml deep flow", "people: " + strings.Repeat("[", 50_000) + strings.Repeat("]", 50_000)},
		{"yaml deep block", deepBlock.String()},
		{"yaml long keys, two errors", longKeys.String()},
		{"yaml many errors", manyErrors.String()},
		{"yaml many records", manyRecords.String()},
		{"json deep, long keys", jsonDeep.String()},
		{"json many errors", jsonErrors.String()},
		{"json many records", jsonRecords.String()},
	}
	tests = append(tests, bibShapes()...)
	bib := dataset.Loader{Formats: []dataset.Format{biblio.BibTeX(), biblio.CSLJSON()}}
	for _, tc := range tests {
		name := "m.yaml"
		switch {
		case strings.HasPrefix(tc.name, "json"), strings.HasPrefix(tc.name, "csl"):
			name = "m.json"
		case strings.HasPrefix(tc.name, "bib"):
			name = "m.bib"
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := bib.Decode(name, bytes.NewReader([]byte(tc.doc)))
		runtime.ReadMemStats(&after)
		n := after.TotalAlloc - before.TotalAlloc
		t.Logf("%-28s %8d bytes, %10d allocated (%5.1f per byte), err: %.80v", tc.name, len(tc.doc), n, float64(n)/float64(len(tc.doc)), err)
		if limit := memoryFactor*uint64(len(tc.doc)) + memoryConstant; n > limit {
			t.Errorf("%s: %d bytes allocated for %d bytes of input, more than %d", tc.name, n, len(tc.doc), limit)
		}
	}
}

// bibShapes are the adversarial shapes of BibTeX and CSL-JSON.
func bibShapes() []struct{ name, doc string } {
	var laughs, manyRecords, manyErrors, manyWarnings, oneLine, csl, cslErrors strings.Builder
	laughs.WriteString(`@string{l0 = "laugh"}` + "\n")
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&laughs, "@string{l%d = %s}\n", i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("l%d # ", i-1), 10), " # "))
	}
	laughs.WriteString("@misc{laughs, author = {Doe, Jane}, title = l10}\n")
	csl.WriteString("[")
	cslErrors.WriteString("[")
	for i := range 20_000 {
		fmt.Fprintf(&manyRecords, "@article{k%d, author = {Doe, Jane and Roe, Richard}, title = {Title %d}, journal = {J}, year = 2020}\n", i, i)
		fmt.Fprintf(&manyErrors, "@x\n@misc{k%d, title = {T}, doi = {bad}}\n", i)
		fmt.Fprintf(&manyWarnings, "@misc{k%d, author = {A}, title = {T}, publisher = {P}, title = {T}}\n", i)
		if i > 0 {
			csl.WriteString(",")
			cslErrors.WriteString(",")
		}
		fmt.Fprintf(&csl, `{"id": "i%d", "type": "book", "title": "T", "author": [{"family": "Doe", "given": "Jane"}], "issued": {"date-parts": [[2020, 1]]}}`, i)
		fmt.Fprintf(&cslErrors, `{"id": "i", "colour": "red", "author": [{}], "issued": {"date-parts": [[2020, 13]]}}`)
	}
	csl.WriteString("]")
	cslErrors.WriteString("]")
	oneLine.WriteString(strings.Repeat("@misc{a, title = {T}} ", 20_000))
	return []struct{ name, doc string }{
		{"bib billion laughs", laughs.String()},
		{"bib many records", manyRecords.String()},
		{"bib many errors", manyErrors.String()},
		{"bib many warnings", manyWarnings.String()},
		{"bib errors on one line", oneLine.String()},
		{"bib at signs", "@misc{a, author = {A}, title = {" + strings.Repeat("@", 1<<20) + "}}"},
		{"csl many records", csl.String()},
		{"csl many errors", cslErrors.String()},
		{"csl long date", `[{"id": "a", "title": "T", "author": [{"literal": "A"}], "issued": {"date-parts": [[2020` + strings.Repeat(", 1", 200_000) + "]]}}]"},
	}
}

// TestRecordLimitEarly checks that a JSON file over the record limit is
// refused before its records are decoded: a clean file of many records
// used to reach many times its size in memory before it was refused.
func TestRecordLimitEarly(t *testing.T) {
	// Not parallel: it measures the allocations of the whole process.
	var b strings.Builder
	b.WriteString(`{"publications": [`)
	for i := range 100_000 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "w%d", "title": "T", "kind": "other"}`, i)
	}
	b.WriteString(`], "people": [{"id": "a", "name": {"display": "A"}}]}`)
	doc := []byte(b.String())
	l := dataset.Loader{Limits: dataset.Limits{MaxRecords: 50_000}}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, err := l.Decode("many.json", bytes.NewReader(doc))
	runtime.ReadMemStats(&after)
	n := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d bytes, %d allocated (%.1f per byte)", len(doc), n, float64(n)/float64(len(doc)))
	if !errors.Is(err, source.ErrTooLarge) || d != nil {
		t.Fatalf("over the limit: %v, %v; want ErrTooLarge and nothing", d, err)
	}
	// Reading and counting take a few bytes per input byte; decoding the
	// records would take some 60.
	if limit := 15 * uint64(len(doc)); n > limit {
		t.Errorf("%d bytes allocated to refuse %d bytes, more than %d: the records were decoded", n, len(doc), limit)
	}
	// Under the limit, the same file loads.
	l.Limits.MaxRecords = 200_000
	if d, err := l.Decode("many.json", bytes.NewReader(doc)); err != nil || len(d.Publications) != 100_000 {
		t.Errorf("under the limit: %v", err)
	}
}
