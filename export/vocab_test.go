package export_test

import (
	"testing"

	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/internal/graph"
)

// TestVocabConstants checks that the constants of package export are those
// the mapping uses.
func TestVocabConstants(t *testing.T) {
	t.Parallel()
	for _, c := range [][2]string{
		{export.SchemaNS, graph.SchemaNS}, {export.VIVONS, graph.VIVONS}, {export.OBONS, graph.OBONS},
		{export.RDFNS, graph.RDFNS}, {export.RDFSNS, graph.RDFSNS}, {export.XSDNS, graph.XSDNS},
		{export.ScholarNS, graph.ScholarNS}, {export.CoAdvisorRole, graph.CoAdvisorRole},
		{export.AdvisingLevel, graph.AdvisingLevel}, {export.AdvisingStatus, graph.AdvisingStatus},
		{export.ThesisTitle, graph.ThesisTitle}, {export.AdviseeInstitution, graph.AdviseeInstitution}, {export.DefaultBase, graph.DefaultBase},
	} {
		if c[0] != c[1] {
			t.Errorf("export has %q, the mapping %q", c[0], c[1])
		}
	}
}
