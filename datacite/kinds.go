package datacite

import "github.com/scholarld/scholarld/publication"

// kinds maps DataCite's resourceTypeGeneral (DataCite Metadata Schema
// 4.6) to kinds of publication; see the table in the package
// documentation. Text, the general type of writing, is taken for an
// article, as DataCite's own citeproc mapping does.
var kinds = map[string]publication.Kind{
	"Dataset":               publication.KindDataset,
	"DataPaper":             publication.KindJournalArticle,
	"Software":              publication.KindSoftware,
	"ComputationalNotebook": publication.KindSoftware,
	"Text":                  publication.KindJournalArticle,
	"JournalArticle":        publication.KindJournalArticle,
	"Preprint":              publication.KindPreprint,
	"Dissertation":          publication.KindThesis,
	"Report":                publication.KindReport,
	"ConferencePaper":       publication.KindConferencePaper,
	"ConferenceProceeding":  publication.KindBook,
	"Book":                  publication.KindBook,
	"BookChapter":           publication.KindChapter,
	"Audiovisual":           publication.KindOther,
	"Award":                 publication.KindOther,
	"Collection":            publication.KindOther,
	"Event":                 publication.KindOther,
	"Image":                 publication.KindOther,
	"Instrument":            publication.KindOther,
	"InteractiveResource":   publication.KindOther,
	"Journal":               publication.KindOther,
	"Model":                 publication.KindOther,
	"OutputManagementPlan":  publication.KindOther,
	"PeerReview":            publication.KindOther,
	"PhysicalObject":        publication.KindOther,
	"Poster":                publication.KindOther,
	"Presentation":          publication.KindOther,
	"Project":               publication.KindOther,
	"Service":               publication.KindOther,
	"Sound":                 publication.KindOther,
	"Standard":              publication.KindOther,
	"StudyRegistration":     publication.KindOther,
	"Workflow":              publication.KindOther,
	"Other":                 publication.KindOther,
}

// venueKinds are the kinds of venue that a kind of publication appears
// in: a record's container, or its publisher for the kinds whose
// publisher is the repository that holds them.
var venueKinds = map[publication.Kind]publication.VenueKind{
	publication.KindJournalArticle:  publication.VenueJournal,
	publication.KindConferencePaper: publication.VenueConference,
	publication.KindPreprint:        publication.VenueRepository,
	publication.KindDataset:         publication.VenueRepository,
	publication.KindSoftware:        publication.VenueRepository,
}

// containerKinds map the type of a container to a kind of venue.
var containerKinds = map[string]publication.VenueKind{
	"Journal":     publication.VenueJournal,
	"Book Series": publication.VenueBookSeries,
	"Series":      publication.VenueBookSeries,
}
