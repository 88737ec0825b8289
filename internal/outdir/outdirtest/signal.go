package outdirtest

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/scholarld/scholarld/internal/cli"
)

// Interrupt starts cmd, a command of package cli, with [cli.ReadyEnv] set;
// waits until the command says it is ready for a signal (its handler
// installed and the removal of its staging directory or temporary file
// registered); waits after more, to reach a later moment of the run; then
// sends it sig. It returns the error of cmd.Wait. A command that exits
// before it is ready, or during after, is sent nothing.
//
// The wait is for an event, not a clock: on a loaded machine the command
// may take seconds to start, and a signal sent too early would kill it
// before its handler is installed.
func Interrupt(t testing.TB, cmd *exec.Cmd, sig os.Signal, after time.Duration) error {
	t.Helper()
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, cli.ReadyEnv+"=1")
	w := &readyWriter{w: cmd.Stderr, ready: make(chan struct{}), seen: []byte{'\n'}}
	if w.w == nil {
		w.w = io.Discard
	}
	cmd.Stderr = w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-w.ready:
	}
	if after > 0 {
		timer := time.NewTimer(after)
		defer timer.Stop()
		select {
		case err := <-done:
			return err
		case <-timer.C:
		}
	}
	cmd.Process.Signal(sig) // os.ErrProcessDone if it has just exited
	return <-done
}

// A readyWriter passes what the command writes on stderr to w, and closes
// ready once a line is cli.ReadyLine.
type readyWriter struct {
	w     io.Writer
	ready chan struct{}

	mu    sync.Mutex
	seen  []byte // the line being written, after a newline, until the ready line
	fired bool
}

func (r *readyWriter) Write(p []byte) (int, error) {
	r.mu.Lock()
	if !r.fired {
		r.seen = append(r.seen, p...)
		if bytes.Contains(r.seen, []byte("\n"+cli.ReadyLine+"\n")) {
			r.fired, r.seen = true, nil
			close(r.ready)
		} else if i := bytes.LastIndexByte(r.seen, '\n'); i > 0 {
			r.seen = r.seen[i:] // the line being written, after its newline
		}
	}
	r.mu.Unlock()
	return r.w.Write(p)
}
