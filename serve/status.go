package serve

import (
	"encoding/json"
	"net"
	"net/http"
	"strconv"
)

// StatusDetails says which clients of the status endpoint see the
// problems of a failed reload (Status.Errors): file paths, positions and
// the values that failed to validate, which may be of records not yet
// published. Every client sees the rest: whether the last load
// succeeded, since when the loads fail, and how many problems there are.
type StatusDetails int

const (
	// DetailsLoopback shows the problems to clients on the loopback
	// interface (127.0.0.0/8, ::1) whose request was not forwarded: it
	// carries no Forwarded, X-Forwarded-For or X-Real-IP header, which a
	// reverse proxy on the same machine adds. A proxy that adds none
	// makes every client look local: use DetailsNever behind it.
	DetailsLoopback StatusDetails = iota
	// DetailsNever shows the problems to no client; they are in the log
	// and in [Handler.Status].
	DetailsNever
	// DetailsAlways shows the problems to every client.
	DetailsAlways
)

// serveStatus answers the status endpoint: the whole Status to the
// clients that may see details, without Errors to the others.
func (h *Handler) serveStatus(w http.ResponseWriter, r *http.Request) {
	st := h.Status()
	if !h.showDetails(r) {
		st.Errors = nil
	}
	body, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		http.Error(w, "status: cannot encode", http.StatusInternalServerError)
		return
	}
	body = append(body, '\n')
	hdr := w.Header()
	hdr.Set("Content-Type", "application/json")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Vary", "Forwarded, X-Forwarded-For, X-Real-IP")
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// showDetails reports whether the client of r may see the problems of a
// failed reload.
func (h *Handler) showDetails(r *http.Request) bool {
	switch h.opts.StatusDetails {
	case DetailsAlways:
		return true
	case DetailsLoopback:
		for _, k := range []string{"Forwarded", "X-Forwarded-For", "X-Real-Ip"} {
			if _, ok := r.Header[k]; ok {
				return false
			}
		}
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			return false
		}
		ip := net.ParseIP(host)
		return ip != nil && ip.IsLoopback()
	}
	return false
}
