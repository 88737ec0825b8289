package stream_test

import (
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/stream"
)

// BenchmarkExportMemory streams generated institutes of 20,000 and 200,000
// publications to N-Triples and reports the peak live heap (as measured by
// the garbage collector) in MB: the streaming target is that ten times the
// publications take less than twice the memory.
func BenchmarkExportMemory(b *testing.B) {
	for _, n := range []int{20_000, 200_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			if _, err := synth.Write(dir, synth.Config{People: 200, Publications: n, PerFile: 500, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			format, _ := export.Lookup("nt")
			var peak uint64
			for b.Loop() {
				runtime.GC()
				stop := sampleLiveHeap(&peak)
				_, err := stream.Export([]string{dir}, []stream.Output{{Format: format, W: io.Discard}}, stream.Options{})
				stop()
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(peak)/1e6, "peak-live-MB")
		})
	}
}

// sampleLiveHeap records the largest live heap seen in *peak until the
// returned function is called.
func sampleLiveHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			*peak = max(*peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() { close(done); wg.Wait() }
}
