package datacite

import (
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/jsonimport"
)

// Format returns the input format of DataCite documents, for a
// [dataset.Loader]'s Formats: it reads them as [Read] does, recognizing
// them by their content (a response of DataCite's REST API, a record, or
// its attributes), whatever the file's name.
func Format() dataset.Format {
	return dataset.Format{
		Name:       "datacite",
		MediaTypes: []string{"application/vnd.api+json"},
		Match:      func(doc dataset.Document) bool { return isDataCite(doc.Data) },
		Decode: dataset.EachDocument(func(doc dataset.Document, limits dataset.Limits) (*dataset.Dataset, error) {
			return read(doc.Name, doc.Data, limits.MaxRecords)
		}),
	}
}

// isDataCite reports whether data is a DataCite document, by what its
// first [jsonimport.PeekLimit] bytes hold:
//   - an object whose data is a record of type "dois", or an array whose
//     first item is one: a response (JSON:API documents of other
//     services, of the same media type, have other types);
//   - an object of type "dois" with attributes: a record alone;
//   - an object with a "doi", "creators" and "titles" (DataCite's names
//     of the attributes; Crossref's are "DOI", "author" and "title"):
//     attributes alone.
//
// It claims no array (CSL-JSON is one), no document with people,
// organizations or publications at its top (this project's datasets),
// and none with an "id" at openalex.org.
func isDataCite(data []byte) bool {
	var doi, creators, titles, attributes, refused bool
	var typ, dataType string
	jsonimport.Peek(data, 3, func(path []string, k jsonimport.Kind, text string) bool {
		switch {
		case len(path) == 0:
			refused = k != jsonimport.Object
			return !refused
		case len(path) == 1:
			switch path[0] {
			case "people", "organizations", "publications":
				refused = true
				return false
			case "id":
				if len(text) >= 21 && text[:21] == "https://openalex.org/" {
					refused = true
					return false
				}
			case "type":
				typ = text
			case "attributes":
				attributes = k == jsonimport.Object
			case "doi":
				doi = k == jsonimport.String
			case "creators":
				creators = k == jsonimport.Array
			case "titles":
				titles = k == jsonimport.Array
			}
		case path[0] == "data" && path[len(path)-1] == "type" && (len(path) == 2 || len(path) == 3 && path[1] == "[0]"):
			dataType = text
			return false
		}
		return true
	})
	switch {
	case refused:
		return false
	case dataType != "":
		return dataType == "dois"
	case typ == "dois" && attributes:
		return true
	}
	return doi && creators && titles
}
