package orcid_test

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/source"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestDeepDocuments checks that deeply nested ORCID documents cost memory
// in proportion to their size, not to depth² × name length as when each
// element's index entry held its whole path: a record with 100,000 nested
// elements in its biography took 9.6 GB, and 2,000 nested JSON objects with
// 1,000-character keys (2 MB) took 3.9 GB.
func TestDeepDocuments(t *testing.T) {
	// Not parallel: it measures the allocations of the whole process.
	xmlDoc := func(depth, nameLen int) []byte {
		name := "x" + strings.Repeat("y", nameLen)
		var b bytes.Buffer
		b.WriteString(`<record:record xmlns:record="http://www.orcid.org/ns/record" xmlns:person="http://www.orcid.org/ns/person" xmlns:personal-details="http://www.orcid.org/ns/personal-details"><person:person><person:biography>`)
		b.WriteString(strings.Repeat("<"+name+">", depth))
		b.WriteString(strings.Repeat("</"+name+">", depth))
		b.WriteString(`</person:biography></person:person></record:record>`)
		return b.Bytes()
	}
	jsonDoc := func(depth, keyLen int) []byte {
		key := `"` + strings.Repeat("k", keyLen) + `"`
		return []byte(`{"person": ` + strings.Repeat(`{`+key+`: `, depth) + `1` + strings.Repeat(`}`, depth) + `}`)
	}
	tests := []struct {
		name   string
		doc    []byte
		refuse bool
	}{
		{"xml 100000 deep", xmlDoc(100_000, 1), true},
		{"xml 900 deep, long names", xmlDoc(900, 1000), false},
		{"json 2000 deep, long keys", jsonDoc(2000, 1000), true},
		{"json 900 deep, long keys", jsonDoc(900, 1000), false},
	}
	for _, tc := range tests {
		var err error
		n := allocated(func() { _, err = orcid.Decode(tc.name+".doc", bytes.NewReader(tc.doc)) })
		if tc.refuse && !errors.Is(err, source.ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrTooLarge", tc.name, err)
		}
		if tc.refuse {
			if list, ok := errors.AsType[source.ErrorList](err); !ok || !list[0].Pos.IsValid() || len(list[0].Path) > 300 {
				t.Errorf("%s: err = %.300v, want one positioned error with a short path", tc.name, err)
			}
		}
		t.Logf("%s: %d bytes, %d allocated (%.1f per byte)", tc.name, len(tc.doc), n, float64(n)/float64(len(tc.doc)))
		// The constant covers the decoders' own buffers and tokens.
		if limit := 40*uint64(len(tc.doc)) + 1<<20; n > limit {
			t.Errorf("%s: %d bytes allocated for a %d-byte document, want at most %d", tc.name, n, len(tc.doc), limit)
		}
	}
}
