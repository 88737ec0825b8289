package stream_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/stream"
)

// Stream the embedded example to N-Triples, record by record.
func ExampleExport() {
	format, err := export.Lookup("nt")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	var nt strings.Builder
	res, err := stream.Export([]string{"."}, []stream.Output{{Format: format, W: &nt}}, stream.Options{Loader: dataset.Loader{FS: seed.FS}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Println(res.Files, "files,", res.Records, "records,", res.Triples, "triples")
	fmt.Println(strings.Count(nt.String(), "\n"), "lines")
	// Output:
	// 3 files, 23 records, 819 triples
	// 819 lines
}
