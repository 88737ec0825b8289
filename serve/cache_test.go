package serve

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
)

// bodyOf returns a body whose size in the cache is n bytes.
func bodyOf(n int) *body { return &body{data: make([]byte, n-256)} }

func testKeys(n int) []cacheKey {
	keys := make([]cacheKey, n)
	for i := range keys {
		keys[i] = cacheKey{res: &resource{i: i}}
	}
	return keys
}

// TestCacheBound checks, after every get of a random workload, that the
// cache holds no more than its size, that what it holds adds up to what
// it counts, and that every key it holds is a key it was given.
func TestCacheBound(t *testing.T) {
	const max = 10_000
	c := newCache(max)
	keys := testKeys(50)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		k := keys[rng.IntN(len(keys))]
		n := 256 + rng.IntN(3000)
		if rng.IntN(20) == 0 {
			n = max + 1 // too big to keep
		}
		b, err := c.get(k, func() (*body, error) { return bodyOf(n), nil })
		if err != nil || b == nil {
			t.Fatalf("get: %v, %v", b, err)
		}
		var sum int64
		count := 0
		for e := c.head; e != nil; e = e.next {
			sum += e.size
			count++
			if c.m[e.key] != e {
				t.Fatalf("listed entry %v is not in the map", e.key.res.i)
			}
		}
		if sum != c.size || sum > max {
			t.Fatalf("cache counts %d bytes, holds %d; max %d", c.size, sum, max)
		}
		if st := c.stats(); st.Bodies != count || st.Bytes != sum || len(c.m) != count {
			t.Fatalf("stats %+v; list %d, %d; map %d", st, count, sum, len(c.m))
		}
	}
}

// TestCacheLRU checks that the cache evicts the least recently used.
func TestCacheLRU(t *testing.T) {
	c := newCache(3 * 1000)
	keys := testKeys(4)
	renders := make([]int, len(keys))
	get := func(i int) {
		t.Helper()
		if _, err := c.get(keys[i], func() (*body, error) { renders[i]++; return bodyOf(1000), nil }); err != nil {
			t.Fatal(err)
		}
	}
	get(0)
	get(1)
	get(2)
	get(0) // 1 is now the least recently used
	get(3) // evicts 1
	want := []int{1, 1, 1, 1}
	if fmt.Sprint(renders) != fmt.Sprint(want) {
		t.Fatalf("renders %v, want %v", renders, want)
	}
	get(0)
	get(2)
	get(3)
	if fmt.Sprint(renders) != fmt.Sprint(want) {
		t.Fatalf("0, 2, 3 rendered again: %v, want %v", renders, want)
	}
	get(1) // evicted: rendered again, evicting 0
	get(0)
	want = []int{2, 2, 1, 1}
	if fmt.Sprint(renders) != fmt.Sprint(want) {
		t.Fatalf("renders %v, want %v", renders, want)
	}
}

// TestCacheRenderOnce checks that concurrent gets of a key render it
// once, even in a cache that keeps nothing, and that an error is given to
// every waiter and not kept.
func TestCacheRenderOnce(t *testing.T) {
	for _, fail := range []bool{false, true} {
		t.Run(fmt.Sprint("fail=", fail), func(t *testing.T) {
			const n = 16
			c := newCache(0)
			var waiting sync.WaitGroup
			waiting.Add(n - 1)
			c.onWait = waiting.Done
			key := testKeys(1)[0]
			var renders atomic.Int32
			started, release := make(chan struct{}), make(chan struct{})
			errBad := errors.New("bad")
			render := func() (*body, error) {
				renders.Add(1)
				close(started)
				<-release
				if fail {
					return nil, errBad
				}
				return bodyOf(300), nil
			}
			results := make(chan error, n)
			go func() { _, err := c.get(key, render); results <- err }()
			<-started
			for range n - 1 {
				go func() { _, err := c.get(key, render); results <- err }()
			}
			waiting.Wait() // all the others wait for the first render
			close(release)
			for range n {
				if err := <-results; (err != nil) != fail {
					t.Errorf("get: %v", err)
				}
			}
			if renders.Load() != 1 {
				t.Errorf("%d renders, want 1", renders.Load())
			}
			if len(c.m) != 0 {
				t.Errorf("%d entries left in a cache of size 0", len(c.m))
			}
		})
	}
}
