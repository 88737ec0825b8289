package source_test

import (
	"errors"
	"fmt"

	"github.com/scholarld/scholarld/source"
)

// Strict decoding reports unknown keys with their position and path.
func ExampleFile_Decode() {
	f, err := source.NewFile("people.yaml", []byte("name: Ada\ncolour: blue\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	var v struct {
		Name string `yaml:"name"`
	}
	err = f.Decode(&v)
	fmt.Println(err)
	fmt.Println(errors.Is(err, source.ErrUnknownField))
	fmt.Println(f.Pos("name"))
	// Output:
	// people.yaml:2:1: colour: "colour" (the keys here are name): unknown field
	// true
	// people.yaml:1:7
}
