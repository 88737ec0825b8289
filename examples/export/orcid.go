package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// splitInputs sorts the -in paths into scholarld datasets (YAML or JSON)
// and ORCID documents (XML or JSON), recognised by content. Directories are
// read recursively, in lexical order.
func splitInputs(paths []string) ([]string, []orcid.Document, error) {
	var yamlPaths []string
	var docs []orcid.Document
	for _, p := range paths {
		var files []string
		err := filepath.WalkDir(p, func(name string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			switch ext := strings.ToLower(filepath.Ext(name)); {
			case e.IsDir():
			case name == p, ext == ".yaml", ext == ".yml", ext == ".json", ext == ".xml":
				files = append(files, name)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("export: %w", err)
		}
		for _, name := range files {
			ext := strings.ToLower(filepath.Ext(name))
			if ext == ".yaml" || ext == ".yml" {
				yamlPaths = append(yamlPaths, name)
				continue
			}
			data, err := dataset.ReadFile(name)
			if err != nil {
				return nil, nil, err
			}
			if orcid.Sniff(data) || ext == ".xml" {
				docs = append(docs, orcid.Document{Name: name, Data: data})
			} else {
				yamlPaths = append(yamlPaths, name)
			}
		}
	}
	return yamlPaths, docs, nil
}

// loadWithORCID loads datasets and ORCID documents into one dataset and
// validates it, reporting the problems of all of them at once.
func loadWithORCID(yamlPaths []string, docs []orcid.Document) (*dataset.Dataset, error) {
	d := new(dataset.Dataset)
	var errs source.ErrorList
	collect := func(err error) error {
		if list, ok := errors.AsType[source.ErrorList](err); ok {
			errs = append(errs, list...)
			return nil
		}
		return err
	}
	if len(yamlPaths) > 0 {
		y, err := dataset.Load(yamlPaths...)
		if err := collect(err); err != nil {
			return nil, err
		}
		d.Append(y)
	}
	o, err := orcid.ParseAll(docs...)
	if err := collect(err); err != nil {
		return nil, err
	}
	if o != nil {
		d.Append(o)
	}
	if len(errs) == 0 {
		if err := collect(validate.Dataset(d)); err != nil {
			return nil, err
		}
	}
	errs.Sort()
	return d, errs.Err()
}

// writeORCID writes each person's ORCID record, as dir/orcid/<id>.xml and
// .works.xml for orcid-xml and .json and .works.json for orcid-json, and
// prints what ORCID could not hold.
func writeORCID(stdout io.Writer, dir string, formats []string, d *dataset.Dataset) error {
	if len(formats) == 0 {
		return nil
	}
	for _, p := range d.People {
		rec, loss, err := orcid.Export(d, p.ID)
		if err != nil {
			return err
		}
		for _, f := range formats {
			ext, record, works := ".json", rec.WriteJSON, rec.WriteWorksJSON
			if f == "orcid-xml" {
				ext, record, works = ".xml", rec.WriteXML, rec.WriteWorksXML
			}
			for _, file := range []struct {
				name  string
				write func(io.Writer) error
			}{{p.ID + ext, record}, {p.ID + ".works" + ext, works}} {
				name := filepath.Join(dir, "orcid", file.name)
				if err := writeFile(name, file.write); err != nil {
					return err
				}
				fmt.Fprintf(stdout, "%-40s %s\n", name, f)
			}
		}
		if len(loss) > 0 {
			fmt.Fprintf(stdout, "ORCID cannot hold %d items of %s:\n", len(loss), p.ID)
			for _, l := range loss {
				fmt.Fprintf(stdout, "  %v\n", l)
			}
		}
	}
	return nil
}
