package biblio

import (
	"bytes"
	"path"
	"strings"

	"github.com/scholarld/scholarld/dataset"
)

// CSLJSON returns the input format of CSL-JSON files, for a
// [dataset.Loader]'s Formats: it reads them as [ReadCSLJSON] does,
// recognizing any JSON array as one, whatever the file's name (.json files
// in directories are read as the format their content says).
func CSLJSON() dataset.Format {
	return dataset.Format{
		Name:       "csljson",
		MediaTypes: []string{"application/vnd.citationstyles.csl+json"},
		Match:      func(doc dataset.Document) bool { return isCSLJSON(doc.Data) },
		Decode:     eachDoc(ReadCSLJSON),
	}
}

// BibTeX returns the input format of BibTeX files, for a
// [dataset.Loader]'s Formats: it reads them as [ReadBibTeX] does, within
// the Loader's file size limit, recognizing a file named .bib, or any file
// whose first item is an @ entry, which YAML and JSON never start with.
// It is to be tried before [CSLJSON].
func BibTeX() dataset.Format {
	return dataset.Format{
		Name:       "bibtex",
		MediaTypes: []string{"application/x-bibtex"},
		Exts:       []string{".bib"},
		Match: func(doc dataset.Document) bool {
			return strings.EqualFold(path.Ext(doc.Name), ".bib") || startsWithEntry(doc.Data)
		},
		Decode: dataset.EachDocument(func(doc dataset.Document, l dataset.Limits) (*dataset.Dataset, error) {
			maxFile := l.MaxFileSize
			if maxFile <= 0 {
				maxFile = defaultMaxFile
			}
			return readBibTeX(doc.Name, doc.Data, maxFile)
		}),
	}
}

// eachDoc is the Decode of a format read with read, one file at a time.
func eachDoc(read func(name string, data []byte) (*dataset.Dataset, error)) func([]dataset.Document, dataset.Limits) (*dataset.Dataset, error) {
	return dataset.EachDocument(func(doc dataset.Document, _ dataset.Limits) (*dataset.Dataset, error) {
		return read(doc.Name, doc.Data)
	})
}

// startsWithEntry reports whether data's first character that is not
// white space or in a %-comment line is an @, which YAML and JSON never
// start with.
func startsWithEntry(data []byte) bool {
	for len(data) > 0 {
		data = bytes.TrimLeft(data, " \t\r\n\ufeff")
		if len(data) > 0 && data[0] == '%' {
			if i := bytes.IndexByte(data, '\n'); i >= 0 {
				data = data[i+1:]
				continue
			}
			return false
		}
		break
	}
	return len(data) > 0 && data[0] == '@'
}

// isCSLJSON reports whether data is a JSON array, as CSL-JSON is: this
// project's JSON datasets are objects.
func isCSLJSON(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(data) > 0 && data[0] == '['
}
