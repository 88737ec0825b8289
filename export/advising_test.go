package export_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/knakk/rdf"

	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/profile"
)

// TestSupervisions reads the advising relationships back from the Turtle
// of the example and checks that all 14 students are there, each with its
// level, the owner's role and the other supervisor's role.
func TestSupervisions(t *testing.T) {
	d := loadSeed(t)
	owner := d.People[0]
	self := export.DefaultBase + "people/" + owner.ID + "/#person"
	const vivo, sld = export.VIVONS, export.ScholarNS
	const rdfType, inheres = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://purl.obolibrary.org/obo/RO_0000052"
	objects := map[string][]string{}
	for _, tr := range decodeRDF(t, encode(t, d, "ttl"), rdf.Turtle) {
		k := tr.Subj.String() + " " + tr.Pred.String()
		objects[k] = append(objects[k], tr.Obj.String())
	}
	values := func(s, p string) []string { return objects[s+" "+p] }

	// describe turns a relationship into "level class: owner role; other roles".
	describe := func(rel string) string {
		level := values(rel, sld+"level")[0]
		var ownerRole string
		var others []string
		for _, x := range values(rel, vivo+"relates") {
			types := values(x, rdfType)
			if !slices.Contains(types, vivo+"AdvisorRole") {
				continue // a person, or the student's role
			}
			role := "principal"
			if slices.Contains(types, export.CoAdvisorRole) {
				role = "co-supervisor"
			}
			// An unnamed supervisor's role is borne by no node.
			if bearer := values(x, inheres); len(bearer) == 1 && bearer[0] == self {
				ownerRole = role
			} else {
				others = append(others, role)
			}
		}
		class := values(rel, rdfType)[0]
		return fmt.Sprintf("%s %s: %s; %v at %v", level, class[len(vivo):], ownerRole, others, values(rel, sld+"adviseeInstitution"))
	}
	var got []string
	for _, rel := range values(self, vivo+"relatedBy") {
		if len(values(rel, sld+"level")) == 1 {
			got = append(got, describe(rel))
		}
	}
	var want []string
	for _, s := range owner.Supervisions {
		var others []string
		for _, o := range s.Others {
			others = append(others, string(o.Role))
		}
		class := map[profile.Level]string{
			profile.LevelPhD: "GraduateAdvisingRelationship", profile.LevelMastersResearch: "GraduateAdvisingRelationship",
			profile.LevelPostdoc: "PostdocOrFellowAdvisingRelationship", profile.LevelResearchIntern: "AdvisingRelationship",
		}[s.Level]
		org := d.Organizations[slices.IndexFunc(d.Organizations, func(o profile.Organization) bool { return o.ID == s.Institution })]
		want = append(want, fmt.Sprintf("%s %s: %s; %v at [%s]", string(s.Level), class, s.Role, others, org.ROR.URL()))
	}
	slices.Sort(got)
	slices.Sort(want)
	if len(want) != 14 {
		t.Fatalf("the example has %d supervisions, want 14", len(want))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("supervisions in the Turtle (-data +turtle):\n%s", diff)
	}
}
