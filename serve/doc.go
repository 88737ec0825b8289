// Package serve serves a dataset over HTTP as linked data: the pages of
// its static site (see package site), at the same paths, and behind each
// page the same resource in the formats of package export, chosen by
// content negotiation, as ORCID and VIVO answer for their people.
//
//	h, err := serve.New(func() (*dataset.Dataset, error) { return inputs.Loader().Load("people/") }, serve.Options{})
//	...
//	http.ListenAndServe("127.0.0.1:8080", h)
//
// Each person's page answers text/html, application/ld+json, text/turtle,
// application/n-triples, application/vnd.orcid+xml and
// application/vnd.orcid+json (when ORCID can hold the record); each
// publication's page the first four; the directory's index ("/") the first
// four too, the RDF ones being the whole dataset. The Accept header chooses, with q-values and wildcards, ties
// going to the order above (so browsers get HTML); the query parameter
// format, a name of [export.Lookup] or "html", chooses for links. A
// request that accepts none gets 406 Not Acceptable and the list of what
// there is. The other files of the site (the documents beside people's
// pages, sitemap.xml, robots.txt) are served as they are.
//
// A load keeps the validated dataset and the paths it serves, and renders
// nothing to keep: bodies are rendered when first asked for, through the
// same code as the static site and package export, and held with their
// gzipped form in a cache bounded in bytes (Options.CacheSize, 64 MB by
// default), least recently used dropped first; concurrent requests for a
// body not held render it once. The dumps of the whole dataset are never
// held: only their validators, and they are rendered as they are sent.
// Responses carry a strong ETag (a hash of the bytes sent), Last-Modified
// from the data (a person's updated date; the newest for the index and
// the dumps), Vary: Accept, Accept-Encoding, and gzip when the client
// accepts it; If-None-Match and If-Modified-Since get 304 Not Modified.
// RDF documents carry Access-Control-Allow-Origin: *, so that tools in a
// browser can read them.
//
// The handler serves only the paths of the site: a path that is not one
// of a page or a file is 404, and a path with "." or ".." segments,
// encoded slashes or control characters, or longer than [MaxPath], is 400.
//
// [Handler.Reload] loads and validates the data again beside the data
// served, and swaps it in whole, atomically, with a cache of its own, the
// old one dropped with the old data; invalid data is logged, and the data
// before goes on being served. [StatusPath] tells every client whether the
// last load succeeded ("failed, since" when, and how many problems); the
// problems themselves, with the server's paths and the values that failed,
// only to the clients [StatusDetails] allows (direct loopback ones by
// default). [Handler.Watch] reloads when the input files have changed and
// then stayed unchanged for a quiet period, all of them or none.
package serve
