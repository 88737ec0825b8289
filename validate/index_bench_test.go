package validate_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/validate"
)

// indexChunks calls add with n publications in chunks of 500, made as
// package synth makes them: ids "pub-N", DOIs for three in five records,
// arXiv ids for about a third, and for one in ten of those a preprint
// record that is a version of the work.
func indexChunks(n int, add func(*dataset.Dataset)) {
	r := rand.New(rand.NewPCG(1, 2))
	arxivSeq := map[int]int{}
	for i := 0; i < n; {
		d := &dataset.Dataset{Publications: make([]publication.Publication, 0, 500)}
		for len(d.Publications) < 500 && i < n {
			year := 2010 + r.IntN(16)
			p := publication.Publication{ID: fmt.Sprintf("pub-%d", i)}
			if year >= 2015 && r.IntN(2) == 0 {
				yymm := (year%100)*100 + 1 + r.IntN(12)
				arxivSeq[yymm]++
				p.Identifiers.ArXiv = publication.ArXiv(fmt.Sprintf("%04d.%05d", yymm, arxivSeq[yymm]))
			}
			if r.IntN(5) < 3 {
				p.Identifiers.DOI = publication.DOI("10.5555/sld." + p.ID)
			}
			d.Publications = append(d.Publications, p)
			i++
			if p.Identifiers.ArXiv != "" && i < n && r.IntN(10) == 0 {
				v := publication.Publication{ID: p.ID + "-preprint", VersionOf: p.ID}
				v.Identifiers.ArXiv = p.Identifiers.ArXiv + "v1"
				d.Publications = append(d.Publications, v)
				i++
			}
		}
		add(d)
	}
}

// BenchmarkIndex adds publications to an Index in chunks of 500 and
// reports the time per publication and the heap the Index keeps per
// publication (B/pub: what a collection frees when the Index is dropped,
// every chunk having been dropped after its Add).
func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{20_000, 200_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var kept uint64
			for b.Loop() {
				b.StopTimer()
				var chunks []*dataset.Dataset
				indexChunks(n, func(d *dataset.Dataset) { chunks = append(chunks, d) })
				b.StartTimer()
				x := validate.NewIndex()
				for i := range chunks {
					x.Add(chunks[i])
					chunks[i] = nil
				}
				if err := x.Close(); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				var with, without runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&with)
				runtime.KeepAlive(x) // and no further
				runtime.GC()
				runtime.ReadMemStats(&without)
				kept = with.HeapAlloc - without.HeapAlloc
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/pub")
			b.ReportMetric(float64(kept)/float64(n), "B/pub")
		})
	}
}
