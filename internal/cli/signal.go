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

// cleanup is what a signal must undo before the command exits: the
// removal of the staging directory or temporary file being written.
var cleanup cleanups

type cleanups struct {
	mu sync.Mutex
	fs []func()
}

// add registers f, and returns a function that unregisters it.
func (c *cleanups) add(f func()) (remove func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fs = append(c.fs, f)
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
// main.
func HandleSignals(stderr io.Writer) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
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
