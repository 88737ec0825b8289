package fast

import (
	"fmt"
	"runtime"
	"testing"
	"time"
)

// BenchmarkTable compares a Table with the plain way, a map[string]uint32
// holding copies of the strings, on n ids of publications as validate.Index
// keeps them (each string made for the call, as a decoded record's are,
// and dropped after it). It reports the time of an Add, the heap kept per
// string (B/key: what a collection frees when the table is dropped) and the
// time of a full collection with the table alive (gc-ns), which a map of
// strings makes scan every string.
func BenchmarkTable(b *testing.B) {
	for _, n := range []int{200_000} {
		ids := make([][]byte, n)
		for i := range ids {
			ids[i] = fmt.Appendf(nil, "10.5555/sld.pub-%d", i)
		}
		type set interface {
			add(s string, v uint32)
		}
		for _, c := range []struct {
			name string
			make func() set
		}{
			{"fast", func() set { return fastSet{NewTable(new(Arena))} }},
			{"map", func() set { return mapSet{map[string]uint32{}} }},
		} {
			b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
				var kept uint64
				var gc time.Duration
				for b.Loop() {
					t := c.make()
					for i, id := range ids {
						t.add(string(id), uint32(i)) // a copy, as a record's string
					}
					b.StopTimer()
					var with, without runtime.MemStats
					runtime.GC()
					start := time.Now()
					runtime.GC()
					gc = time.Since(start)
					runtime.ReadMemStats(&with)
					runtime.KeepAlive(t) // and no further
					runtime.GC()
					runtime.ReadMemStats(&without)
					kept = with.HeapAlloc - without.HeapAlloc
					b.StartTimer()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/key")
				b.ReportMetric(float64(kept)/float64(n), "B/key")
				b.ReportMetric(float64(gc.Nanoseconds()), "gc-ns")
			})
		}
	}
}

type fastSet struct{ t *Table }

func (s fastSet) add(k string, v uint32) { s.t.Add(k, v) }

type mapSet struct{ m map[string]uint32 }

func (s mapSet) add(k string, v uint32) {
	if _, ok := s.m[k]; !ok {
		s.m[k] = v
	}
}
