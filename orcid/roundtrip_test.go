package orcid_test

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/publication"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// projectSeed returns the example as it reads back from ORCID: the model
// projected on what an ORCID record and its works hold. Each step answers
// items of the loss report (testdata/seed-loss.txt.golden), named in its
// comment. The round trip must give exactly this.
func projectSeed(d *dataset.Dataset) dataset.Dataset {
	// Organizations have no ids in ORCID: Import mints them from the name.
	// ORCID has no kinds of organization: Import tells them by the name
	// (organizations[3].kind, organizations[4].kind).
	renamed := map[string]struct {
		id   string
		kind profile.OrgKind
	}{
		"udem":            {"universite-de-montreal", profile.OrgUniversity},
		"mila":            {"mila-quebec-artificial-intelligence-institute", profile.OrgInstitute},
		"cifar":           {"canadian-institute-for-advanced-research", profile.OrgInstitute},
		"google-deepmind": {"google-deepmind", profile.OrgOther},
		"stanford":        {"stanford-university", profile.OrgUniversity},
		"ut-austin":       {"the-university-of-texas-at-austin", profile.OrgUniversity},
		"archimedes":      {"archimedes-ai-institute", profile.OrgInstitute},
	}
	var out dataset.Dataset
	byID := make(map[string]profile.Organization)
	for _, o := range d.Organizations {
		byID[o.ID] = o
		r, ok := renamed[o.ID]
		if !ok {
			// diro is a department, written as department-name
			// (organizations[1]); alphabet is only google-deepmind's parent
			// and mcgill only a supervision's institution: ORCID has
			// neither hierarchy nor supervisions.
			continue
		}
		o.ID, o.Kind = r.id, r.kind
		o.OtherNames = nil // organizations[2].other_names, organizations[3].other_names
		o.Parent = ""      // organizations[4].parent
		out.Organizations = append(out.Organizations, o)
	}

	p := d.People[0]
	p.Supervisions = nil // people[0].supervisions[0] to [13]
	p.Education = slices.Clone(p.Education)
	for i := range p.Education {
		e := &p.Education[i]
		e.Organization = renamed[e.Organization].id
		e.Thesis, e.Advisors = "", nil // people[0].education[0].thesis, .advisors
	}
	p.Positions = slices.Clone(p.Positions)
	for i := range p.Positions {
		x := &p.Positions[i]
		if o := byID[x.Organization]; o.Kind == profile.OrgDepartment {
			x.Organization, x.Department = o.Parent, o.Name // organizations[1]
		}
		x.Organization = renamed[x.Organization].id
		x.City, x.PartTime = "", false // people[0].positions[3].city, .part_time
		x.Current = x.End.IsZero()     // people[0].positions[1].current
	}
	// people[0].positions: section by section.
	section := map[profile.PositionKind]int{profile.PositionChair: 0, profile.PositionEmployment: 2, profile.PositionPostdoc: 2, profile.PositionMembership: 4}
	slices.SortStableFunc(p.Positions, func(a, b profile.Position) int { return cmp.Compare(section[a.Kind], section[b.Kind]) })
	out.People = []profile.Person{p}

	index := make(map[string]int)
	for i, pub := range d.Publications {
		index[pub.ID] = i
	}
	for _, pub := range d.Publications {
		if pub.Kind == publication.KindWorkshopPaper { // publications[7], [8], [10].kind and .venue.kind
			pub.Kind, pub.Venue.Kind = publication.KindConferencePaper, publication.VenueConference
		}
		v := &pub.Venue // publications[…].venue.short, .series, .volume, .pages
		v.Short, v.Series, v.Volume, v.Pages = "", "", "", ""
		out.Publications = append(out.Publications, pub)
	}
	// publications: versions together, in the order of their main work.
	root := func(p publication.Publication) int {
		for p.VersionOf != "" {
			p = d.Publications[index[p.VersionOf]]
		}
		return index[p.ID]
	}
	slices.SortStableFunc(out.Publications, func(a, b publication.Publication) int { return cmp.Compare(root(a), root(b)) })
	return out
}

// diffDatasets compares two datasets, organizations in any order: ORCID
// has no list of organizations.
func diffDatasets(want, got *dataset.Dataset) string {
	byID := func(a, b profile.Organization) int { return strings.Compare(a.ID, b.ID) }
	wo, gob := slices.Clone(want.Organizations), slices.Clone(got.Organizations)
	slices.SortFunc(wo, byID)
	slices.SortFunc(gob, byID)
	noOrigin := cmpopts.IgnoreTypes(source.Origin{}) // the same data, read from other files
	return gocmp.Diff(want.People, got.People, noOrigin) + gocmp.Diff(wo, gob, noOrigin) + gocmp.Diff(want.Publications, got.Publications, noOrigin)
}

// TestRoundTrip checks that importing the example's record and works gives
// back the example, projected on what ORCID holds (see projectSeed), in
// XML, in JSON, and in both.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	want := projectSeed(mustSeed(t))
	r, _ := exportSeed(t)
	recX, worksX := write(t, recordXML, r), write(t, worksXML, r)
	recJ, worksJ := write(t, recordJSON, r), write(t, worksJSON, r)
	tests := []struct {
		name string
		docs []dataset.Document
	}{
		{"XML", []dataset.Document{{Name: "record.xml", Data: recX}, {Name: "works.xml", Data: worksX}}},
		{"JSON", []dataset.Document{{Name: "record.json", Data: recJ}, {Name: "works.json", Data: worksJ}}},
		{"works first", []dataset.Document{{Name: "works.json", Data: worksJ}, {Name: "record.xml", Data: recX}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := orcid.Read(tc.docs...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := diffDatasets(&want, got); diff != "" {
				t.Errorf("import(export(example)) (-want +got):\n%s", diff)
			}
			if err := validate.Dataset(got); err != nil {
				t.Errorf("validate.Dataset: %v", err)
			}
		})
	}
	// Import of the typed record, without writing it, is the same.
	got, loss := orcid.Import(r)
	if diff := diffDatasets(&want, got); diff != "" {
		t.Errorf("Import(Export(example)) (-want +got):\n%s", diff)
	}
	if len(loss) != 0 {
		t.Errorf("Import(Export(example)) lost:\n%s", loss)
	}
}

// TestRoundTripRecordOnly checks the record without its full works: each
// work has the person as its only author and no abstract.
func TestRoundTripRecordOnly(t *testing.T) {
	t.Parallel()
	r, _ := exportSeed(t)
	d, err := orcid.Read(dataset.Document{Name: "record.xml", Data: write(t, recordXML, r)})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(d.Publications), 12; got != want {
		t.Fatalf("%d publications, want %d", got, want)
	}
	for _, p := range d.Publications {
		if diff := gocmp.Diff([]publication.Contributor{{Ref: seedID}}, p.Authors); diff != "" || p.Abstract != "" {
			t.Errorf("%s: authors (-want +got):\n%s\nabstract %q, want none", p.ID, diff, p.Abstract)
		}
	}
}

// TestSeedLoss checks that the loss report lists the example's 14
// supervisions, one each.
func TestSeedLoss(t *testing.T) {
	t.Parallel()
	_, loss := exportSeed(t)
	sup := loss.Under("people[0].supervisions")
	if len(sup) != 14 {
		t.Fatalf("%d supervisions in the loss report, want 14:\n%s", len(sup), sup)
	}
	for i, l := range sup {
		if want := fmt.Sprintf("people[0].supervisions[%d]", i); l.Path != want {
			t.Errorf("item %d at %s, want %s", i, l.Path, want)
		}
	}
}

// TestSampleRoundTrip exports what each of ORCID's samples that holds a
// person imports as, and checks the record and works against the XSDs.
func TestSampleRoundTrip(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/samples/*/*.*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, file := range files {
		if filepath.Base(file) == "LICENSE" {
			continue
		}
		d, err := orcid.Read(dataset.Document{Name: file, Data: mustRead(t, file)})
		if err != nil || len(d.People) == 0 {
			continue
		}
		n++
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			r, _, err := orcid.Export(d, d.People[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			validateXSD(t, write(t, recordXML, r), recordXSD)
			validateXSD(t, write(t, worksXML, r), bulkXSD)
		})
	}
	if n < 40 {
		t.Errorf("only %d samples hold a person", n)
	}
}
