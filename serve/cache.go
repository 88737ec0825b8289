package serve

import "sync"

// A cache holds rendered bodies up to a total size in bytes, evicting the
// least recently used. Concurrent gets of a key that is not cached render
// it once: the first renders, the others wait for its result. It is safe
// for concurrent use.
//
// It is hand-written, not golang.org/x/sync/singleflight with an LRU
// package, because it is small and both halves share one lock and one
// entry: a key is either being rendered (in the map, not in the list) or
// cached (in both).
type cache struct {
	mu           sync.Mutex
	max, size    int64
	m            map[cacheKey]*entry
	head, tail   *entry // most and least recently used of the cached entries
	hits, misses int64
	onWait       func() // if not nil, called as a get starts waiting for another's render (for tests)
}

// A cacheKey names one body: a representation of a resource.
type cacheKey struct {
	res *resource
	rep uint8
}

// An entry is a body being rendered or cached.
type entry struct {
	key        cacheKey
	done       chan struct{} // closed once val and err are set
	val        *body
	err        error
	size       int64
	prev, next *entry // in the list of cached entries; toward head, toward tail
	cached     bool
}

// newCache returns a cache of at most max bytes; max <= 0 caches nothing
// (but concurrent renders of a key are still shared).
func newCache(max int64) *cache {
	return &cache{max: max, m: make(map[cacheKey]*entry)}
}

// get returns the body of key: the cached one, the one another goroutine
// is rendering, or the one render returns, which it caches if it fits.
// Errors are not cached.
func (c *cache) get(key cacheKey, render func() (*body, error)) (*body, error) {
	c.mu.Lock()
	if e, ok := c.m[key]; ok {
		if e.cached {
			c.hits++
			c.unlink(e)
			c.pushFront(e)
			c.mu.Unlock()
			return e.val, nil
		}
		c.mu.Unlock()
		if c.onWait != nil {
			c.onWait()
		}
		<-e.done
		return e.val, e.err
	}
	c.misses++
	e := &entry{key: key, done: make(chan struct{})}
	c.m[key] = e
	c.mu.Unlock()

	// A panic in render would leave waiters blocked forever: release them.
	finished := false
	defer func() {
		if !finished {
			c.mu.Lock()
			delete(c.m, key)
			c.mu.Unlock()
			e.err = errRenderPanic
			close(e.done)
		}
	}()
	val, err := render()
	finished = true

	c.mu.Lock()
	e.val, e.err = val, err
	if err == nil {
		e.size = val.size()
	}
	if err != nil || e.size > c.max {
		delete(c.m, key)
	} else {
		e.cached = true
		c.pushFront(e)
		c.size += e.size
		for c.size > c.max {
			c.evict(c.tail)
		}
	}
	c.mu.Unlock()
	close(e.done)
	return val, err
}

// CacheStatus says what the cache of the data served holds, and how
// often it has had what was asked since the data was loaded.
type CacheStatus struct {
	Bodies int   `json:"bodies"` // bodies held
	Bytes  int64 `json:"bytes"`  // what they take, at most Max
	Max    int64 `json:"max"`
	Hits   int64 `json:"hits"`   // gets answered from the cache
	Misses int64 `json:"misses"` // gets that rendered, or waited for another's render
}

// stats returns the status of the cache.
func (c *cache) stats() CacheStatus {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := CacheStatus{Bytes: c.size, Max: c.max, Hits: c.hits, Misses: c.misses}
	for e := c.head; e != nil; e = e.next {
		st.Bodies++
	}
	return st
}

func (c *cache) evict(e *entry) {
	c.unlink(e)
	delete(c.m, e.key)
	c.size -= e.size
	e.cached = false
}

func (c *cache) pushFront(e *entry) {
	e.prev, e.next = nil, c.head
	if c.head != nil {
		c.head.prev = e
	}
	c.head = e
	if c.tail == nil {
		c.tail = e
	}
}

func (c *cache) unlink(e *entry) {
	if e.prev != nil {
		e.prev.next = e.next
	} else {
		c.head = e.next
	}
	if e.next != nil {
		e.next.prev = e.prev
	} else {
		c.tail = e.prev
	}
	e.prev, e.next = nil, nil
}
