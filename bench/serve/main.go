// Command serve measures the throughput and latency of package serve's
// handler against http.FileServer serving the same bytes pre-rendered on
// disk, with vegeta as the load generator, over loopback, bounded in time.
//
//	go run ./bench/serve                 # 5 s per run, 8 workers
//	go run ./bench/serve -d 10s -workers 16 -rounds 3
//
// For each of a person's page in HTML, JSON-LD and Turtle it attacks both
// servers at the greatest rate they sustain (vegeta's rate 0: as fast as
// the workers get answers), alternating the servers round by round, then
// once at a fixed rate (-rate) where latency is not queueing. It prints a
// Markdown table: requests per second, the ratio to FileServer, p50 and
// p99 latency, and errors. Compression is off on both sides (Accept-Encoding:
// identity), so both send the same bytes.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/serve"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// A variant is one representation of the person's page.
type variant struct {
	name, accept, file string // file: where FileServer finds its bytes
}

var variants = []variant{
	{"HTML", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "people/ioannis-mitliagkas/index.html"},
	{"JSON-LD", "application/ld+json", "people/ioannis-mitliagkas/ioannis-mitliagkas.jsonld"},
	{"Turtle", "text/turtle", "people/ioannis-mitliagkas/ioannis-mitliagkas.ttl"},
}

const page = "/people/ioannis-mitliagkas/"

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	dur := fs.Duration("d", 5*time.Second, "the `duration` of each attack")
	workers := fs.Uint64("workers", 8, "the `number` of concurrent vegeta workers in the max-rate attacks")
	rounds := fs.Int("rounds", 1, "max-rate attacks of each server per variant, alternated")
	rate := fs.Int("rate", 2000, "the fixed `rate` (requests/s) of the latency attacks; 0 for none")
	if err := fs.Parse(args); err != nil {
		return err
	}

	h, err := serve.New(func() (*dataset.Dataset, error) { return (&dataset.Loader{FS: seed.FS}).Load(".") }, serve.Options{})
	if err != nil {
		return err
	}
	// Pre-render the very bytes the handler sends, for FileServer.
	dir, err := os.MkdirTemp("", "scholarld-bench-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	for _, v := range variants {
		r := httptest.NewRequest("GET", page, nil)
		r.Header.Set("Accept", v.accept)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			return fmt.Errorf("%s: status %d", v.name, w.Code)
		}
		path := filepath.Join(dir, filepath.FromSlash(v.file))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, w.Body.Bytes(), 0o644); err != nil {
			return err
		}
	}

	servers := []struct {
		name string
		h    http.Handler
		url  func(v variant) string
	}{
		{"http.FileServer", http.FileServer(http.Dir(dir)), nil},
		{"serve.Handler", h, nil},
	}
	for i := range servers {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: servers[i].h}
		go srv.Serve(ln)
		defer srv.Close()
		base := "http://" + ln.Addr().String()
		if i == 0 {
			servers[i].url = func(v variant) string {
				if v.name == "HTML" {
					return base + page // FileServer serves the directory's index.html
				}
				return base + "/" + v.file
			}
		} else {
			servers[i].url = func(variant) string { return base + page }
		}
	}

	attack := func(url string, v variant, pacer vegeta.Pacer, w uint64) (*vegeta.Metrics, error) {
		hdr := http.Header{"Accept": {v.accept}, "Accept-Encoding": {"identity"}}
		targeter := vegeta.NewStaticTargeter(vegeta.Target{Method: "GET", URL: url, Header: hdr})
		opts := []func(*vegeta.Attacker){vegeta.Workers(w), vegeta.KeepAlive(true), vegeta.Connections(int(w))}
		if _, ok := pacer.(vegeta.ConstantPacer); ok && pacer.(vegeta.ConstantPacer).Freq == 0 {
			opts = append(opts, vegeta.MaxWorkers(w))
		}
		a := vegeta.NewAttacker(opts...)
		var m vegeta.Metrics
		for res := range a.Attack(targeter, pacer, *dur, v.name) {
			m.Add(res)
		}
		m.Close()
		if m.Requests == 0 {
			return nil, errors.New("no requests made")
		}
		return &m, nil
	}

	fmt.Fprintf(stdout, "Max rate: %d workers, %v per attack, %d round(s), GOMAXPROCS %d\n\n", *workers, *dur, *rounds, maxprocs())
	fmt.Fprintln(stdout, "| representation | server | requests/s | vs FileServer | p50 | p99 | errors |")
	fmt.Fprintln(stdout, "|---|---|---:|---:|---:|---:|---:|")
	for _, v := range variants {
		total := make([]vegeta.Metrics, len(servers))
		var rates [2]float64
		for range *rounds {
			for i, s := range servers {
				m, err := attack(s.url(v), v, vegeta.ConstantPacer{}, *workers)
				if err != nil {
					return err
				}
				rates[i] += m.Throughput / float64(*rounds)
				total[i] = *m // the last round's latencies
				if m.Success < 1 {
					total[i].Errors = append(total[i].Errors, fmt.Sprintf("success %.4f", m.Success))
				}
			}
		}
		for i, s := range servers {
			m := total[i]
			fmt.Fprintf(stdout, "| %s | %s | %.0f | %.2f× | %s | %s | %d |\n", v.name, s.name, rates[i], rates[i]/rates[0],
				round(m.Latencies.P50), round(m.Latencies.P99), len(m.Errors))
		}
	}
	if *rate > 0 {
		fmt.Fprintf(stdout, "\nFixed rate: %d requests/s, %v per attack\n\n", *rate, *dur)
		fmt.Fprintln(stdout, "| representation | server | requests/s | p50 | p99 | max | errors |")
		fmt.Fprintln(stdout, "|---|---|---:|---:|---:|---:|---:|")
		for _, v := range variants {
			for _, s := range servers {
				m, err := attack(s.url(v), v, vegeta.ConstantPacer{Freq: *rate, Per: time.Second}, *workers)
				if err != nil {
					return err
				}
				fmt.Fprintf(stdout, "| %s | %s | %.0f | %s | %s | %s | %d |\n", v.name, s.name, m.Throughput,
					round(m.Latencies.P50), round(m.Latencies.P99), round(m.Latencies.Max), len(m.Errors)+int(m.Requests)-int(m.StatusCodes["200"]))
			}
		}
	}
	return nil
}

func round(d time.Duration) string {
	switch {
	case d >= time.Millisecond:
		return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond))
	}
}

func maxprocs() int { return runtime.GOMAXPROCS(0) }
