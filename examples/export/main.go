// Command export turns a scholarld dataset into linked data and ORCID
// records: the whole dataset as JSON-LD, Turtle and N-Triples, and for each
// person a profile page as JSON-LD and as an HTML snippet to embed in a web
// page, and an ORCID API v3.0 record in XML and JSON.
//
// With no flags it exports the embedded example (the profile page of
// Ioannis Mitliagkas) into ./dump:
//
//	go run ./examples/export
//	go run ./examples/export -in people/ -in publications.yaml -format ttl,nt -out site/data
//	go run ./examples/export -format ttl -out - > dataset.ttl
//	go run ./examples/export -in record.xml -in works.xml -format ttl,html
//
// -in takes YAML and JSON datasets and ORCID records (XML or JSON,
// recognised by content). It is the export subcommand of cmd/scholarld,
// which is the command to install:
//
//	go install github.com/scholarld/scholarld/cmd/scholarld@latest
//	scholarld export -h
//
// Invalid input is reported with every problem's file:line:column and path,
// and nothing is written. The output directory is replaced whole or not at
// all: every file is written into a staging directory beside it, which is
// swapped in once complete. A run that fails, is interrupted (SIGINT,
// SIGTERM) or is killed leaves the previous output as it was; the next run
// removes what a killed run left. The output directory is the command's:
// it refuses to replace a directory holding files it did not write.
package main

import (
	"io"
	"time"

	"github.com/scholarld/scholarld/internal/cli"
)

func main() { cli.Run(cli.Export) }

// errReported means the problems have been printed already.
var errReported = cli.ErrInvalid

// run does the work of main: data to stdout (with -out -), every message
// to stderr, warnings dated by now.
func run(args []string, stdout, stderr io.Writer, now time.Time) error {
	return cli.Export(&cli.Env{Stdout: stdout, Stderr: stderr, Now: now}, args)
}
