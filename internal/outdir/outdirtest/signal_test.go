package outdirtest

import (
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/cli"
)

// TestReadyWriter writes stderr in pieces that split the ready line: the
// channel closes once the whole line has come, not for a line that only
// contains its text, and everything is passed on.
func TestReadyWriter(t *testing.T) {
	var out strings.Builder
	w := &readyWriter{w: &out, ready: make(chan struct{}), seen: []byte{'\n'}}
	ready := func() bool {
		select {
		case <-w.ready:
			return true
		default:
			return false
		}
	}
	line := cli.ReadyLine + "\n"
	pieces := []string{"warning: x " + line[:5], line[5:], "loading\n" + line[:10], line[10:20], line[20:]}
	for i, p := range pieces {
		w.Write([]byte(p))
		if got, want := ready(), i == len(pieces)-1; got != want {
			t.Fatalf("after piece %d (%q): ready %v, want %v", i, p, got, want)
		}
	}
	w.Write([]byte(line)) // a second line closes nothing twice
	if want := strings.Join(pieces, "") + line; out.String() != want {
		t.Errorf("passed on %q, want %q", out.String(), want)
	}
}
