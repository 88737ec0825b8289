// Command schematerms derives the schema.org term table that the export
// tests check emitted classes and properties against.
//
// It reads a schema.org release's vocabulary in Turtle (the file
// schemaorg-current-https.ttl of a release, which names terms in the
// https://schema.org/ namespace) and writes one tab-separated line per
// class and per property, sorted by kind and then by name:
//
//	class	<Name>	<direct superclasses>	<flags>
//	property	<name>	<domainIncludes>	<flags>
//
// Lists are comma-separated and sorted; "-" stands for an empty list. The
// flags are "pending" (the term is part of https://pending.schema.org) and
// "superseded" (it has a schema:supersededBy). Only schema.org terms are
// listed: superclasses and domains outside the schema.org namespace (such
// as rdfs:Class, the superclass of schema:DataType) are left out, and so
// are enumeration members, which are instances rather than classes, except
// those that also have a superclass (schema:Dermatology, a MedicalSpecialty
// and a subclass of MedicalBusiness).
//
// Run it by hand from the module root when moving to a new release:
//
//	go run ./internal/schematerms
//
// The flags -in and -out name the vocabulary and the table; -release
// overrides the release number, which is otherwise taken from the name of
// the directory holding the vocabulary ("schemaorg-30.0").
package main

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/knakk/rdf"
)

const (
	schemaNS   = "https://schema.org/"
	pendingIRI = "https://pending.schema.org"

	rdfType          = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	rdfProperty      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"
	rdfsClass        = "http://www.w3.org/2000/01/rdf-schema#Class"
	rdfsSubClassOf   = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
	schemaDomain     = schemaNS + "domainIncludes"
	schemaIsPartOf   = schemaNS + "isPartOf"
	schemaSuperseded = schemaNS + "supersededBy"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("schematerms", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "../shared/vocab/schemaorg-30.0/schemaorg-current-https.ttl", "schema.org vocabulary in Turtle")
	out := fs.String("out", "internal/graph/testdata/schemaorg-30.0-terms.tsv", "term table to write")
	release := fs.String("release", "", `schema.org release number (default: from the directory name "schemaorg-<release>")`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("schematerms: unexpected arguments %q", fs.Args())
	}
	if *release == "" {
		dir := filepath.Base(filepath.Dir(*in))
		r, ok := strings.CutPrefix(dir, "schemaorg-")
		if !ok || r == "" {
			return fmt.Errorf("schematerms: cannot tell the release from directory %q; use -release", dir)
		}
		*release = r
	}

	src, err := os.ReadFile(*in)
	if err != nil {
		return fmt.Errorf("schematerms: %w", err)
	}
	triples, err := decode(src)
	if err != nil {
		return fmt.Errorf("schematerms: %s: %w", *in, err)
	}
	terms, err := collect(triples)
	if err != nil {
		return fmt.Errorf("schematerms: %s: %w", *in, err)
	}

	var classes, props int
	for _, t := range terms {
		if t.kind == "class" {
			classes++
		} else {
			props++
		}
	}
	if classes == 0 || props == 0 {
		return fmt.Errorf("schematerms: %s: found %d classes and %d properties in the schema.org namespace %s", *in, classes, props, schemaNS)
	}

	var buf bytes.Buffer
	writeTable(&buf, filepath.Base(*in), *release, terms)
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("schematerms: %w", err)
	}
	fmt.Fprintf(stderr, "schematerms: %d triples; wrote %d classes and %d properties to %s\n", len(triples), classes, props, *out)
	return nil
}

// decode reads all triples of a Turtle document with knakk/rdf's decoder,
// after [shortenLongStrings] has worked around its lexer. The decoder
// panics on some malformed input; decode turns such a panic into an error.
//
// That cannot catch everything: the decoder's lexer runs in a goroutine of
// its own, and a panic there (for example the index error it hits on the
// input ".5, ( 1 2 ) ] .:") ends the program. This is acceptable for a
// generator run by hand on the published vocabulary, not for untrusted
// input.
func decode(src []byte) (triples []rdf.Triple, err error) {
	src, err = shortenLongStrings(src)
	if err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			triples, err = nil, fmt.Errorf("turtle decoder panicked: %v", p)
		}
	}()
	dec := rdf.NewTripleDecoder(bytes.NewReader(src), rdf.Turtle)
	for {
		t, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			return triples, nil
		}
		if err != nil {
			return nil, err
		}
		triples = append(triples, t)
	}
}

// shortenLongStrings rewrites each triple-quoted string literal of a Turtle
// document (three double or three single quotes) as the equivalent
// single-quoted literal, escaping its line breaks and quote characters;
// everything else is copied unchanged. The line breaks taken out of a
// literal are put back at the end of the line where it ends, so that line
// numbers in decoder errors stay right.
//
// knakk/rdf's lexer mis-reads long literals: after a quote character
// inside one it skips the next character, so a quote right before a line
// break (as in the comment of schema:DefinedRegion in schema.org 30.0) runs
// the literal on to the end of the file; it also drops lines starting with
// "#" inside one. Single-quoted literals do not go through that code.
func shortenLongStrings(src []byte) ([]byte, error) {
	out := make([]byte, 0, len(src)+len(src)/16)
	line, owed := 1, 0 // current input line; line breaks owed to the output
	for i := 0; i < len(src); {
		switch c := src[i]; c {
		case '\n':
			out = append(out, '\n')
			for ; owed > 0; owed-- {
				out = append(out, '\n')
			}
			line++
			i++
		case '#': // a comment, up to the end of the line
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				j = len(src) - i
			}
			out = append(out, src[i:i+j]...)
			i += j
		case '<': // an IRI
			j := bytes.IndexAny(src[i:], ">\n")
			if j < 0 || src[i+j] != '>' {
				return nil, fmt.Errorf("line %d: unterminated IRI", line)
			}
			out = append(out, src[i:i+j+1]...)
			i += j + 1
		case '\\': // an escape in a prefixed name
			out = append(out, src[i:min(i+2, len(src))]...)
			i += 2
		case '"', '\'':
			var n, breaks int
			var err error
			out, n, breaks, err = shortenLiteral(out, src[i:])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			line += breaks
			owed += breaks
			i += n
		default:
			out = append(out, c)
			i++
		}
	}
	return out, nil
}

// shortenLiteral appends to out the string literal at the start of src as a
// single-quoted literal. It returns the extended out, the length of the
// literal in src and the number of line breaks it contained.
func shortenLiteral(out, src []byte) (_ []byte, n, breaks int, err error) {
	q := src[0]
	delim := src[:1]
	if bytes.HasPrefix(src, []byte{q, q, q}) {
		delim = src[:3]
	}
	long := len(delim) == 3
	out = append(out, q)
	for i := len(delim); i < len(src); {
		switch b := src[i]; {
		case bytes.HasPrefix(src[i:], delim):
			return append(out, q), i + len(delim), breaks, nil
		case b == '\\' && i+1 < len(src):
			out = append(out, src[i:i+2]...) // an escape sequence, valid in both forms
			i += 2
		case b == '\n' && !long:
			return nil, 0, 0, errors.New("line break in a single-quoted string literal")
		case b == '\n':
			out = append(out, `\n`...)
			breaks++
			i++
		case b == '\r':
			out = append(out, `\r`...)
			i++
		case b == q:
			out = append(out, '\\', q)
			i++
		default:
			out = append(out, b)
			i++
		}
	}
	return nil, 0, 0, errors.New("unterminated string literal")
}

// A term is one line of the table.
type term struct {
	kind  string   // "class" or "property"
	name  string   // local name in the schema.org namespace
	refs  []string // direct superclasses of a class, domainIncludes of a property
	flags []string // "pending", "superseded"
}

// subject gathers what the vocabulary says about one schema.org IRI.
type subject struct {
	class, property     bool
	pending, superseded bool
	superclasses        []string
	domains             []string
}

// collect builds the sorted term list from the vocabulary's triples.
func collect(triples []rdf.Triple) ([]term, error) {
	subjects := make(map[string]*subject)
	for _, t := range triples {
		s, ok := localName(t.Subj)
		if !ok {
			continue
		}
		sub := subjects[s]
		if sub == nil {
			sub = new(subject)
			subjects[s] = sub
		}
		obj := t.Obj.String()
		switch t.Pred.String() {
		case rdfType:
			switch obj {
			case rdfsClass:
				sub.class = true
			case rdfProperty:
				sub.property = true
			}
		case rdfsSubClassOf:
			// A subject of rdfs:subClassOf is a class even if it is not
			// typed rdfs:Class: schema.org 30.0 gives 20 enumeration
			// members, such as schema:Dermatology (a MedicalSpecialty), a
			// superclass but no such type, so that they serve as types.
			sub.class = true
			if o, ok := localName(t.Obj); ok {
				sub.superclasses = append(sub.superclasses, o)
			}
		case schemaDomain:
			if o, ok := localName(t.Obj); ok {
				sub.domains = append(sub.domains, o)
			}
		case schemaIsPartOf:
			if obj == pendingIRI {
				sub.pending = true
			}
		case schemaSuperseded:
			sub.superseded = true
		}
	}

	var terms []term
	for name, sub := range subjects {
		if sub.class && sub.property {
			return nil, fmt.Errorf("schema:%s is both a class and a property", name)
		}
		if strings.ContainsAny(name, "\t\n,#/ ") {
			return nil, fmt.Errorf("schema:%s: unexpected character in term name", name)
		}
		t := term{name: name}
		switch {
		case sub.class:
			t.kind, t.refs = "class", sub.superclasses
		case sub.property:
			t.kind, t.refs = "property", sub.domains
		default:
			continue // an enumeration member or an IRI only used as an object
		}
		if sub.pending {
			t.flags = append(t.flags, "pending")
		}
		if sub.superseded {
			t.flags = append(t.flags, "superseded")
		}
		slices.Sort(t.refs)
		t.refs = slices.Compact(t.refs)
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b term) int {
		return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.name, b.name))
	})
	return terms, nil
}

// localName returns the local part of an IRI in the schema.org namespace.
func localName(t rdf.Term) (string, bool) {
	if t == nil || t.Type() != rdf.TermIRI {
		return "", false
	}
	name, ok := strings.CutPrefix(t.String(), schemaNS)
	return name, ok && name != ""
}

// writeTable writes the header comment and one line per term.
func writeTable(w io.Writer, source, release string, terms []term) {
	fmt.Fprintf(w, "# schema.org %s terms, derived from %s (schema.org release %s) by internal/schematerms; DO NOT EDIT.\n", release, source, release)
	fmt.Fprintf(w, "# kind\tname\tsuperclasses (class) or domainIncludes (property)\tflags; lists are comma-separated, \"-\" if empty. See schemaorg-%s-terms.LICENSE.\n", release)
	for _, t := range terms {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", t.kind, t.name, list(t.refs), list(t.flags))
	}
}

func list(s []string) string {
	if len(s) == 0 {
		return "-"
	}
	return strings.Join(s, ",")
}
