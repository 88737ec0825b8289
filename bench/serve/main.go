// Command serve measures the throughput and latency of package serve's
// handler against http.FileServer serving the same bytes pre-rendered on
// disk, with vegeta as the load generator, over loopback, bounded in time.
// It is in the module of bench/ (bench/go.mod), so that vegeta is not a
// requirement of the library's go.mod; run it from the repository's root
// with go -C:
//
//	go -C bench run ./serve                 # 5 rounds of 3 s attacks, 8 workers
//	go -C bench run ./serve -d 10s -workers 16 -rounds 3 -rate 2000
//
// For each of a person's page in HTML, JSON-LD and Turtle it attacks both
// servers at the greatest rate they sustain (vegeta's rate 0: as fast as
// the workers get answers), then at a fixed rate (-rate), where latency is
// not queueing; each -rounds times, the servers taking turns to go first.
// It prints Markdown tables of the median round: requests per second, the
// ratio to FileServer, p50 and p99 latency, with the worst p99 of all
// rounds. Any failed request stops it with an error. Compression is off on
// both sides (Accept-Encoding: identity), so both send the same bytes.
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
	"slices"
	"strings"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/seed"
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
	dur := fs.Duration("d", 3*time.Second, "the `duration` of each attack")
	workers := fs.Uint64("workers", 8, "the `number` of concurrent vegeta workers in the max-rate attacks")
	rounds := fs.Int("rounds", 5, "the `number` of attacks of each server per variant and pace, in turns")
	rate := fs.Int("rate", 1000, "the fixed `rate` (requests/s) of the latency attacks; 0 for none")
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

	// Attack each variant on each server, round by round, the servers in
	// turns; report the median round, and the worst p99.
	type result struct{ rps, p50, p99 []float64 }
	measure := func(pacer vegeta.Pacer) ([][]result, error) {
		out := make([][]result, len(variants))
		for i := range out {
			out[i] = make([]result, len(servers))
		}
		for r := range *rounds {
			for i, v := range variants {
				for k := range servers {
					j := (k + r) % len(servers) // who goes first alternates
					m, err := attack(servers[j].url(v), v, pacer, *workers)
					if err != nil {
						return nil, err
					}
					if bad := int(m.Requests) - m.StatusCodes["200"]; bad > 0 || len(m.Errors) > 0 {
						return nil, fmt.Errorf("%s, %s: %d failed requests: %q", v.name, servers[j].name, bad, m.Errors)
					}
					res := &out[i][j]
					res.rps = append(res.rps, m.Throughput)
					res.p50 = append(res.p50, float64(m.Latencies.P50))
					res.p99 = append(res.p99, float64(m.Latencies.P99))
				}
			}
		}
		return out, nil
	}
	report := func(title string, out [][]result) {
		fmt.Fprintf(stdout, "%s\n\n", title)
		fmt.Fprintln(stdout, "| representation | server | requests/s | vs FileServer | p50 | p99 (median) | p99 (worst) | errors |")
		fmt.Fprintln(stdout, "|---|---|---:|---:|---:|---:|---:|---:|")
		for i, v := range variants {
			for j, s := range servers {
				res := out[i][j]
				fmt.Fprintf(stdout, "| %s | %s | %.0f | %.2f× | %s | %s | %s | 0 |\n", v.name, s.name, median(res.rps),
					median(res.rps)/median(out[i][0].rps), round(median(res.p50)), round(median(res.p99)), round(slices.Max(res.p99)))
			}
		}
		fmt.Fprintln(stdout)
	}
	fmt.Fprintf(stdout, "GOMAXPROCS %d, %v per attack, %d rounds, load average before: %s\n\n", runtime.GOMAXPROCS(0), *dur, *rounds, loadavg())
	out, err := measure(vegeta.ConstantPacer{})
	if err != nil {
		return err
	}
	report(fmt.Sprintf("Max rate (%d workers, as fast as answers come):", *workers), out)
	if *rate > 0 {
		out, err := measure(vegeta.ConstantPacer{Freq: *rate, Per: time.Second})
		if err != nil {
			return err
		}
		report(fmt.Sprintf("Fixed rate, %d requests/s:", *rate), out)
	}
	fmt.Fprintf(stdout, "load average after: %s\n", loadavg())
	return nil
}

// median returns the median of xs.
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// loadavg returns the system's load averages, where Linux says them.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

func round(f float64) string {
	d := time.Duration(f)
	switch {
	case d >= time.Millisecond:
		return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond))
	}
}
