package cli

// The command reads every input format: these packages register theirs
// with package dataset (orcid and biblio are linked through export).
import (
	_ "github.com/scholarld/scholarld/crossref"
	_ "github.com/scholarld/scholarld/datacite"
	_ "github.com/scholarld/scholarld/openalex"
)
