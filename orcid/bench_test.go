package orcid_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/scholarld/scholarld/internal/synth/synthtest"
	"github.com/scholarld/scholarld/orcid"
)

// BenchmarkExport maps every person of a dataset to an ORCID record and
// writes it, with its works, as XML and as JSON; MB/s is of output.
func BenchmarkExport(b *testing.B) {
	for name, d := range synthtest.Datasets(b) {
		for _, format := range []string{"xml", "json"} {
			write := func(w io.Writer) {
				for _, p := range d.People {
					rec, _, err := orcid.Export(d, p.ID)
					if err != nil {
						b.Fatal(err)
					}
					if format == "xml" {
						err = rec.WriteXML(w)
						if err == nil {
							err = rec.WriteWorksXML(w)
						}
					} else {
						err = rec.WriteJSON(w)
						if err == nil {
							err = rec.WriteWorksJSON(w)
						}
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			}
			b.Run(name+"/"+format, func(b *testing.B) {
				var buf bytes.Buffer
				write(&buf)
				b.SetBytes(int64(buf.Len()))
				b.ReportAllocs()
				for b.Loop() {
					write(io.Discard)
				}
			})
		}
	}
}

func TestMain(m *testing.M) { synthtest.Main(m) }
