package main

import (
	"errors"
	"fmt"
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
