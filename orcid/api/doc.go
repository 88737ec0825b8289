// Package api is a client of ORCID's public API, version 3.0
// (https://pub.orcid.org/v3.0/). It fetches a researcher's record and
// their full works by ORCID iD, as raw documents that [orcid.Read] imports:
//
//	docs, err := new(api.Client).Fetch(ctx, "0000-0002-1825-0097")
//	if err != nil { … }
//	d, err := orcid.Read(docs...)
//
// A record lists its works as summaries only; their contributors and
// abstracts are in the full works, which ORCID serves apart, at most 100
// put-codes a request (GET /v3.0/{orcid}/works/{put-code,put-code,…}).
// [Client.Works] and [Client.Fetch] fetch them in such bulks.
//
// Documents are named after what they are ("orcid:0000-0002-1825-0097/record.xml"),
// so that the positions of decoding errors point somewhere meaningful.
//
// The client is polite: it sends a User-Agent that names scholarld and,
// if given, the caller's contact; it retries rate-limited (429) and failed
// (5xx) requests and transient network errors with exponential backoff
// and jitter, honouring Retry-After; and it refuses responses larger than
// a limit. It does not hang: a whole call has a deadline, and each
// request a limit per phase (connection, TLS handshake, headers, body),
// totals that cut a server dripping bytes. It follows redirects to the
// same host only, over https, and refuses a document of another iD than
// the one asked for. Failed requests return an [*Error] that wraps a sentinel such
// as [ErrNotFound] or [ErrRateLimited].
//
// Package api uses net/http only, with scholarld's orcid, dataset and
// profile packages.
package api
