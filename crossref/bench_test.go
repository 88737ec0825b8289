package crossref_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/scholarld/scholarld/crossref"
)

// workList returns a work-list response of n copies of the fixture, each
// with its own DOI, written on one line as the API writes it.
func workList(b *testing.B, n int) []byte {
	message := bytes.Join(bytes.Fields(mustReadFile(b, fixture)), []byte(" "))
	var buf bytes.Buffer
	buf.WriteString(`{"status":"ok","message-type":"work-list","message":{"items":[`)
	for i := range n {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(bytes.Replace(message, []byte(`"DOI": "10.7554/elife.01567"`), fmt.Appendf(nil, `"DOI": "10.7554/elife.%05d"`, i), 1))
	}
	buf.WriteString("]}}")
	return buf.Bytes()
}

// BenchmarkRead reads work-lists of 10 and 1,000 works on one line (the
// worst case for positions); the cost per byte is the same.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{10, 1000} {
		data := workList(b, n)
		b.Run(fmt.Sprintf("works=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				d, err := crossref.Read("list.json", data)
				if err != nil || len(d.Publications) != n {
					b.Fatalf("Read: %v, %d publications", err, len(d.Publications))
				}
			}
		})
	}
}
