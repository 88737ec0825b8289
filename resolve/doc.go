// Package resolve fetches the records of scholarly identifiers from the
// services that hold them, as raw JSON documents that a [dataset.Loader]
// with the formats of package inputs then recognizes and decodes by their
// content:
//
//   - a DOI ("doi:10.7554/elife.01567", "https://doi.org/10.7554/elife.01567"):
//     doi.org's registration agency API (https://doi.org/ra/{doi}) says
//     who registered it, then Crossref's REST API
//     (https://api.crossref.org/works/{doi}) or DataCite's
//     (https://api.datacite.org/dois/{doi}) serves its record;
//   - an OpenAlex work ("openalex:W2741809807"): OpenAlex's API serves it
//     (https://api.openalex.org/works/W2741809807);
//   - an OpenAlex author ("openalex:A5023888391"): the author
//     (https://api.openalex.org/authors/A5023888391), then their works,
//     page by page (https://api.openalex.org/works?filter=author.id:A5023888391&per-page=200&cursor=…),
//     up to a maximum.
//
// For example:
//
//	docs, err := (&resolve.Client{Mailto: "ada@example.org"}).Fetch(ctx, "doi:10.7554/elife.01567")
//	if err != nil { … }
//	d, err := inputs.Loader().LoadDocuments(docs)
//
// The package neither decodes records nor knows the model: it fetches,
// checks that each record is the one asked for (by its DOI or OpenAlex id),
// and hands the bytes over as served. Documents are named after what they
// are and where they come from ("doi:10.7554/elife.01567
// (api.crossref.org)"), so that the positions of decoding errors point
// somewhere meaningful.
//
// The client is polite: it sends a User-Agent that names scholarld and
// its version and, if given, the caller's e-mail address, which Crossref
// and OpenAlex also get as the parameter mailto; it bounds each request
// by a timeout, retries rate-limited (429) and failed (5xx) requests,
// timeouts and transient network errors with exponential backoff and
// jitter, honouring Retry-After; and it refuses responses larger than a
// limit. Every request stops when its context is done. Failures return an
// [*Error] that names the identifier and the request, and wraps a
// sentinel such as [ErrNotFound], [ErrAgency] or [ErrMismatch].
//
// Package resolve uses net/http and encoding/json only, with scholarld's
// dataset and publication packages.
package resolve
