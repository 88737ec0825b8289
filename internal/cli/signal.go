package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/scholarld/scholarld/dataset"
)

// ReadyEnv names the environment variable that makes the command say when
// a signal would find something to undo: while it is set, each time the
// command registers the removal of what it is writing (a staging directory
// or a temporary file), with its signal handler installed, it writes
// [ReadyLine] on stderr. The tests of interruption signal after that line,
// never after a guessed delay; users have no need of it.
const ReadyEnv = "SCHOLARLD_READY"

// ReadyLine is the line, newline excluded, written on stderr under
// [ReadyEnv].
const ReadyLine = "scholarld: ready for a signal"

// cleanup is what a signal must undo before the command exits: the
// removal of the staging directory or temporary file being written.
var cleanup cleanups

type cleanups struct {
	mu sync.Mutex
	fs []func()
	// ready, if not nil, is where add writes ReadyLine: stderr, set by
	// HandleSignals under ReadyEnv.
	ready io.Writer
}

// add registers f, and returns a function that unregisters it.
func (c *cleanups) add(f func()) (remove func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fs = append(c.fs, f)
	if c.ready != nil {
		fmt.Fprintln(c.ready, ReadyLine)
	}
	n := len(c.fs) - 1
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.fs[n] = func() {}
	}
}

// run runs every function registered, once; it holds the lock, so that
// nothing else registers meanwhile.
func (c *cleanups) run() {
	c.mu.Lock()
	for _, f := range c.fs {
		f()
	}
}

// HandleSignals makes SIGINT and SIGTERM remove what the command is
// writing, say so on stderr and exit with 130 or 143. Call it once, from
// main. Under [ReadyEnv], it has the command say on stderr when a signal
// would find something to remove.
func HandleSignals(stderr io.Writer) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	if os.Getenv(ReadyEnv) != "" {
		cleanup.mu.Lock()
		cleanup.ready = stderr
		cleanup.mu.Unlock()
	}
	go func() {
		sig := <-signals
		cleanup.run()
		fmt.Fprintf(stderr, "\n%v; nothing written\n", sig)
		code := 130
		if sig == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}

// inputSize returns the size in bytes of the files loader reads for paths,
// for the progress line; 0 if unknown.
func inputSize(loader dataset.Loader, paths []string) int64 {
	files, err := loader.Files(paths...)
	if err != nil {
		return 0
	}
	var n int64
	for _, name := range files {
		var info fs.FileInfo
		if loader.FS == nil {
			info, err = os.Stat(name)
		} else {
			info, err = fs.Stat(loader.FS, name)
		}
		if err == nil {
			n += info.Size()
		}
	}
	return n
}
