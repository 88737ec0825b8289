package jsonimport_test

import (
	"fmt"

	"github.com/scholarld/scholarld/internal/jsonimport"
)

// A list of records is read one record at a time, each with its position.
func ExampleDoc_Parse() {
	data := []byte(`{"message": {"items": [
  {"DOI": "10.1234/a", "title": ["First"]},
  {"DOI": "10.1234/b", "title": ["Second"]}
]}}`)
	doc := jsonimport.NewDoc("list.json", data)
	items := func(keys []string) bool { return len(keys) == 2 && keys[0] == "message" && keys[1] == "items" }
	_, err := doc.Parse(items, func(keys []string, i int, record jsonimport.Value) bool {
		fmt.Println(doc.Pos(record.Offset()), i, record.Get("DOI").Text(), jsonimport.Slug(record.Get("DOI").Text()))
		return true
	})
	fmt.Println(err == nil)
	// Output:
	// list.json:2:3 0 10.1234/a 10-1234-a
	// list.json:3:3 1 10.1234/b 10-1234-b
	// true
}
