package serve

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"runtime"
	"strconv"

	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/graph"
	"github.com/scholarld/scholarld/site"
)

// A body is a rendered response body with its validators, and its
// gzipped form when compression pays. Inflating a held gzipped body for
// each client that does not take gzip cost several times what sending
// it does, so both are held. The body of a streamed representation (the
// dumps of the whole dataset) is not held: data is nil and the body is
// rendered again as it is sent.
type body struct {
	data, gz     []byte
	etag, length []string // of the body: a strong entity tag (a hash of its bytes), Content-Length
	// Of the gzipped body; nil when compression does not pay.
	gzETag, gzLength []string
}

// size is what a body costs the cache: its bytes and about what holds them.
func (b *body) size() int64 { return int64(len(b.data)+len(b.gz)) + 256 }

// gzipMin is the size below which bodies are not compressed.
const gzipMin = 512

// errRenderPanic is the error of the requests that waited for a render
// that panicked.
var errRenderPanic = errors.New("serve: rendering panicked")

// A renderer holds what rendering needs that is not safe for concurrent
// use, and costs about one mapping of the dataset to make.
type renderer struct {
	site *site.Renderer
	wr   *export.Writer
	m    *graph.Mapper
}

func (snap *snapshot) newRenderer() (*renderer, error) {
	sr, err := snap.site.NewRenderer()
	if err != nil {
		return nil, err
	}
	wr, err := export.NewWriter(snap.d, snap.eo)
	if err != nil {
		return nil, err
	}
	m, err := graph.NewMapper(snap.d, graph.Options{Names: snap.eo.Names(snap.d)})
	if err != nil {
		return nil, err
	}
	return &renderer{site: sr, wr: wr, m: m}, nil
}

// A pool lends renderers, making at most one per processor: more could
// not run at once, and each holds a mapping of the dataset.
type pool struct {
	free  chan *renderer
	slots chan struct{} // one token per renderer made
	mk    func() (*renderer, error)
}

func newPool(mk func() (*renderer, error)) *pool {
	n := runtime.GOMAXPROCS(0)
	return &pool{free: make(chan *renderer, n), slots: make(chan struct{}, n), mk: mk}
}

// get returns a free renderer, makes one if there are fewer than the
// processors, or waits for one to be put back.
func (p *pool) get() (*renderer, error) {
	select {
	case r := <-p.free:
		return r, nil
	default:
	}
	select {
	case r := <-p.free:
		return r, nil
	case p.slots <- struct{}{}:
		r, err := p.mk()
		if err != nil {
			<-p.slots
			return nil, err
		}
		return r, nil
	}
}

// put gives a renderer back.
func (p *pool) put(r *renderer) { p.free <- r }

// write renders the representation rep of res to w.
func (snap *snapshot) write(w io.Writer, res *resource, rep *representation) error {
	if res.kind == resIndex && rep.format != "html" {
		// The whole dataset: a writer of its own, rather than holding a
		// pooled renderer for as long as the client takes to read it.
		wr, err := export.NewWriter(snap.d, snap.eo)
		if err != nil {
			return err
		}
		_, err = wr.Write(w, rep.f)
		return err
	}
	rr, err := snap.pool.get()
	if err != nil {
		return err
	}
	defer snap.pool.put(rr)
	switch {
	case rep.format == "html" || res.kind == resFile:
		return rr.site.WriteFile(w, res.file)
	case res.kind == resPerson:
		_, err := rr.wr.WritePerson(w, rep.f, snap.d.People[res.i].ID)
		return err
	case res.kind == resPublication:
		enc, ok := graph.NewEncoder(rep.format, w)
		if !ok {
			return fmt.Errorf("serve: no encoder for %s", rep.format)
		}
		pub := &snap.d.Publications[res.i]
		if _, _, err := graph.Write(enc, rr.m.PublicationPage(snap.x, pub, snap.site.Base()+res.page)); err != nil {
			return fmt.Errorf("serve: publication %q: %w", pub.ID, err)
		}
		return nil
	}
	return fmt.Errorf("serve: cannot render %s of %s", rep.format, res.file)
}

// streamed reports whether a representation is sent as it is rendered,
// never held: the dumps of the whole dataset, which grow with it.
func streamed(res *resource, rep *representation) bool {
	return res.kind == resIndex && rep.format != "html"
}

// body returns the body of the representation i of res, from the cache
// or rendered.
func (snap *snapshot) body(res *resource, i int) (*body, error) {
	rep := res.set.reps[i]
	return snap.cache.get(cacheKey{res: res, rep: uint8(i)}, func() (*body, error) {
		if streamed(res, rep) {
			// Hash both encodings in one pass; keep neither.
			id, gz := newHashWriter(), newHashWriter()
			zw, _ := gzip.NewWriterLevel(gz, gzipLevel)
			if err := snap.write(io.MultiWriter(id, zw), res, rep); err != nil {
				return nil, err
			}
			zw.Close()
			b := &body{etag: id.tag(), length: id.length()}
			if id.n >= gzipMin && gz.n < id.n {
				b.gzETag, b.gzLength = gz.tag(), gz.length()
			}
			return b, nil
		}
		var buf bytes.Buffer
		if err := snap.write(&buf, res, rep); err != nil {
			return nil, err
		}
		data := buf.Bytes()
		b := &body{data: data, etag: []string{etag(data)}, length: []string{strconv.Itoa(len(data))}}
		if len(data) < gzipMin {
			return b, nil
		}
		var zbuf bytes.Buffer
		zbuf.Grow(len(data) / 4)
		zw, _ := gzip.NewWriterLevel(&zbuf, gzipLevel)
		zw.Write(data) // a bytes.Buffer cannot fail
		zw.Close()
		if zbuf.Len() < len(data) {
			b.gz = bytes.Clone(zbuf.Bytes())
			b.gzETag, b.gzLength = []string{etag(b.gz)}, []string{strconv.Itoa(len(b.gz))}
		}
		return b, nil
	})
}

// gzipLevel is the level of compression: the fastest, since bodies are
// compressed as they are rendered, on requests' time.
const gzipLevel = gzip.BestSpeed

// send writes the body b of the representation rep of res to w, gzipped
// if gz (b has a gzipped form then): the bytes held, or, for a streamed
// body, rendered again.
func (snap *snapshot) send(w io.Writer, res *resource, rep *representation, b *body, gz bool) error {
	switch {
	case b.data != nil && gz:
		_, err := w.Write(b.gz)
		return err
	case b.data != nil:
		_, err := w.Write(b.data)
		return err
	case !gz:
		return snap.write(w, res, rep)
	}
	zw, _ := gzip.NewWriterLevel(w, gzipLevel)
	if err := snap.write(zw, res, rep); err != nil {
		return err
	}
	return zw.Close()
}

// etag returns a strong entity tag of a body: a hash of its bytes.
func etag(data []byte) string {
	sum := sha256.Sum256(data)
	return tagOf(sum[:])
}

func tagOf(sum []byte) string { return `"` + hex.EncodeToString(sum[:12]) + `"` }

// A hashWriter hashes and counts what is written to it, and keeps nothing.
type hashWriter struct {
	h hash.Hash
	n int64
}

func newHashWriter() *hashWriter { return &hashWriter{h: sha256.New()} }

func (w *hashWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return w.h.Write(p)
}

func (w *hashWriter) tag() []string    { return []string{tagOf(w.h.Sum(nil))} }
func (w *hashWriter) length() []string { return []string{strconv.FormatInt(w.n, 10)} }
