package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/outdir"
	"github.com/scholarld/scholarld/internal/suggest"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/stream"
	"github.com/scholarld/scholarld/validate"
)

const exportUsage = `Usage: scholarld export [-in PATH]... [-format LIST] [-out DIR|-] [flags]

Export writes a dataset as linked data (JSON-LD, Turtle, N-Triples), each
person's profile page (JSON-LD and an HTML snippet: the lean document a web
page embeds, or with -full-profile everything the dump says of them), their
ORCID record (XML and JSON), or the dataset in scholarld's YAML, to edit. With no -in it
exports the embedded example. Inputs that describe the same person or work
are merged, the earlier -in winning field by field (see docs/format.md).

Invalid input is reported with every problem's file:line:column and path,
and nothing is written. The output directory is replaced whole or not at
all. With -out -, one format is written to standard output: a format of
whole datasets, or a person's document if the dataset holds one person.
`

// pathList is a repeatable flag.
type pathList []string

func (p *pathList) String() string     { return strings.Join(*p, ",") }
func (p *pathList) Set(s string) error { *p = append(*p, s); return nil }

// exportFlags are the flags of export.
type exportFlags struct {
	inputFlags
	formats []export.Format
	out     string
	opts    export.Options
	loss    string
	quiet   bool
}

// Export runs the export command.
func Export(env *Env, args []string) error {
	fs, version := newFlagSet("export")
	var f exportFlags
	f.inputFlags.register(fs)
	formatList := fs.String("format", "jsonld,ttl,nt,html,orcid-xml,orcid-json", "the `formats` to write, a comma list of "+strings.Join(formatNames(), ", "))
	fs.StringVar(&f.out, "out", "dump", "the `directory` to write into, or - for standard output (with one format)")
	fs.StringVar(&f.opts.Base, "base", export.DefaultBase, "the base `IRI` of minted IRIs")
	fs.BoolVar(&f.opts.FullProfile, "full-profile", false, "write each person's full profile page (past positions, education, advising), not the lean one a web page embeds")
	fs.StringVar(&f.loss, "loss", "", "write the full report of what ORCID records cannot hold to `file`")
	fs.BoolVar(&f.quiet, "q", false, "no progress line")
	if done, err := parse(env, fs, version, exportUsage, args); done {
		return err
	}
	var err error
	if f.formats, err = parseFormats(*formatList); err != nil {
		return err
	}
	if f.out == "-" && len(f.formats) != 1 {
		return usagef("-out - writes one format to standard output; -format names %d", len(f.formats))
	}
	if err := f.opts.Check(); err != nil {
		return usageError{err}
	}
	loader := f.loader()
	p := newProgress(env, f.quiet)
	defer p.stop()
	if _, ids := f.split(); len(ids) == 0 && !slices.ContainsFunc(f.formats, inMemory) {
		err := streamDumps(env, p, loader, f)
		if !onlyDuplicates(err) {
			return err
		}
		// The same records in several inputs: merging them needs the
		// whole dataset in memory.
		p.reset()
	}

	// Profile pages gather each person's publications, and ORCID records
	// each person's works; merging sources needs every record: that needs
	// the whole dataset in memory.
	d, err := load(env, p, loader, f.inputFlags)
	if err != nil {
		return err
	}
	f.opts.Validated = true // by the loading above
	wr, err := export.NewWriter(d, f.opts)
	if err != nil {
		return err
	}
	if f.out == "-" {
		return writeStdout(env, d, wr, f)
	}
	dir, err := outdir.Create(f.out)
	if err != nil {
		return err
	}
	defer cleanup.add(dir.Abort)()
	defer dir.Abort()
	var report strings.Builder
	fmt.Fprintf(&report, "%s\n", summary(d))
	if err := writeDumps(&report, dir, f, wr); err != nil {
		return err
	}
	losses, err := writePeople(&report, dir, f, d, wr)
	if err != nil {
		return err
	}
	if err := dir.Commit(); err != nil {
		return err
	}
	p.stop()
	io.WriteString(env.Stderr, report.String())
	return reportLoss(env, d, losses, f.loss)
}

// loadInputs loads, merges and validates the dataset of the inputs (the
// embedded example with no -in), as load does, with a progress line
// unless quiet.
func loadInputs(env *Env, in inputFlags, quiet bool) (*dataset.Dataset, error) {
	loader := in.loader()
	p := newProgress(env, quiet)
	defer p.stop()
	return load(env, p, loader, in)
}

// load loads, merges and validates the dataset of paths, printing its
// warnings, or its errors and [ErrInvalid].
func load(env *Env, p *progress, loader dataset.Loader, in inputFlags) (*dataset.Dataset, error) {
	paths, ids := in.split()
	fetched, err := in.fetch(context.Background(), ids)
	if err != nil {
		return nil, err
	}
	d, err := loader.LoadDocuments(fetched, paths...)
	if d != nil {
		p.add(d.Len(), inputSize(loader, paths))
	}
	d, err = validate.Check(dataset.Merge(d, err))
	if list, ok := errors.AsType[source.ErrorList](err); ok {
		p.stop()
		printErrors(env.Stderr, list, "nothing written")
		return nil, ErrInvalid
	}
	if err != nil {
		return nil, err
	}
	p.stop()
	for _, w := range append(d.Warnings, validate.Warnings(d, env.Now)...) {
		fmt.Fprintf(env.Stderr, "warning: %v\n", w)
	}
	if err := reportMatches(env, d.Matches, in.all, in.matches); err != nil {
		return nil, err
	}
	return d, nil
}

// printOmitted prints the count of the warnings a stream counted but did
// not keep, by kind, the most frequent first.
func printOmitted(w io.Writer, omitted map[string]int) {
	if len(omitted) == 0 {
		return
	}
	kinds := slices.Collect(maps.Keys(omitted))
	total := 0
	for _, k := range kinds {
		total += omitted[k]
	}
	slices.SortFunc(kinds, func(a, b string) int { return cmp.Or(cmp.Compare(omitted[b], omitted[a]), strings.Compare(a, b)) })
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%d at %s", omitted[k], k))
	}
	fmt.Fprintf(w, "warning: %d more %s, not printed: %s\n", total, plural(total, "warning", "warnings"), strings.Join(parts, ", "))
}

// printErrors prints the problems of list and their count, then what
// follows from them.
func printErrors(w io.Writer, list source.ErrorList, then string) {
	for _, e := range list {
		fmt.Fprintf(w, "error: %v\n", e)
	}
	fmt.Fprintf(w, "%d %s; %s\n", len(list), plural(len(list), "error", "errors"), then)
}

// onlyDuplicates reports whether err lists only records given twice, which
// merging in memory resolves.
func onlyDuplicates(err error) bool {
	list, ok := errors.AsType[source.ErrorList](err)
	if !ok || len(list) == 0 {
		return false
	}
	for _, e := range list {
		if !errors.Is(e, validate.ErrDuplicate) {
			return false
		}
	}
	return true
}

// inMemory reports whether the command needs the whole dataset in memory
// to write f: it does for every format whose documents hold one person
// (the HTML snippet, the ORCID records), for JSON-LD, the document the
// snippet holds, written per person for clients that fetch it alone, and
// for formats that are not RDF, such as YAML.
func inMemory(f export.Format) bool { return f.PerPerson || f.Name == "jsonld" || !f.RDF() }

// streamGCPercent is the GOGC of a stream (see streamDumps).
const streamGCPercent = 25

// streamDumps writes the dataset dumps without holding the dataset in
// memory: records flow from the files through validation to the encoders.
// Each dump goes to a temporary file, renamed into place (or copied to
// stdout, for -out -) only if the whole dataset is valid. Records given
// twice are reported but not printed, for the caller to merge them.
func streamDumps(env *Env, p *progress, loader dataset.Loader, f exportFlags) error {
	// What a stream keeps grows slowly (the cross-record index, a hundred
	// bytes or so a publication, in blocks the collector need not scan),
	// and the rest is garbage: collecting when the heap is a quarter
	// larger than what lives, rather than twice as large, keeps the
	// resident memory of a 1 GB OpenAlex partition under 200 MB for about
	// a fifth more CPU (docs/scale.md). GOGC in the environment wins.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(streamGCPercent))
	}
	var outs []stream.Output
	var files []*os.File
	var dir *outdir.Dir
	if f.out == "-" {
		// One format, to standard output once the data proves valid: a
		// temporary file holds it meanwhile.
		tmp, err := os.CreateTemp("", "scholarld-export-*"+f.formats[0].Ext)
		if err != nil {
			return err
		}
		remove := func() { tmp.Close(); os.Remove(tmp.Name()) }
		defer cleanup.add(remove)()
		defer remove()
		files = append(files, tmp)
	} else {
		var err error
		if dir, err = outdir.Create(f.out); err != nil {
			return err
		}
		defer cleanup.add(dir.Abort)()
		defer dir.Abort()
		for _, format := range f.formats {
			file, err := os.Create(dir.Path("dataset" + format.Ext))
			if err != nil {
				return err
			}
			defer file.Close()
			files = append(files, file)
		}
	}
	for i, format := range f.formats {
		outs = append(outs, stream.Output{Format: format, W: files[i]})
	}
	res, err := stream.Export(f.in, outs, stream.Options{Export: f.opts, Loader: loader, AsOf: env.Now, Progress: p.add})
	p.stop()
	if onlyDuplicates(err) {
		return err
	}
	if list, ok := errors.AsType[source.ErrorList](err); ok {
		printErrors(env.Stderr, list, "nothing written")
		return ErrInvalid
	}
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(env.Stderr, "warning: %v\n", w)
	}
	printOmitted(env.Stderr, res.Omitted)
	if err := reportMatches(env, res.Matches, false, f.matches); err != nil {
		return err
	}
	if f.out == "-" {
		if _, err := files[0].Seek(0, io.SeekStart); err != nil {
			return err
		}
		_, err := io.Copy(env.Stdout, files[0])
		return err
	}
	for _, file := range files {
		if err := file.Close(); err != nil {
			return err
		}
	}
	if err := dir.Commit(); err != nil {
		return err
	}
	for _, format := range f.formats {
		fmt.Fprintf(env.Stderr, "%-40s %-6s %4d records %6d triples\n", filepath.Join(f.out, "dataset"+format.Ext), format.Name, res.Records, res.Triples)
	}
	return nil
}

// writeStdout writes d in the one format of f to standard output: the
// whole dataset, or for a format of one person's documents, the document
// of the dataset's one person.
func writeStdout(env *Env, d *dataset.Dataset, wr *export.Writer, f exportFlags) error {
	format := f.formats[0]
	if !format.PerPerson {
		_, err := wr.Write(env.Stdout, format)
		return err
	}
	if len(d.People) != 1 {
		return usagef("-out - writes one document; -format %s writes one per person, and the dataset holds %d people (write them to a directory with -out DIR)", format.Name, len(d.People))
	}
	st, err := wr.WritePerson(env.Stdout, format, d.People[0].ID)
	if err != nil {
		return err
	}
	if len(st.Loss) > 0 {
		return reportLoss(env, d, []personLoss{{person: d.People[0].ID, loss: st.Loss}}, f.loss)
	}
	return nil
}

// parseFormats looks up a comma list of format names, each once.
func parseFormats(list string) ([]export.Format, error) {
	var fs []export.Format
	for name := range strings.SplitSeq(list, ",") {
		name = strings.TrimSpace(name)
		f, err := export.Lookup(name)
		if err != nil {
			return nil, usagef("unknown format %q%s; the formats are %s", name, suggest.Hint(name, formatNames()), strings.Join(formatNames(), ", "))
		}
		if !slices.Contains(fs, f) {
			fs = append(fs, f)
		}
	}
	return fs, nil
}

func formatNames() []string {
	var names []string
	for _, f := range export.Formats() {
		names = append(names, f.Name)
	}
	return names
}

// writeDumps writes the dataset in each format of whole datasets into dir
// as dataset.<ext>, and lists them in report.
func writeDumps(report io.Writer, dir *outdir.Dir, f exportFlags, wr *export.Writer) error {
	for _, format := range f.formats {
		if format.PerPerson {
			continue
		}
		name := filepath.Join(f.out, "dataset"+format.Ext)
		var st export.Stats
		err := dir.WriteFile("dataset"+format.Ext, func(w io.Writer) (err error) {
			st, err = wr.Write(w, format)
			return err
		})
		if err != nil {
			return err
		}
		if format.RDF() {
			fmt.Fprintf(report, "%-40s %-6s %4d records %6d triples\n", name, format.Name, st.Records, st.Triples)
		} else {
			fmt.Fprintf(report, "%-40s %-6s %4d records\n", name, format.Name, st.Records)
		}
	}
	return nil
}

// writePeople writes the documents of each person: their profile page as
// people/<id>.jsonld and .html, their bibliography as people/<id>.bib,
// .csl.json and .ris (the formats asked for), and their ORCID record, with the full works
// that go with it, as orcid/<id>.xml and <id>.works.xml (orcid-xml) or
// .json and .works.json (orcid-json), and lists them in report. It returns
// what the ORCID records could not hold.
// One Writer serves every person: each document costs what the person
// holds, not the dataset.
func writePeople(report io.Writer, dir *outdir.Dir, f exportFlags, d *dataset.Dataset, wr *export.Writer) ([]personLoss, error) {
	var losses []personLoss
	for _, format := range f.formats {
		if _, ok := format.Works(); ok || !(format.PerPerson || format.Name == "jsonld" || format.Bibliography()) {
			continue
		}
		for _, p := range d.People {
			rel := "people/" + p.ID + format.Ext
			name := filepath.Join(f.out, filepath.FromSlash(rel))
			var st export.Stats
			err := dir.WriteFile(rel, func(w io.Writer) (err error) {
				st, err = wr.WritePerson(w, format, p.ID)
				return err
			})
			if err != nil {
				return nil, err
			}
			if format.Bibliography() {
				fmt.Fprintf(report, "%-40s %-6s %4d records (their bibliography)\n", name, format.Name, st.Records)
				continue
			}
			fmt.Fprintf(report, "%-40s %-6s %4d records %6d triples (profile page)\n", name, format.Name, st.Records, st.Triples)
		}
	}
	for _, p := range d.People {
		var loss orcid.Loss
		for _, format := range f.formats {
			works, ok := format.Works()
			if !ok {
				continue
			}
			for _, doc := range []export.Format{format, works} {
				rel := "orcid/" + p.ID + doc.Ext
				name := filepath.Join(f.out, filepath.FromSlash(rel))
				err := dir.WriteFile(rel, func(w io.Writer) error {
					st, err := wr.WritePerson(w, doc, p.ID)
					loss = st.Loss
					return err
				})
				if err != nil {
					return nil, err
				}
				fmt.Fprintf(report, "%-40s %s\n", name, format.Name)
			}
		}
		if len(loss) > 0 {
			losses = append(losses, personLoss{person: p.ID, loss: loss})
		}
	}
	return losses, nil
}

// summary says what d holds.
func summary(d *dataset.Dataset) string {
	var positions, students int
	for _, p := range d.People {
		positions += len(p.Positions)
		students += len(p.Supervisions)
	}
	works := 0
	for _, p := range d.Publications {
		if p.VersionOf == "" {
			works++
		}
	}
	return fmt.Sprintf("loaded %d %s, %d organizations, %d positions, %d students, %d publications (%d works)",
		len(d.People), plural(len(d.People), "person", "people"), len(d.Organizations), positions, students, len(d.Publications), works)
}
