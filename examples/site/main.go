// Command site writes a scholarld dataset as a static researcher
// directory: a page per person and per publication, the directory's index,
// sitemap.xml and robots.txt, and each person's data as JSON-LD and Turtle
// beside their page (see package site).
//
// With no flags it writes the site of the embedded example (the profile
// page of Ioannis Mitliagkas) into ./_site (not ./site, the directory of
// package site in this repository):
//
//	go run ./examples/site
//	go run ./examples/site -in people/ -in publications.yaml -base https://research.example.edu/ -out public
//	go run ./examples/site -templates mytheme/ -date 2026-11-30
//
// -in, -out and -base work as in examples/export. -templates names a
// directory whose layout.html, person.html, publication.html, index.html
// or style.css replace those of the default theme. -date and -created give
// the dates the data lacks: the clock is never read.
//
// It is the site subcommand of cmd/scholarld, which is the command to
// install ("scholarld site -h" lists every flag).
//
// Invalid input is reported with every problem's file:line:column and path,
// and nothing is written. The site is written whole or not at all: into a
// staging directory beside the output, swapped in once complete; a run
// that fails or is interrupted leaves the previous site as it was.
package main

import (
	"github.com/scholarld/scholarld/internal/cli"
)

func main() { cli.Run(cli.Site) }
