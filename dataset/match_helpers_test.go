package dataset_test

import (
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
)

type (
	publicationT = publication.Publication
	contributorT = publication.Contributor
)

func personNamed(id, display string) profile.Person {
	return profile.Person{ID: id, Name: profile.Name{Display: display}}
}
