package orcid_test

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/orcid"
)

// keyPaths returns the key paths of a JSON document, such as
// "person.name.given-names.value", with array indexes collapsed to "[]".
// Test code may decode into any: it only collects keys.
func keyPaths(t testing.TB, data []byte) map[string]bool {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	paths := make(map[string]bool)
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				p := k
				if prefix != "" {
					p = prefix + "." + k
				}
				paths[p] = true
				walk(p, x)
			}
		case []any:
			for _, x := range v {
				walk(prefix+"[]", x)
			}
		}
	}
	walk("", v)
	return paths
}

// under returns the paths below prefix, with prefix removed.
func under(paths map[string]bool, prefix string) map[string]bool {
	out := make(map[string]bool)
	for p := range paths {
		if rest, ok := strings.CutPrefix(p, prefix+"."); ok {
			out[rest] = true
		}
	}
	return out
}

// samplePaths returns the union of the key paths of ORCID's samples.
func samplePaths(t testing.TB, files ...string) map[string]bool {
	t.Helper()
	out := make(map[string]bool)
	for _, f := range files {
		for p := range keyPaths(t, mustRead(t, f)) {
			out[p] = true
		}
	}
	return out
}

// readOnly are the keys ORCID sets on what it serves and that its write
// samples therefore lack: an item's put-code and API path. ORCID's read
// samples have them (see testdata/samples/api/record-3.0.json).
var readOnly = []string{"put-code", "path"}

// notIn returns the paths of got that want lacks, sorted; a path whose
// last key is read-only is allowed.
func notIn(got, want map[string]bool) []string {
	var extra []string
	for p := range got {
		last := p[strings.LastIndexByte(p, '.')+1:]
		if !want[p] && last != readOnly[0] && last != readOnly[1] {
			extra = append(extra, p)
		}
	}
	sort.Strings(extra)
	return extra
}

// TestJSONKeyPaths checks that the JSON Export writes uses ORCID's field
// names and nesting: for each section, the key paths it writes (array
// indexes collapsed) must be among those of ORCID's JSON sample for that
// section (testdata/samples/write, from ORCID's record_3.0 write samples):
//
//   - each affiliation summary, against <section>-3.0.json (employment,
//     education, qualification, distinction, invited-position, membership,
//     service);
//   - researcher-urls, keywords, other names, person external identifiers
//     and addresses, against researcher-url-3.0.json (and its no-name
//     variant), keywords-3.0.json, other-names-3.0.json,
//     external-identifier-3.0.json and address-3.0.json;
//   - each full work, against work-full-3.0.json and
//     work-51-contributors-3.0.json, and the bulk around them against
//     bulk-work-3.0.json; each work summary of the record against the
//     same work samples, since a summary's keys are a full work's;
//   - the whole record, whose containers (person, name, biography, emails,
//     activities-summary, affiliation-group and its "summaries", works
//     groups, work-summary) ORCID has no JSON sample of, against
//     testdata/samples/api/record-3.0.json: ORCID's XML sample
//     record-3.0.xml written in the public API's JSON shape.
func TestJSONKeyPaths(t *testing.T) {
	t.Parallel()
	const w = "testdata/samples/write/"
	sections := []struct{ section, item string }{
		{"distinctions", "distinction"}, {"educations", "education"}, {"employments", "employment"},
		{"invited-positions", "invited-position"}, {"memberships", "membership"},
		{"qualifications", "qualification"}, {"services", "service"},
	}
	people := []struct{ prefix, sample string }{
		{"person.researcher-urls.researcher-url[]", "researcher-url-3.0.json researcher-url-no-name-3.0.json"},
		{"person.keywords.keyword[]", "keywords-3.0.json"},
		{"person.other-names.other-name[]", "other-names-3.0.json"},
		{"person.external-identifiers.external-identifier[]", "external-identifier-3.0.json"},
		{"person.addresses.address[]", "address-3.0.json"},
	}
	workSample := samplePaths(t, w+"work-full-3.0.json", w+"work-51-contributors-3.0.json")
	bulkSample := samplePaths(t, w+"bulk-work-3.0.json")
	for p := range workSample {
		bulkSample["bulk[].work."+p] = true
	}
	recordSample := samplePaths(t, "testdata/samples/api/record-3.0.json")

	for _, tc := range []struct {
		name, file, person string
	}{
		{"example", "", seedID},
		{"every field", "testdata/ada.yaml", "ada-lovelace"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := mustSeed(t)
			if tc.file != "" {
				d = mustLoad(t, tc.file)
			}
			r, _, err := orcid.Export(d, tc.person)
			if err != nil {
				t.Fatal(err)
			}
			record := keyPaths(t, write(t, recordJSON, r))
			works := keyPaths(t, write(t, worksJSON, r))
			seen := 0
			for _, s := range sections {
				got := under(record, "activities-summary."+s.section+".affiliation-group[].summaries[]."+s.item+"-summary")
				seen += len(got)
				if extra := notIn(got, samplePaths(t, w+s.item+"-3.0.json")); len(extra) > 0 {
					t.Errorf("%s: keys not in ORCID's %s-3.0.json: %v", s.section, s.item, extra)
				}
			}
			for _, p := range people {
				var files []string
				for _, f := range strings.Fields(p.sample) {
					files = append(files, w+f)
				}
				got := under(record, p.prefix)
				seen += len(got)
				if extra := notIn(got, samplePaths(t, files...)); len(extra) > 0 {
					t.Errorf("%s: keys not in ORCID's %s: %v", p.prefix, p.sample, extra)
				}
			}
			if extra := notIn(works, bulkSample); len(extra) > 0 {
				t.Errorf("works: keys not in ORCID's work-full-3.0.json, work-51-contributors-3.0.json or bulk-work-3.0.json: %v", extra)
			}
			summaries := under(record, "activities-summary.works.group[].work-summary[]")
			if extra := notIn(summaries, workSample); len(extra) > 0 {
				t.Errorf("work summaries: keys not in ORCID's work-full-3.0.json: %v", extra)
			}
			// The rest of the record: its containers, down to each item,
			// whose keys are checked above.
			containers := make(map[string]bool)
			for p := range record {
				if !strings.Contains(p, "-summary.") && !strings.Contains(p, "-summary[].") &&
					!strings.HasPrefix(p, "person.researcher-urls.researcher-url[].") &&
					!strings.HasPrefix(p, "person.external-identifiers.external-identifier[].") {
					containers[p] = true
				}
			}
			if extra := notIn(containers, recordSample); len(extra) > 0 {
				t.Errorf("record: keys not in ORCID's record-3.0.xml as the API's JSON: %v", extra)
			}
			if seen == 0 || len(works) == 0 {
				t.Errorf("compared no keys: record has %d, works %d", len(record), len(works))
			}
		})
	}
}
