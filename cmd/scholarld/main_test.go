package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/scholarld/scholarld/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"scholarld": func() {
			env := &cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now(), Terminal: cli.IsTerminal(os.Stderr)}
			os.Exit(cli.Main(env, os.Args[1:]))
		},
	})
}

// TestScripts runs the transcripts of testdata/script: the command's
// usage, exit codes, messages and outputs, as a user sees them.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("MODROOT", root)
			// go install, in install.txtar, uses the caches of the user
			// running the tests: nothing is downloaded.
			for _, name := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOPROXY", "GOFLAGS"} {
				if out, err := exec.Command("go", "env", name).Output(); err == nil {
					env.Setenv(name, strings.TrimSpace(string(out)))
				}
			}
			env.Setenv("GOTOOLCHAIN", "local")
			if testing.Short() {
				env.Setenv("SHORT", "1")
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exits N command args... runs a command, as exec does, and
			// checks that it exits with status N.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits N command [args...]")
				}
				err := ts.Exec(args[1], args[2:]...)
				code := 0
				if exit, ok := errors.AsType[*exec.ExitError](err); ok {
					code = exit.ExitCode()
				} else if err != nil {
					ts.Fatalf("%v", err)
				}
				if strconv.Itoa(code) != args[0] {
					ts.Fatalf("exit status %d, want %s", code, args[0])
				}
			},
		},
		Condition: func(cond string) (bool, error) {
			if cond == "short" {
				return testing.Short(), nil
			}
			return false, nil
		},
	})
}
