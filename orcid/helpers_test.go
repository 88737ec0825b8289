package orcid_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/examples/seed"
	"github.com/scholarld/scholarld/internal/tool"
	"github.com/scholarld/scholarld/orcid"
	"github.com/scholarld/scholarld/validate"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// seedID is the person of the example dataset.
const seedID = "ioannis-mitliagkas"

// mustSeed loads and validates the example dataset.
func mustSeed(t testing.TB) *dataset.Dataset {
	t.Helper()
	d, err := validate.Check(seed.Load())
	if err != nil {
		t.Fatalf("load the example: %v", err)
	}
	return d
}

// exportSeed exports the example's person.
func exportSeed(t testing.TB) (*orcid.Record, orcid.Loss) {
	t.Helper()
	r, loss, err := orcid.Export(mustSeed(t), seedID)
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	return r, loss
}

// write renders r with one of its Write methods.
func write(t testing.TB, f func(*orcid.Record, *bytes.Buffer) error, r *orcid.Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f(r, &buf); err != nil {
		t.Fatalf("write: %v", err)
	}
	return buf.Bytes()
}

func recordXML(r *orcid.Record, b *bytes.Buffer) error  { return r.WriteXML(b) }
func recordJSON(r *orcid.Record, b *bytes.Buffer) error { return r.WriteJSON(b) }
func worksXML(r *orcid.Record, b *bytes.Buffer) error   { return r.WriteWorksXML(b) }
func worksJSON(r *orcid.Record, b *bytes.Buffer) error  { return r.WriteWorksJSON(b) }

// The unmodified XSDs of ORCID API v3.0, in their layout.
const (
	recordXSD = "testdata/xsd/record_3.0/record-3.0.xsd"
	bulkXSD   = "testdata/xsd/record_3.0/bulk-3.0.xsd"
)

// xmllint returns the path of xmllint (see package tool).
func xmllint(t testing.TB) string {
	t.Helper()
	return tool.Need(t, "", "libxml2-utils", "xmllint")
}

// validateXSD checks data against the schema with xmllint, which must not
// reach for the network (--nonet: without it, it tries to).
func validateXSD(t testing.TB, data []byte, xsd string) {
	t.Helper()
	lint := xmllint(t)
	file := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(lint, "--nonet", "--noout", "--schema", xsd, file).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint --schema %s: %v\n%s", xsd, err, strings.ReplaceAll(string(out), file, "doc.xml"))
	}
}

// mustRead reads a file.
func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
