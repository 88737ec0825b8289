package cli

import (
	"bytes"
	"testing"
)

// TestCleanupsReady checks that registering a cleanup writes the ready
// line only when a writer is set, as HandleSignals does under ReadyEnv,
// and that unregistering writes nothing.
func TestCleanupsReady(t *testing.T) {
	var quiet cleanups
	quiet.add(func() {})()

	var stderr bytes.Buffer
	c := cleanups{ready: &stderr}
	ran := 0
	remove := c.add(func() { ran++ })
	c.add(func() { ran += 10 })
	remove()
	if got, want := stderr.String(), ReadyLine+"\n"+ReadyLine+"\n"; got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
	c.run()
	if ran != 10 {
		t.Errorf("run ran the cleanups %d (units: the removed one, tens: the other), want 10", ran)
	}
}
