package synth

import (
	"os"
	"sync"
)

// BenchConfig returns the institute benchmarks use: big enough to measure,
// small enough for go test -bench to run in seconds.
func BenchConfig() Config {
	return Config{People: 200, Publications: 2000, PerFile: 500, Seed: 1}
}

var bench struct {
	once sync.Once
	mu   sync.Mutex
	dir  string
	err  error
}

// Bench returns a directory holding the institute of BenchConfig, written
// on first use and shared by the benchmarks of a test binary. TestMain
// should call [CleanBench] to remove it.
func Bench() (string, error) {
	bench.once.Do(func() {
		dir, err := os.MkdirTemp("", "scholarld-bench-")
		if err == nil {
			_, err = Write(dir, BenchConfig())
		}
		bench.mu.Lock()
		bench.dir, bench.err = dir, err
		bench.mu.Unlock()
	})
	return bench.dir, bench.err
}

// CleanBench removes the directory of Bench, if it was written.
func CleanBench() {
	bench.mu.Lock()
	defer bench.mu.Unlock()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
}
