// Command hugo-content writes a scholarld dataset as the content files of a
// Hugo site with an equally simple theme, for bench/site-compare.sh: a
// Markdown file per person and per publication, with the same facts as
// package site's pages in their front matter, and layouts that show them.
// It is in the module of bench/ (bench/go.mod); from the repository's root,
// with absolute paths (go -C runs it in bench/):
//
//	go -C bench run ./hugo-content -in /tmp/institute -out /tmp/hugo
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/scholarld/scholarld/inputs"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	in := flag.String("in", "", "the dataset `directory`")
	out := flag.String("out", "", "the Hugo site `directory` to write")
	flag.Parse()
	if *in == "" || *out == "" {
		return errors.New("hugo-content: -in and -out are required")
	}
	d, err := inputs.Loader().Load(*in)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, p := range d.People {
		names[p.ID] = p.Name.Display
	}
	orgs := map[string]string{}
	for _, o := range d.Organizations {
		orgs[o.ID] = o.Name
	}
	for _, dir := range []string{"content/people", "content/publications", "layouts/_default", "layouts/people", "layouts/publications"} {
		if err := os.MkdirAll(filepath.Join(*out, dir), 0o755); err != nil {
			return err
		}
	}
	for name, text := range layouts {
		if err := os.WriteFile(filepath.Join(*out, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	// Front matter in JSON, which Hugo reads, written with encoding/json.
	write := func(name string, front any, body string) error {
		b, err := json.MarshalIndent(front, "", "  ")
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(*out, name), append(append(b, "\n\n"...), body...), 0o644)
	}
	type pos struct{ Title, Org, Start, End string }
	type author struct{ Name, Ref string }
	type work struct{ ID, Title, Date string }
	works := map[string][]work{}
	for _, p := range d.Publications {
		for _, a := range p.Authors {
			if a.Ref != "" {
				works[a.Ref] = append(works[a.Ref], work{p.ID, p.Title, string(p.Date)})
			}
		}
	}
	for _, p := range d.People {
		var ps []pos
		for _, x := range p.Positions {
			ps = append(ps, pos{x.Title, orgs[x.Organization], string(x.Start), string(x.End)})
		}
		var topics []string
		for _, t := range p.Topics {
			topics = append(topics, t.Label)
		}
		front := map[string]any{"title": p.Name.Display, "positions": ps, "topics": topics, "works": works[p.ID],
			"students": len(p.Supervisions), "updated": string(p.Updated)}
		if err := write("content/people/"+p.ID+".md", front, p.Biography); err != nil {
			return err
		}
	}
	for _, p := range d.Publications {
		var as []author
		for _, a := range p.Authors {
			n := a.Name
			if a.Ref != "" {
				n = names[a.Ref]
			}
			as = append(as, author{n, a.Ref})
		}
		front := map[string]any{"title": p.Title, "authors": as, "venue": p.Venue.Name, "published": string(p.Date),
			"kind": string(p.Kind), "doi": string(p.Identifiers.DOI), "arxiv": string(p.Identifiers.ArXiv)}
		if err := write("content/publications/"+p.ID+".md", front, p.Abstract); err != nil {
			return err
		}
	}
	return nil
}

var layouts = map[string]string{
	"hugo.toml": `baseURL = "https://example.org/"
languageCode = "en"
title = "Researcher directory"
disableKinds = ["taxonomy", "term", "RSS"]
`,
	"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title><link rel="canonical" href="{{ .Permalink }}"></head>
<body><header><a href="{{ "/" | relURL }}">Researcher directory</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
`,
	"layouts/index.html": `{{ define "main" }}<h1>Researcher directory</h1><ul>{{ range where .Site.RegularPages "Section" "people" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}
`,
	"layouts/_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
`,
	"layouts/people/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Params.positions }}<li>{{ .Title }}, {{ .Org }} {{ .Start }} – {{ .End }}</li>{{ end }}</ul>
<h2>Research topics</h2><ul>{{ range .Params.topics }}<li>{{ . }}</li>{{ end }}</ul>
<h2>Biography</h2>{{ .Content }}
<h2>Publications</h2><ol>{{ range .Params.works }}<li><a href="{{ printf "/publications/%s/" .ID | relURL }}">{{ .Title }}</a> {{ .Date }}</li>{{ end }}</ol>
{{ end }}
`,
	"layouts/publications/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ range $i, $a := .Params.authors }}{{ if $i }}, {{ end }}{{ if $a.Ref }}<a href="{{ printf "/people/%s/" $a.Ref | relURL }}">{{ $a.Name }}</a>{{ else }}{{ $a.Name }}{{ end }}{{ end }}</p>
<p>{{ .Params.venue }}, {{ .Params.published }}</p>
<h2>Abstract</h2>{{ .Content }}
{{ end }}
`,
}
