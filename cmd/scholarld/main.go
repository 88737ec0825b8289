// Command scholarld turns researcher profiles into linked data: it reads
// datasets in scholarld's YAML and JSON and ORCID records, and writes them
// as schema.org JSON-LD, Turtle, N-Triples, HTML snippets, ORCID records
// and scholarld's YAML.
//
// Install it with
//
//	go install github.com/scholarld/scholarld/cmd/scholarld@latest
//
// Usage:
//
//	scholarld <command> [flags]
//
// The commands are:
//
//	export     write a dataset as linked data, ORCID records or YAML
//	validate   check a dataset: print its errors and warnings, write nothing
//	formats    list the input and output formats with their media types
//
// For example:
//
//	scholarld export -in people/ -in publications.yaml -format ttl,nt -out site/data
//	scholarld export -in record.xml -format yaml -out - > profile.yaml
//	scholarld validate -in people/
//
// "scholarld -h" and "scholarld <command> -h" print the usage, and
// "scholarld -version" the version. Data goes to standard output only with
// -out -; every message goes to standard error. On a terminal, a progress
// line shows records read, MB/s and time elapsed on long runs; -q silences
// it.
//
// Exit status: 0 done; 1 invalid data (every problem printed as
// file:line:column: path: message), or a file that cannot be read or
// written; 2 a mistake in the command line.
package main

import (
	"github.com/scholarld/scholarld/internal/cli"
)

func main() { cli.Run(cli.Scholarld) }
