package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeExample serves the embedded example on a free port, fetches a
// person's Turtle as the README shows, and shuts the server down.
func TestServeExample(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs syncBuffer
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, &logs, func(a string) { addrc <- a }) }()
	var addr string
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatalf("run: %v\n%s", err, logs.String())
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not start")
	}
	base := "http://" + addr
	req, _ := http.NewRequest("GET", base+"/people/ioannis-mitliagkas/", nil)
	req.Header.Set("Accept", "text/turtle")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/turtle; charset=utf-8" {
		t.Fatalf("GET as Turtle: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	// The base defaults to the server's address: the IRIs dereference here.
	if want := "<" + base + "/people/ioannis-mitliagkas/> a schema:ProfilePage"; !strings.Contains(string(body), want) {
		t.Errorf("the Turtle lacks %q:\n%.600s", want, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run after shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the server did not shut down")
	}
	for _, want := range []string{"msg=loaded", "msg=request method=GET path=/people/ioannis-mitliagkas/", "status=200", "msg=\"shutting down"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, logs.String())
		}
	}
}

// TestServeInvalid checks that invalid input is reported with positions
// and not served.
func TestServeInvalid(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "people.yaml")
	if err := os.WriteFile(bad, []byte("people:\n  - id: ada\n    name:\n      display: Ada\n    updated: 2026-13-45\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-in", bad}, &logs, func(string) { t.Error("serving invalid data") })
	if !errors.Is(err, errReported) {
		t.Fatalf("run = %v, want the problems reported", err)
	}
	if !strings.Contains(logs.String(), "people.yaml:5:") {
		t.Errorf("no position in the report:\n%s", logs.String())
	}
}

// TestServeReload serves files, then changes them: -watch reloads valid
// data, keeps serving the old data when the new is invalid, and SIGHUP
// reloads too.
func TestServeReload(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "people.yaml")
	write := func(display, updated string) {
		t.Helper()
		yaml := "people:\n  - id: ada\n    name:\n      display: " + display + "\n    updated: " + updated + "\n"
		if err := os.WriteFile(file+".tmp", []byte(yaml), 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(file+".tmp", file); err != nil {
			t.Fatal(err)
		}
	}
	write("Ada Lovelace", "2026-11-01")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs syncBuffer
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-in", file, "-watch"}, &logs, func(a string) { addrc <- a })
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a
	case err := <-done:
		t.Fatalf("run: %v\n%s", err, logs.String())
	}
	name := func() string {
		t.Helper()
		res, err := http.Get(base + "/people/ada/?format=nt")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		for _, n := range []string{"Ada Lovelace", "Ada King", "Augusta Ada"} {
			if strings.Contains(string(body), `<http://schema.org/name> "`+n+`"`) {
				return n
			}
		}
		return ""
	}
	waitFor := func(want string) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if name() == want {
				return
			}
		}
		t.Fatalf("never served %q; log:\n%s", want, logs.String())
	}
	waitFor("Ada Lovelace")
	write("Ada King", "2026-11-02")
	waitFor("Ada King")

	write("Augusta Ada", "2026-13-45") // invalid: kept out
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(logs.String(), "reload failed"); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no failed reload logged:\n%s", logs.String())
		}
	}
	if got := name(); got != "Ada King" {
		t.Errorf("after an invalid change, serving %q, want the data before, Ada King", got)
	}
	// The problems are logged after the line that says the reload failed.
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(logs.String(), "people.yaml:5:"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Errorf("the log lacks the problem's position:\n%s", logs.String())
			break
		}
	}

	// SIGHUP reloads even when nothing the watch compares has changed.
	loads := func() int { return strings.Count(logs.String(), "msg=loaded") }
	waitLoad := func(before int, why string) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); loads() == before; time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s did not reload:\n%s", why, logs.String())
			}
		}
	}
	before := loads()
	write("Ada King", "2026-11-02")
	waitLoad(before, "-watch")
	if runtime.GOOS != "windows" { // which has no SIGHUP
		before = loads()
		self, err := os.FindProcess(os.Getpid())
		if err != nil {
			t.Fatal(err)
		}
		if err := self.Signal(syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
		waitLoad(before, "SIGHUP")
		if !strings.Contains(logs.String(), "SIGHUP: reloading") {
			t.Errorf("the log does not say SIGHUP reloaded:\n%s", logs.String())
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run after shutdown: %v", err)
	}
}
