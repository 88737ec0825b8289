//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scholarld/scholarld/internal/outdir/outdirtest"
	"github.com/scholarld/scholarld/internal/synth"
)

// TestInterrupted stops the command at several moments of a build, with
// SIGKILL, and with SIGINT and SIGTERM once it says it is ready for them,
// and checks that the site written before is intact and complete each
// time (or, for a run that finished first, the new site whole), that a run
// stopped by a signal it catches leaves nothing of its own beside it, and
// that the next run removes what killed runs left.
func TestInterrupted(t *testing.T) {
	bin, in := outdirtest.Build(t, synth.Config{People: 200, Publications: 3000, Seed: 3})
	tmp := t.TempDir()
	build := func(dir, title string) *exec.Cmd {
		cmd := exec.Command(bin, "-in", in, "-title", title, "-out", dir, "-q")
		cmd.Stdout, cmd.Stderr = new(bytes.Buffer), new(bytes.Buffer)
		return cmd
	}
	// The two sites the runs alternate between, built whole elsewhere.
	titles := []string{"Directory A", "Directory B"}
	complete := map[string]string{}
	for i, title := range titles {
		dir := filepath.Join(tmp, fmt.Sprint("complete", i), "site")
		if cmd := build(dir, title); cmd.Run() != nil {
			t.Fatalf("%s: %s", title, cmd.Stderr)
		}
		complete[title], _ = outdirtest.Snapshot(t, dir)
	}
	target := filepath.Join(tmp, "out", "site")
	if first := build(target, titles[0]); first.Run() != nil {
		t.Fatalf("first run: %s", first.Stderr)
	}
	state, _ := outdirtest.Snapshot(t, target)

	stopped := 0
	for i, stop := range []struct {
		after time.Duration
		sig   syscall.Signal
	}{
		// SIGKILL at some time after the start: any moment is one to
		// survive, even before the handler of the other signals.
		{0, syscall.SIGKILL}, {50, syscall.SIGKILL}, {200, syscall.SIGKILL}, {600, syscall.SIGKILL},
		// SIGINT and SIGTERM at some time after the command says it is
		// ready for them: sent earlier, they would kill a command whose
		// handler is not installed yet, as on a loaded machine.
		{0, syscall.SIGINT}, {300, syscall.SIGINT}, {0, syscall.SIGTERM}, {100, syscall.SIGTERM},
	} {
		title := titles[(i+1)%2]
		cmd := build(target, title)
		var err error
		if stop.sig == syscall.SIGKILL {
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(stop.after * time.Millisecond)
			cmd.Process.Signal(stop.sig)
			err = cmd.Wait()
		} else {
			err = outdirtest.Interrupt(t, cmd, stop.sig, stop.after*time.Millisecond)
		}
		got, hidden := outdirtest.Snapshot(t, target)
		switch {
		case err == nil && got != complete[title]:
			t.Fatalf("run %d finished before %v, but the site is not the complete one", i, stop.sig)
		case err != nil && got != state:
			t.Fatalf("run %d, %v %v after the start or the ready line: the site changed", i, stop.sig, stop.after*time.Millisecond)
		case err != nil && stop.sig != syscall.SIGKILL:
			if code := cmd.ProcessState.ExitCode(); code != 128+int(stop.sig) {
				t.Errorf("run %d, %v: exit code %d, want %d\n%s", i, stop.sig, code, 128+int(stop.sig), cmd.Stderr)
			}
			own := fmt.Sprintf(".site.staging-%d-", cmd.Process.Pid)
			for _, h := range hidden {
				if strings.HasPrefix(h, own) {
					t.Errorf("run %d, %v: left its staging directory %s beside the site", i, stop.sig, h)
				}
			}
			stopped++
		case err != nil:
			stopped++
		}
		state = got
	}
	if stopped < 5 {
		t.Errorf("only %d of 8 runs were stopped before they finished; the test proves little", stopped)
	}
	// The next run removes what killed runs left, and writes its site.
	last := build(target, titles[0])
	if err := last.Run(); err != nil {
		t.Fatalf("last run: %v\n%s", err, last.Stderr)
	}
	got, hidden := outdirtest.Snapshot(t, target)
	if got != complete[titles[0]] || len(hidden) != 0 {
		t.Errorf("last run: complete %v, left %v beside the site", got == complete[titles[0]], hidden)
	}
}
