package profile_test

import (
	"errors"
	"fmt"

	"github.com/scholarld/scholarld/profile"
)

func ExampleParseORCID() {
	id, err := profile.ParseORCID("https://orcid.org/0000-0002-1825-0097")
	fmt.Println(id, id.URL(), err)

	_, err = profile.ParseORCID("0000-0002-1825-0096")
	fmt.Println(errors.Is(err, profile.ErrChecksum))
	// Output:
	// 0000-0002-1825-0097 https://orcid.org/0000-0002-1825-0097 <nil>
	// true
}

func ExampleDate() {
	d := profile.Date("2017-09")
	fmt.Println(d.Year(), d.Month(), d.Day())
	fmt.Println(d.Earliest().Format("2006-01-02"), d.Latest().Format("2006-01-02"))
	// Output:
	// 2017 9 0
	// 2017-09-01 2017-09-30
}
