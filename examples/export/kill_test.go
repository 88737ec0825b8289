//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/scholarld/scholarld/internal/outdir/outdirtest"
	"github.com/scholarld/scholarld/internal/synth"
)

// TestInterrupted kills the command with SIGKILL at several moments of an
// export, streaming and in memory, and checks that the previous dump is
// intact and complete each time; then that the next run removes what the
// killed runs left. SIGTERM and SIGINT, sent once the command says it is
// ready for them, are also checked to leave nothing.
func TestInterrupted(t *testing.T) {
	bin, in := outdirtest.Build(t, synth.Config{People: 100, Publications: 6000, Seed: 7})
	tmp := t.TempDir()
	target := filepath.Join(tmp, "out", "dump")
	exportTo := func(dir, format string) *exec.Cmd {
		cmd := exec.Command(bin, "-in", in, "-format", format, "-out", dir)
		cmd.Stdout, cmd.Stderr = new(bytes.Buffer), new(bytes.Buffer)
		return cmd
	}
	// What a complete run writes, for each set of formats: streaming
	// (ttl,nt) and in memory (jsonld,html, which write profile pages too).
	formats := []string{"ttl,nt", "jsonld,html"}
	complete := map[string]string{}
	for i, f := range formats {
		dir := filepath.Join(tmp, fmt.Sprint("complete", i), "dump")
		if cmd := exportTo(dir, f); cmd.Run() != nil {
			t.Fatalf("-format %s: %s", f, cmd.Stderr)
		}
		complete[f], _ = outdirtest.Snapshot(t, dir)
	}
	if first := exportTo(target, formats[0]); first.Run() != nil {
		t.Fatalf("first run: %s", first.Stderr)
	}
	state, hidden := outdirtest.Snapshot(t, target)
	if state != complete[formats[0]] || len(hidden) != 0 {
		t.Fatalf("first run: dump %q, left %v beside it", state, hidden)
	}

	// Each run, killed at some moment, must leave the dump as it was; one
	// that finished first must leave its own complete dump.
	killed := 0
	for i, delay := range []time.Duration{0, 5, 20, 50, 100, 200, 400, 800} {
		format := formats[i%2]
		cmd := exportTo(target, format)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		got, _ := outdirtest.Snapshot(t, target)
		switch {
		case err == nil && got != complete[format]:
			t.Fatalf("finished before the kill (-format %s): the dump is not the complete one", format)
		case err != nil && got != state:
			t.Fatalf("killed after %v (-format %s): the dump changed:\n%s\nwant\n%s", delay*time.Millisecond, format, got, state)
		case err != nil:
			killed++
		}
		state = got
	}
	if killed < 4 {
		t.Errorf("only %d of 8 runs were killed before they finished; the test proves little", killed)
	}

	// A signal that can be caught, sent once the command says it is ready
	// for it (its handler installed, its staging directory made): the
	// command removes its staging directory and exits 130 or 143, and its
	// Create removed those of the killed runs. Sent earlier, as on a
	// loaded machine, it would kill a command not yet handling it.
	for _, stop := range []struct {
		sig   syscall.Signal
		after time.Duration // after the ready line
	}{{syscall.SIGTERM, 0}, {syscall.SIGINT, 100 * time.Millisecond}} {
		sig := stop.sig
		cmd := exportTo(target, formats[0])
		err := outdirtest.Interrupt(t, cmd, sig, stop.after)
		got, hidden := outdirtest.Snapshot(t, target)
		if err == nil {
			t.Logf("%v: the run finished first", sig)
			if got != complete[formats[0]] {
				t.Errorf("%v: finished, but the dump is not the complete one", sig)
			}
		} else if code := cmd.ProcessState.ExitCode(); code != 128+int(sig) || got != state {
			t.Errorf("%v: exit code %d, want %d; dump unchanged: %v\n%s", sig, code, 128+int(sig), got == state, cmd.Stderr)
		}
		if len(hidden) != 0 {
			t.Errorf("%v: left %v beside the dump", sig, hidden)
		}
		state = got
	}

	// The next run completes, with nothing left beside the dump.
	if last := exportTo(target, formats[0]); last.Run() != nil {
		t.Fatalf("last run: %s", last.Stderr)
	}
	if got, hidden := outdirtest.Snapshot(t, target); got != complete[formats[0]] || len(hidden) != 0 {
		t.Errorf("after the last run: dump complete: %v; left beside it: %v", got == complete[formats[0]], hidden)
	}
}
