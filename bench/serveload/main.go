// Command serveload measures a server of a large site: requests per
// second over many pages, and the resident memory of the server's
// process (Linux's /proc/PID/status), also while it reloads. It is the
// measure of docs/serve.md's "Memory" section; bench/serve compares
// latency on one page.
//
//	go run ./bench/serveload mirror -url http://127.0.0.1:18080 -site /tmp/institute-site -out /tmp/institute-pages
//	go run ./bench/serveload fileserver -dir /tmp/institute-pages -addr 127.0.0.1:18081
//	go run ./bench/serveload load -url http://127.0.0.1:18080 -site /tmp/institute-site -pid PID -d 20s
//	go run ./bench/serveload load -url http://127.0.0.1:18080 -site /tmp/institute-site -pid PID -hup
//
// load requests the pages of the site written in -site (every person's and
// publication's page, the paths of its index.html files), in a random
// order fixed by -seed, from -c workers for -d, asking for HTML without
// compression; -pages keeps the first n of that order, so that the pages
// fit in the server's cache or not. Any status but 200 is an error. With
// -pid it samples the process's VmRSS every 50 ms and prints the peak
// (and VmHWM, the kernel's peak since the process started). With -hup it
// sends the process SIGHUP once the load has run for a quarter of -d, and
// waits for the status endpoint's generation to change before it stops.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "serveload:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: serveload fileserver|load [flags]")
	}
	switch args[0] {
	case "fileserver":
		fs := flag.NewFlagSet("fileserver", flag.ContinueOnError)
		dir := fs.String("dir", "", "the `directory` to serve")
		addr := fs.String("addr", "127.0.0.1:18081", "the `address` to listen on")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "http.FileServer of %s on http://%s/ (pid %d)\n", *dir, *addr, os.Getpid())
		return http.ListenAndServe(*addr, http.FileServer(http.Dir(*dir)))
	case "load":
		return load(args[1:], stdout)
	case "mirror":
		return mirror(args[1:], stdout)
	}
	return fmt.Errorf("unknown command %q", args[0])
}

func load(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	url := fs.String("url", "http://127.0.0.1:18080", "the server's `URL`, without the final slash")
	site := fs.String("site", "", "the `directory` of the static site whose pages to request")
	pages := fs.Int("pages", 0, "request only the first `n` pages of the shuffled list (0: all)")
	workers := fs.Int("c", 8, "concurrent `workers`")
	dur := fs.Duration("d", 20*time.Second, "how long to load")
	seed := fs.Uint64("seed", 1, "the `seed` of the order of the pages")
	pid := fs.Int("pid", 0, "the server's process `id`, whose memory to sample")
	hup := fs.Bool("hup", false, "send -pid SIGHUP a quarter into the load and wait for the reload")
	if err := fs.Parse(args); err != nil {
		return err
	}
	paths, err := pagePaths(*site)
	if err != nil {
		return err
	}
	rand.New(rand.NewPCG(*seed, 0)).Shuffle(len(paths), func(i, j int) { paths[i], paths[j] = paths[j], paths[i] })
	if *pages > 0 && *pages < len(paths) {
		paths = paths[:*pages]
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *workers, DisableCompression: true}}

	var (
		stop           atomic.Bool
		reqs, bytes    atomic.Int64
		failures       atomic.Int64
		firstErr       atomic.Pointer[error]
		next           atomic.Int64
		peak           atomic.Int64
		wg             sync.WaitGroup
		samplerDone    = make(chan struct{})
		samplerStopped = make(chan struct{})
	)
	if *pid > 0 {
		go func() {
			defer close(samplerStopped)
			t := time.NewTicker(50 * time.Millisecond)
			defer t.Stop()
			for {
				if rss, _, err := memory(*pid); err == nil && rss > peak.Load() {
					peak.Store(rss)
				}
				select {
				case <-samplerDone:
					return
				case <-t.C:
				}
			}
		}()
	} else {
		close(samplerStopped)
	}
	start := time.Now()
	for range *workers {
		wg.Go(func() {
			for !stop.Load() {
				p := paths[int(next.Add(1)-1)%len(paths)]
				req, _ := http.NewRequest(http.MethodGet, *url+p, nil)
				req.Header.Set("Accept", "text/html")
				res, err := client.Do(req)
				if err == nil {
					var n int64
					n, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					bytes.Add(n)
					if err == nil && res.StatusCode != http.StatusOK {
						err = fmt.Errorf("%s: %s", p, res.Status)
					}
				}
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, &err)
					continue
				}
				reqs.Add(1)
			}
		})
	}
	reloaded := ""
	if *hup {
		time.Sleep(*dur / 4)
		gen, err := generation(client, *url)
		if err != nil {
			return err
		}
		t0 := time.Now()
		proc, err := os.FindProcess(*pid)
		if err != nil {
			return err
		}
		if err := proc.Signal(syscall.SIGHUP); err != nil {
			return err
		}
		for {
			g, err := generation(client, *url)
			if err != nil {
				return err
			}
			if g != gen {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		reloaded = fmt.Sprintf(", reload took %s under load", time.Since(t0).Round(100*time.Millisecond))
	}
	if rest := *dur - time.Since(start); rest > 0 {
		time.Sleep(rest)
	}
	stop.Store(true)
	wg.Wait()
	took := time.Since(start)
	close(samplerDone)
	<-samplerStopped

	fmt.Fprintf(stdout, "%s: %d pages, %d workers, %s: %d requests, %.0f requests/s, %.1f MB/s, %d errors%s\n",
		*url, len(paths), *workers, took.Round(100*time.Millisecond), reqs.Load(),
		float64(reqs.Load())/took.Seconds(), float64(bytes.Load())/took.Seconds()/1e6, failures.Load(), reloaded)
	if *pid > 0 {
		rss, hwm, err := memory(*pid)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "pid %d: peak VmRSS sampled %d MB, VmRSS now %d MB, VmHWM %d MB\n", *pid, peak.Load()>>10, rss>>10, hwm>>10)
	}
	if e := firstErr.Load(); e != nil {
		return fmt.Errorf("first error: %w", *e)
	}
	return nil
}

// mirror writes the HTML of the pages of a site directory as a server
// sends them into another directory, for FileServer to serve the very
// bytes the server sends: scholarld site merges the authors it matches,
// the server does not, so their pages differ.
func mirror(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("mirror", flag.ContinueOnError)
	url := fs.String("url", "http://127.0.0.1:18080", "the server's `URL`, without the final slash")
	site := fs.String("site", "", "the `directory` of the static site whose pages to fetch")
	out := fs.String("out", "", "the `directory` to write them to")
	if err := fs.Parse(args); err != nil {
		return err
	}
	paths, err := pagePaths(*site)
	if err != nil {
		return err
	}
	var total int64
	for _, p := range paths {
		req, _ := http.NewRequest(http.MethodGet, *url+p, nil)
		req.Header.Set("Accept", "text/html")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		data, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err == nil && res.StatusCode != http.StatusOK {
			err = fmt.Errorf("%s: %s", p, res.Status)
		}
		if err != nil {
			return err
		}
		name := filepath.Join(*out, filepath.FromSlash(p), "index.html")
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return err
		}
		total += int64(len(data))
	}
	fmt.Fprintf(stdout, "wrote %d pages, %d bytes, to %s\n", len(paths), total, *out)
	return nil
}

// pagePaths returns the URL paths of the pages of a site directory: the
// directories holding an index.html, with a final slash, but the root.
func pagePaths(dir string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, err := filepath.Rel(dir, filepath.Dir(p))
		if err != nil || rel == "." {
			return err
		}
		paths = append(paths, "/"+filepath.ToSlash(rel)+"/")
		return nil
	})
	if err == nil && len(paths) == 0 {
		err = fmt.Errorf("no pages under %q", dir)
	}
	return paths, err
}

// memory returns the VmRSS and VmHWM of a process, in kB.
func memory(pid int) (rss, hwm int64, err error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, _ := strings.Cut(sc.Text(), ":")
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		switch name {
		case "VmRSS":
			rss = n
		case "VmHWM":
			hwm = n
		}
	}
	return rss, hwm, sc.Err()
}

// generation returns the generation the status endpoint reports.
func generation(c *http.Client, url string) (int, error) {
	res, err := c.Get(url + "/.well-known/scholarld/status")
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	var st struct {
		Generation int `json:"generation"`
	}
	err = json.NewDecoder(res.Body).Decode(&st)
	return st.Generation, err
}
