package cli

import (
	"fmt"
	"sync"
	"time"
)

// A progress shows, on a terminal, a line that says how far a long run
// is: records read, megabytes per second, time elapsed. It shows nothing
// for the first second, nor when standard error is not a terminal or -q
// is given. Its methods are safe for concurrent use and on a nil progress.
type progress struct {
	env   *Env
	start time.Time

	mu      sync.Mutex
	records int
	bytes   int64
	shown   bool
	done    chan struct{}
}

// newProgress returns a progress line for env, or nil if it is not shown.
func newProgress(env *Env, quiet bool) *progress {
	if quiet || !env.Terminal {
		return nil
	}
	p := &progress{env: env, start: time.Now(), done: make(chan struct{})}
	go p.loop()
	return p
}

func (p *progress) loop() {
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-p.done:
			return
		case t := <-tick.C:
			if t.Sub(p.start) >= time.Second {
				p.show(t)
			}
		}
	}
}

func (p *progress) show(now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done == nil {
		return
	}
	elapsed := now.Sub(p.start)
	mbps := float64(p.bytes) / 1e6 / max(elapsed.Seconds(), 1e-3)
	fmt.Fprintf(p.env.Stderr, "\r%d records, %.1f MB/s, %s elapsed\x1b[K", p.records, mbps, elapsed.Truncate(100*time.Millisecond))
	p.shown = true
}

// add counts records more read, from bytes more of input.
func (p *progress) add(records int, bytes int64) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.records += records
	p.bytes += bytes
	p.mu.Unlock()
}

// reset starts counting again, for a second pass over the input.
func (p *progress) reset() {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.records, p.bytes = 0, 0
	p.mu.Unlock()
}

// stop erases the line, if shown; the progress shows nothing more.
func (p *progress) stop() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done == nil {
		return
	}
	close(p.done)
	p.done = nil
	if p.shown {
		fmt.Fprint(p.env.Stderr, "\r\x1b[K")
	}
}
