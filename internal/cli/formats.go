package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/inputs"
)

const formatsUsage = `Usage: scholarld formats

Formats lists, on standard output, the formats export writes (-format) and
the formats -in reads, recognized by their content, each with its media
type and file name extension.
`

// Formats runs the formats command.
func Formats(env *Env, args []string) error {
	fs, version := newFlagSet("formats")
	if done, err := parse(env, fs, version, formatsUsage, args); done {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "OUTPUT\tMEDIA TYPE\tEXTENSION\tDOCUMENTS")
	for _, f := range export.Formats() {
		docs := "one of the dataset"
		if f.PerPerson {
			docs = "one per person"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", f.Name, f.MediaType, f.Ext, docs)
		if works, ok := f.Works(); ok {
			fmt.Fprintf(w, "  with %s\t%s\t%s\t%s\n", works.Name, works.MediaType, works.Ext, docs)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "INPUT\tMEDIA TYPE\tEXTENSION")
	for _, f := range append(inputs.Formats(), dataset.YAML()) {
		exts := strings.Join(f.Exts, " ")
		if exts == "" {
			exts = "(by content)"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", f.Name, strings.Join(f.MediaTypes, ", "), exts)
	}
	return w.Flush()
}
