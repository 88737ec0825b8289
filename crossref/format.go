package crossref

import (
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/jsonimport"
)

// Format returns the input format of Crossref documents, for a
// [dataset.Loader]'s Formats: it reads them as [Read] does, recognizing
// them by their content (a response of Crossref's REST API, a work's
// message, or an array of them), whatever the file's name.
func Format() dataset.Format {
	return dataset.Format{
		Name:       "crossref",
		MediaTypes: []string{"application/vnd.crossref.api+json"},
		Match:      func(doc dataset.Document) bool { return isCrossref(doc.Data) },
		Decode: dataset.EachDocument(func(doc dataset.Document, limits dataset.Limits) (*dataset.Dataset, error) {
			return read(doc.Name, doc.Data, limits.MaxRecords)
		}),
	}
}

// isCrossref reports whether data is a Crossref document, by what its
// first [jsonimport.PeekLimit] bytes hold:
//   - an object whose message-type is "work" or "work-list": a response;
//   - an object with a "DOI" (in upper case, as Crossref writes it, and as
//     OpenAlex does not) and a title or container title that is an array,
//     or a type of Crossref's own vocabulary: a work's message alone;
//   - an array whose first item has a "DOI" and a title or container
//     title that is an array.
//
// It claims no document with people, organizations or publications at its
// top (this project's datasets) or an "id" at openalex.org. A CSL-JSON
// item, which may otherwise look like a Crossref message (content
// negotiation at doi.org gives Crossref's metadata as CSL-JSON), has a
// title and container title that are strings, and a type of CSL's
// vocabulary (article-journal, not journal-article): CSL-JSON arrays are
// left to package biblio. An array whose first title lies beyond the
// prefix is not claimed.
func isCrossref(data []byte) bool {
	type signs struct{ doi, arrayTitle, crossrefType bool }
	var top, first signs
	messageType, refused := "", false
	isArray := false
	jsonimport.Peek(data, 2, func(path []string, k jsonimport.Kind, text string) bool {
		s, key := &top, ""
		switch {
		case len(path) == 0:
			isArray = k == jsonimport.Array
			return true
		case isArray && path[0] != "[0]":
			return false // the first item has been seen
		case isArray && len(path) == 2:
			s, key = &first, path[1]
		case !isArray && len(path) == 1:
			key = path[0]
		default:
			return true
		}
		switch key {
		case "people", "organizations", "publications":
			if s == &top {
				refused = true
				return false
			}
		case "id":
			if k == jsonimport.String && len(text) >= 21 && text[:21] == "https://openalex.org/" {
				refused = true
				return false
			}
		case "message-type":
			if !isArray {
				messageType = text
				return false
			}
		case "DOI":
			s.doi = k == jsonimport.String
		case "title", "container-title":
			s.arrayTitle = s.arrayTitle || k == jsonimport.Array
		case "type":
			_, s.crossrefType = kinds[text]
			s.crossrefType = s.crossrefType && !cslTypes[text]
		}
		return true
	})
	switch {
	case refused:
		return false
	case messageType != "":
		return messageType == "work" || messageType == "work-list"
	case isArray:
		return first.doi && first.arrayTitle
	}
	return top.doi && (top.arrayTitle || top.crossrefType)
}

// cslTypes are the types that Crossref and CSL 1.0.2 share, which do not
// tell a Crossref work from a CSL item.
var cslTypes = map[string]bool{"book": true, "report": true, "dataset": true, "standard": true}
