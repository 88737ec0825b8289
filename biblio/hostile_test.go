package biblio_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/scholarld/scholarld/biblio"
	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/inputs"
	"github.com/scholarld/scholarld/source"
)

// readFile reads a file of testdata/hostile with the reader its
// extension names.
func readFile(t *testing.T, name string) ([]byte, *dataset.Dataset, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "hostile", name))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Ext(name) == ".json" {
		d, err := biblio.ReadCSLJSON(name, data)
		return data, d, err
	}
	d, err := biblio.ReadBibTeX(name, data)
	return data, d, err
}

// TestHostileFiles checks the errors of files built to break the
// readers: each at its file:line:column with the entry key or item id,
// wrapping the sentinel that says what it is, and the good entries read.
func TestHostileFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		errs []problem
		ids  []string // the publications read
	}{
		// Ten macros that each join the one before ten times: the @string
		// that takes the expansions over the limit is an error, and the
		// rest of the file is not read.
		{"laughs.bib", []problem{{6, 1, "@string.l5", "too large"}}, nil},
		// An @ with no { or ( on line 1 is an error on line 1.
		{"line1.bib", []problem{{1, 1, "", "syntax"}}, []string{"ok"}},
		{"latin1.bib", []problem{{4, 14, "muller2020", "encoding"}}, []string{"good"}},
		// A comment is not read: its bytes are not checked.
		{"latin1-comment.bib", nil, []string{"a"}},
		{"nul.bib", []problem{{3, 13, "nul", "encoding"}}, []string{"good"}},
		{"utf16.bib", []problem{{1, 1, "", "encoding"}}, nil},
		{"utf16.json", []problem{{1, 1, "", "encoding"}}, nil},
		{"latin1.json", []problem{{2, 49, "[1]", "encoding"}}, []string{"good"}},
		// % comments, even mentioning @misc), @comment, @preamble and text
		// between entries are read past, as biber and pandoc do.
		{"comments.bib", nil, []string{"first", "second"}},
		// Duplicates are errors at the second, naming the first (see
		// TestDuplicates), and the second is not read, in either format.
		{"duplicates.bib", []problem{{3, 1, "Same", "duplicate"}}, []string{"same", "other"}},
		{"duplicates.json", []problem{{4, 3, "same", "duplicate"}}, []string{"same", "other"}},
		{"empty-author.json", []problem{{3, 51, "a.author[1]", "missing"}}, []string{"a"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			_, d, err := readFile(t, tc.file)
			if diff := cmp.Diff(tc.errs, problems(t, errorList(t, err), tc.file)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\n%v", diff, err)
			}
			var ids []string
			if d != nil {
				for _, p := range d.Publications {
					ids = append(ids, p.ID)
				}
			}
			if diff := cmp.Diff(tc.ids, ids); diff != "" {
				t.Errorf("publications mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDuplicates checks that a duplicate key or id names the place of
// the first, in BibTeX and CSL-JSON alike.
func TestDuplicates(t *testing.T) {
	t.Parallel()
	for file, first := range map[string]source.Pos{
		"duplicates.bib":  {File: "duplicates.bib", Line: 1, Column: 1},
		"duplicates.json": {File: "duplicates.json", Line: 2, Column: 3},
	} {
		_, _, err := readFile(t, file)
		dup, ok := errors.AsType[*biblio.DuplicateError](err)
		if !ok {
			t.Errorf("%s: %v, want a DuplicateError", file, err)
			continue
		}
		if dup.First != first || !errors.Is(dup, source.ErrDuplicateKey) {
			t.Errorf("%s: first at %v, want %v", file, dup.First, first)
		}
	}
}

// TestMacrosWithinBudget checks that a file whose macros expand to much
// less than the limit reads, and the same expansions read through a
// loader with a smaller file limit are refused at the @string that takes
// them over it.
func TestMacrosWithinBudget(t *testing.T) {
	t.Parallel()
	data := []byte("@string{j = {Journal of Examples}}\n@string{jj = j # { and } # j}\n" +
		"@article{a, author = {Doe, Jane}, title = {T}, journal = jj}\n")
	d, err := biblio.ReadBibTeX("m.bib", data)
	if err != nil || len(d.Publications) != 1 || d.Publications[0].Venue.Name != "Journal of Examples and Journal of Examples" {
		t.Fatalf("ReadBibTeX = %v, %v", d, err)
	}
	l := dataset.Loader{Formats: inputs.Formats(), Limits: dataset.Limits{MaxFileSize: int64(len(data)) + 20}}
	_, err = l.Decode("m.bib", bytes.NewReader(data))
	want := []problem{{2, 1, "@string.jj", "too large"}}
	if diff := cmp.Diff(want, problems(t, errorList(t, err), "m.bib")); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s\n%v", diff, err)
	}
}

// TestErrorsQuoteExcerpts checks that an error about a huge value quotes
// its start, not all of it.
func TestErrorsQuoteExcerpts(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("9", 1<<20)
	for _, tc := range []struct {
		name string
		read func(string, []byte) (*dataset.Dataset, error)
		data string
	}{
		{"year.bib", biblio.ReadBibTeX, "@misc{a, author = {A}, title = {T}, year = {" + long + "}}"},
		{"url.bib", biblio.ReadBibTeX, "@misc{a, author = {A}, title = {T}, url = {" + long + "}}"},
		{"macro.bib", biblio.ReadBibTeX, "@misc{a, author = {A}, title = x" + strings.Repeat("x", 1<<20) + "}"},
		{"date.json", biblio.ReadCSLJSON, `[{"id": "a", "title": "T", "author": [{"literal": "A"}], "issued": {"date-parts": [[2020` + strings.Repeat(", 1", 1<<18) + "]]}}]"},
		{"dup.json", biblio.ReadCSLJSON, `[{"id": "` + long + `", "title": "T", "author": [{"literal": "A"}]}, {"id": "` + long + `", "title": "T", "author": [{"literal": "A"}]}]`},
	} {
		_, err := tc.read(tc.name, []byte(tc.data))
		list := errorList(t, err)
		if len(list) != 1 {
			t.Errorf("%s: %d errors, want 1", tc.name, len(list))
			continue
		}
		// The path may be the id; the message quotes an excerpt.
		if n := len(list[0].Err.Error()); n > 1000 {
			t.Errorf("%s: a message of %d bytes: %.200s", tc.name, n, list[0].Err.Error())
		}
	}
}
