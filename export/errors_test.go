package export_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/export"
	"github.com/scholarld/scholarld/source"
)

// TestUnknownFormat checks the errors of the lookups and of writing in
// the zero Format: they wrap ErrUnknownFormat, name the format, and
// nothing is written.
func TestUnknownFormat(t *testing.T) {
	t.Parallel()
	if _, err := export.Lookup("ttl2"); !errors.Is(err, export.ErrUnknownFormat) || err.Error() != `export: format "ttl2": unknown format` {
		t.Errorf(`Lookup("ttl2"): %v, want export: format "ttl2": unknown format`, err)
	}
	for _, mt := range []string{"image/png", "text/turtle;;", "/", ""} {
		if _, err := export.ForMediaType(mt); !errors.Is(err, export.ErrUnknownFormat) || !strings.Contains(err.Error(), `"`+mt+`"`) {
			t.Errorf("ForMediaType(%q): %v, want an error naming it, wrapping ErrUnknownFormat", mt, err)
		}
	}
	d := loadSeed(t)
	id := d.People[0].ID
	var n countingBytes
	if _, err := export.Write(&n, export.Format{}, d, export.Options{}); err == nil {
		t.Error("Write in the zero Format: no error")
	}
	if _, err := export.WritePerson(&n, export.Format{}, d, id, export.Options{}); !errors.Is(err, export.ErrUnknownFormat) {
		t.Errorf("WritePerson in the zero Format: %v, want an error wrapping ErrUnknownFormat", err)
	}
	wr, err := export.NewWriter(d, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wr.WritePerson(&n, export.Format{}, id); !errors.Is(err, export.ErrUnknownFormat) {
		t.Errorf("Writer.WritePerson in the zero Format: %v, want an error wrapping ErrUnknownFormat", err)
	}
	if n != 0 {
		t.Errorf("%d bytes written", n)
	}
}

// TestWrongShape checks that a format of one person's documents is refused
// for a whole dataset, and yaml, a format of whole datasets, for one
// person, with errors that say which function to call, having written
// nothing.
func TestWrongShape(t *testing.T) {
	t.Parallel()
	d := loadSeed(t)
	wr, err := export.NewWriter(d, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range export.Formats() {
		var n countingBytes
		if f.PerPerson {
			_, errWrite := export.Write(&n, f, d, export.Options{})
			_, errWriter := wr.Write(&n, f)
			for _, err := range []error{errWrite, errWriter} {
				if err == nil || !strings.HasPrefix(err.Error(), "export: ") || !strings.Contains(err.Error(), "use WritePerson") {
					t.Errorf("%s: Write: %v, want an error saying to use WritePerson", f.Name, err)
				}
			}
		}
		if f.Name == "yaml" {
			_, err := export.WritePerson(&n, f, d, d.People[0].ID, export.Options{})
			if err == nil || !strings.HasPrefix(err.Error(), "export: ") || !strings.Contains(err.Error(), "use Write") {
				t.Errorf("yaml: WritePerson: %v, want an error saying to use Write", err)
			}
		}
		if n != 0 {
			t.Errorf("%s: %d bytes written", f.Name, n)
		}
	}
}

// TestUnknownPerson checks that every function of one person refuses an
// id the dataset does not have, naming it, having written nothing.
func TestUnknownPerson(t *testing.T) {
	t.Parallel()
	d := loadSeed(t)
	check := func(t *testing.T, what string, err error) {
		t.Helper()
		if err == nil || !strings.HasPrefix(err.Error(), "export: ") || !strings.Contains(err.Error(), `"nobody"`) {
			t.Errorf("%s: %v, want an error naming the id", what, err)
		}
	}
	wr, err := export.NewWriter(d, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range export.Formats() {
		if f.Name == "yaml" {
			continue
		}
		var n countingBytes
		_, err := export.WritePerson(&n, f, d, "nobody", export.Options{})
		check(t, f.Name+": WritePerson", err)
		_, err = wr.WritePerson(&n, f, "nobody")
		check(t, f.Name+": Writer.WritePerson", err)
		if works, ok := f.Works(); ok {
			_, err = wr.WritePerson(&n, works, "nobody")
			check(t, works.Name+": Writer.WritePerson", err)
		}
		if n != 0 {
			t.Errorf("%s: %d bytes written", f.Name, n)
		}
	}
	s, err := export.ProfileScript(d, "nobody", export.Options{})
	check(t, "ProfileScript", err)
	b, err := export.ProfileJSONLD(d, "nobody", export.Options{})
	check(t, "ProfileJSONLD", err)
	seq, err := export.ProfileTriples(d, "nobody", export.Options{})
	check(t, "ProfileTriples", err)
	if s != "" || b != nil || seq != nil {
		t.Errorf("ProfileScript, ProfileJSONLD, ProfileTriples gave %q, %q, %v with their errors", s, b, seq != nil)
	}
}

// TestBadBase checks that options with a base IRI records cannot be named
// under are refused by every function before anything is written.
func TestBadBase(t *testing.T) {
	t.Parallel()
	d := loadSeed(t)
	for _, base := range []string{"ftp://example.org/", "https://example.org/?q=1", "https://example.org/#top", "example.org/", "https://exa mple.org/"} {
		opts := export.Options{Base: base}
		if opts.Check() == nil {
			t.Errorf("Options{Base: %q}.Check(): no error", base)
		}
		if _, err := export.NewWriter(d, opts); err == nil {
			t.Errorf("NewWriter with base %q: no error", base)
		}
		var n countingBytes
		ttl, _ := export.Lookup("ttl")
		html, _ := export.Lookup("html")
		_, errW := export.Write(&n, ttl, d, opts)
		_, errP := export.WritePerson(&n, html, d, d.People[0].ID, opts)
		_, errS := export.ProfileScript(d, d.People[0].ID, opts)
		_, errT := export.Triples(d, opts)
		for name, err := range map[string]error{"Write": errW, "WritePerson": errP, "ProfileScript": errS, "Triples": errT} {
			if err == nil {
				t.Errorf("%s with base %q: no error", name, base)
			}
		}
		if n != 0 {
			t.Errorf("base %q: %d bytes written", base, n)
		}
	}
}

// errBroken is the error of brokenWriter.
var errBroken = errors.New("broken pipe")

// brokenWriter fails every write.
type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) { return 0, errBroken }

// TestWriterFails checks that an error of the writer comes back wrapped
// from every format, for a dataset and for one person.
func TestWriterFails(t *testing.T) {
	t.Parallel()
	d := loadSeed(t)
	wr, err := export.NewWriter(d, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	id := d.People[0].ID
	for _, f := range export.Formats() {
		if !f.PerPerson {
			if _, err := wr.Write(brokenWriter{}, f); !errors.Is(err, errBroken) {
				t.Errorf("%s: Write: %v, want the writer's error", f.Name, err)
			}
		}
		if f.Name == "yaml" {
			continue
		}
		if _, err := wr.WritePerson(brokenWriter{}, f, id); !errors.Is(err, errBroken) {
			t.Errorf("%s: WritePerson: %v, want the writer's error", f.Name, err)
		}
		if works, ok := f.Works(); ok {
			if _, err := wr.WritePerson(brokenWriter{}, works, id); !errors.Is(err, errBroken) {
				t.Errorf("%s: WritePerson: %v, want the writer's error", works.Name, err)
			}
		}
	}
	var buf bytes.Buffer
	nt, _ := export.Lookup("nt")
	if _, err := wr.Write(&buf, nt); err != nil || buf.Len() == 0 {
		t.Errorf("Write after failures: %v, %d bytes: the Writer is still usable", err, buf.Len())
	}
}

// TestInvalidPositions checks that invalid data read from a file is
// refused with the places of the problems in it: each error names the
// file, the YAML path, and the line and column where the value is.
func TestInvalidPositions(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := invalidDataset().WriteYAML(&buf); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "people.yaml")
	if err := os.WriteFile(name, buf.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	d, err := dataset.Loader{}.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	values := map[string]string{ // YAML path → the value at fault
		"people[0].homepage":                  "javascript:alert(1)",
		"people[0].identifiers.orcid":         "0000-0002-1825-0098",
		"people[0].positions[0].organization": "analytical-society",
		"people[0].positions[0].start":        "2015/09",
	}
	ttl, _ := export.Lookup("ttl")
	var n countingBytes
	_, err = export.Write(&n, ttl, d, export.Options{})
	list, ok := errors.AsType[source.ErrorList](err)
	if !ok || len(list) != len(values) {
		t.Fatalf("Write: %v, want %d positioned errors", err, len(values))
	}
	for _, e := range list {
		value, ok := values[e.Path]
		if !ok {
			t.Errorf("unexpected error %v", e)
			continue
		}
		if e.Pos.File != name || e.Pos.Line < 1 || e.Pos.Line > len(lines) || e.Pos.Column < 1 {
			t.Errorf("%s: position %v, want a line and column of %s", e.Path, e.Pos, name)
			continue
		}
		if line := lines[e.Pos.Line-1]; e.Pos.Column > len(line) || !strings.Contains(line[e.Pos.Column-1:], value) {
			t.Errorf("%s: %v is at %q, want the value %q", e.Path, e.Pos, line, value)
		}
		if !strings.HasPrefix(e.Error(), e.Pos.String()+": ") {
			t.Errorf("%q does not start with its position", e.Error())
		}
	}
	if n != 0 {
		t.Errorf("%d bytes written", n)
	}
}
