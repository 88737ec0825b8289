package crossref

import "github.com/scholarld/scholarld/publication"

// A kindOf is what a Crossref type says of a work: its kind, and the kind
// of its venue (its container title).
type kindOf struct {
	kind  publication.Kind
	venue publication.VenueKind
}

// kinds maps Crossref's types (the "type" of a work, as the REST API's
// /types lists them) to kinds of publication; see the table in the package
// documentation. posted-content is decided by its subtype (postedKinds).
var kinds = map[string]kindOf{
	"journal-article":     {publication.KindJournalArticle, publication.VenueJournal},
	"proceedings-article": {publication.KindConferencePaper, publication.VenueConference},
	"book":                {publication.KindBook, publication.VenueBookSeries},
	"monograph":           {publication.KindBook, publication.VenueBookSeries},
	"edited-book":         {publication.KindBook, publication.VenueBookSeries},
	"reference-book":      {publication.KindBook, publication.VenueBookSeries},
	"book-chapter":        {publication.KindChapter, ""},
	"book-section":        {publication.KindChapter, ""},
	"book-part":           {publication.KindChapter, ""},
	"book-track":          {publication.KindChapter, ""},
	"reference-entry":     {publication.KindChapter, ""},
	"dissertation":        {publication.KindThesis, ""},
	"report":              {publication.KindReport, ""},
	"report-component":    {publication.KindReport, ""},
	"standard":            {publication.KindReport, ""},
	"dataset":             {publication.KindDataset, ""},
	"database":            {publication.KindDataset, ""},
	"peer-review":         {publication.KindOther, ""},
	"component":           {publication.KindOther, ""},
	"grant":               {publication.KindOther, ""},
	"other":               {publication.KindOther, ""},
	// Containers, not works, held as other if met as a work.
	"journal":            {publication.KindOther, ""},
	"journal-issue":      {publication.KindOther, ""},
	"journal-volume":     {publication.KindOther, ""},
	"proceedings":        {publication.KindOther, ""},
	"proceedings-series": {publication.KindOther, ""},
	"book-series":        {publication.KindOther, ""},
	"book-set":           {publication.KindOther, ""},
	"report-series":      {publication.KindOther, ""},
	"standard-series":    {publication.KindOther, ""},
	"posted-content":     {publication.KindOther, publication.VenueRepository},
}

// postedKinds maps the subtypes of posted-content to kinds.
var postedKinds = map[string]publication.Kind{
	"preprint":      publication.KindPreprint,
	"working_paper": publication.KindReport,
	"report":        publication.KindReport,
	"dissertation":  publication.KindThesis,
	"letter":        publication.KindOther,
	"review":        publication.KindOther,
	"other":         publication.KindOther,
}
