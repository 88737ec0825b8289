package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
)

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
