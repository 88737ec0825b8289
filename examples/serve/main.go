// Command serve serves a scholarld dataset over HTTP as linked data (see
// package serve): the pages of its static site, and behind each page the
// same resource in JSON-LD, Turtle, N-Triples and, for people, ORCID XML and
// JSON, chosen by the Accept header or ?format=.
//
// With no flags it serves the embedded example (the profile page of
// Ioannis Mitliagkas) on 127.0.0.1:8080:
//
//	go run ./examples/serve
//	curl -H 'Accept: text/turtle' http://127.0.0.1:8080/people/ioannis-mitliagkas/
//	go run ./examples/serve -in people/ -in publications.yaml -base https://research.example.edu/ -watch
//
// -in works as in examples/export; -base is the site's base URL, the base
// of the IRIs minted, and defaults to the server's own address. -watch
// polls the input files every second and reloads them once they have
// changed and then stayed unchanged for -watch-quiet (a second), all of
// them or none: a reload during which a file changes is dropped. SIGHUP
// reloads too. A reload whose data is invalid is logged with every
// problem's file:line:column, and the data before goes on being served;
// /.well-known/scholarld/status says "failed, since" when and how many
// problems, and lists them to local clients only (-status-details). Pages
// and documents are rendered when first asked for and kept in a cache of
// -cache-mb megabytes (64), least recently used dropped first; the Go
// runtime's soft memory limit is set to hold two datasets and the cache
// (-memory-limit-mb). SIGINT and SIGTERM stop the
// server once the requests in flight are answered. Requests are logged to
// stderr with log/slog.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"syscall"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/serve"
	"github.com/scholarld/scholarld/source"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr, nil); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, err)
		}
		os.Exit(1)
	}
}

// errReported means the problems have been printed already.
var errReported = errors.New("errors reported")

// pathList is a repeatable flag.
type pathList []string

func (p *pathList) String() string     { return strings.Join(*p, ",") }
func (p *pathList) Set(s string) error { *p = append(*p, s); return nil }

// run does the work of main: it serves until ctx is done, then shuts down
// gracefully. It logs to stderr, and calls ready, if not nil, with the
// address it listens on once it does.
func run(ctx context.Context, args []string, stderr io.Writer, ready func(addr string)) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var in pathList
	var opts serve.Options
	fs.Var(&in, "in", "a YAML or JSON `file or directory` to load (repeatable; default: the embedded example)")
	addr := fs.String("addr", "127.0.0.1:8080", "the `address` to listen on")
	fs.StringVar(&opts.Site.Base, "base", "", "the site's base `URL`, also the base of minted IRIs (default: http://<addr>/)")
	fs.StringVar(&opts.Site.Title, "title", "", "the site's `name` (default \"Researcher directory\")")
	details := fs.String("status-details", "loopback", "who sees the problems of a failed reload at the status endpoint: `loopback` (direct local clients), never or always; everyone sees ok or failed, since when, and how many")
	watch := fs.Bool("watch", false, "reload when the input files change (polled every second) and have then stayed unchanged for -watch-quiet")
	fs.DurationVar(&opts.WatchQuiet, "watch-quiet", time.Second, "with -watch, how long the input files must stay unchanged before a reload (rounded up to whole seconds)")
	limitMB := fs.Int64("memory-limit-mb", -1, "the Go runtime's soft memory `limit` in megabytes; -1 sets it after the first load to room for two datasets (a reload builds the new one beside the old), the cache and 32 MB; 0 sets none; GOMEMLIMIT, if set, wins")
	cacheMB := fs.Int64("cache-mb", serve.DefaultCacheSize>>20, "the `megabytes` of rendered pages and documents kept in memory; 0 keeps none (each request renders)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cacheMB < 0 {
		return fmt.Errorf("serve: -cache-mb %d: want 0 or more", *cacheMB)
	}
	opts.CacheSize = *cacheMB << 20
	if *cacheMB == 0 {
		opts.CacheSize = -1
	}
	switch *details {
	case "loopback":
		opts.StatusDetails = serve.DetailsLoopback
	case "never":
		opts.StatusDetails = serve.DetailsNever
	case "always":
		opts.StatusDetails = serve.DetailsAlways
	default:
		return fmt.Errorf("serve: -status-details %q: want loopback, never or always", *details)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve: unexpected argument %q (use -in to name input files)", fs.Arg(0))
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	opts.Logger, opts.AccessLog = log, log

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	if opts.Site.Base == "" {
		opts.Site.Base = "http://" + ln.Addr().String() + "/"
	}
	loader := inputs.Loader() // every format, not only YAML and JSON
	embedded := len(in) == 0
	if embedded {
		loader.FS, in = seed.FS, []string{"."}
	}
	h, err := serve.New(func() (*dataset.Dataset, error) { return loader.Load(in...) }, opts)
	if list, ok := errors.AsType[source.ErrorList](err); ok {
		for _, e := range list {
			fmt.Fprintf(stderr, "error: %v\n", e)
		}
		fmt.Fprintf(stderr, "%d errors; not serving\n", len(list))
		return errReported
	}
	if err != nil {
		return err
	}
	if limit := memoryLimit(*limitMB, opts.CacheSize); limit > 0 {
		debug.SetMemoryLimit(limit)
		log.Info("memory limit", "MB", limit>>20)
	}

	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				log.Info("SIGHUP: reloading")
				h.Reload() // logged, and shown on the status
			}
		}
	}()
	if *watch {
		if embedded {
			log.Warn("-watch: the embedded example does not change; watching nothing")
		} else {
			go h.Watch(ctx, time.Second, in...)
		}
	}

	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "base", opts.Site.Base, "status", serve.StatusPath)
	if ready != nil {
		ready(ln.Addr().String())
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down; finishing the requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// memoryLimit returns the soft memory limit to set, in bytes, or 0 for
// none: the flag's, or with -1, room for twice the heap live once the
// data is loaded (the dataset, and its copy while a reload builds the
// next beside it), the cache, and 64 MB. Without a limit the Go runtime
// lets the heap grow to twice what is live (GOGC=100) before it collects,
// so the garbage of rendering pages would double the dataset's footprint.
func memoryLimit(flagMB, cache int64) int64 {
	if os.Getenv("GOMEMLIMIT") != "" || flagMB == 0 {
		return 0
	}
	if flagMB > 0 {
		return flagMB << 20
	}
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	live := int64(sample[0].Value.Uint64())
	return 2*live + max(cache, 0) + 32<<20
}
