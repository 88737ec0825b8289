package datacite_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/scholarld/scholarld/datacite"
)

// doisList returns a list response of n copies of the fixture's record,
// each with its own DOI, written on one line as the API writes it.
func doisList(b *testing.B, n int) []byte {
	var doc struct{ Data json.RawMessage }
	if err := json.Unmarshal(mustReadFile(b, fixture), &doc); err != nil {
		b.Fatal(err)
	}
	var record bytes.Buffer
	if err := json.Compact(&record, doc.Data); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	buf.WriteString(`{"data":[`)
	for i := range n {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(bytes.ReplaceAll(record.Bytes(), []byte(`"10.5438/zhyx-n122"`), fmt.Appendf(nil, `"10.5438/zhyx-%05d"`, i)))
	}
	buf.WriteString(`],"meta":{}}`)
	return buf.Bytes()
}

// BenchmarkRead reads lists of 10 and 1,000 records on one line (the
// worst case for positions); the cost per byte is the same.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{10, 1000} {
		data := doisList(b, n)
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				d, err := datacite.Read("list.json", data)
				if err != nil || len(d.Publications) != n {
					b.Fatalf("Read: %v, %d publications", err, len(d.Publications))
				}
			}
		})
	}
}
