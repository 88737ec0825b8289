package site

import (
	"bytes"
	"testing"

	"github.com/scholarld/scholarld/internal/synth/synthtest"
)

func TestMain(m *testing.M) { synthtest.Main(m) }

// benchSite returns the site of the benchmarks' generated institute
// (synth.BenchConfig: 200 people, 2,000 publications).
func benchSite(b *testing.B) *Site {
	b.Helper()
	s, err := New(synthtest.Datasets(b)["generated"], Options{Validated: true, Date: "2026-11-30"})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkRender renders the files of each kind, one after another on
// one core, reporting the time and allocations per file and the bytes
// per second of output; "all" is Render, every file on every core.
func BenchmarkRender(b *testing.B) {
	s := benchSite(b)
	files := s.files()
	for _, k := range []struct {
		name string
		kind kind
	}{{"person", kindPerson}, {"publication", kindPublication}, {"jsonld", kindPersonJSONLD}, {"turtle", kindPersonTurtle}} {
		b.Run(k.name, func(b *testing.B) {
			var some []file
			for _, f := range files {
				if f.kind == k.kind {
					some = append(some, f)
				}
			}
			wk, err := s.newWorker()
			if err != nil {
				b.Fatal(err)
			}
			var buf bytes.Buffer
			var n int64
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				buf.Reset()
				if err := wk.write(&buf, some[i%len(some)]); err != nil {
					b.Fatal(err)
				}
				n += int64(buf.Len())
			}
			b.SetBytes(n / int64(b.N))
		})
	}
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		var n int64
		for b.Loop() {
			st, err := s.Render(func(string, []byte) error { return nil })
			if err != nil {
				b.Fatal(err)
			}
			n = st.Bytes
		}
		b.SetBytes(n)
	})
}
