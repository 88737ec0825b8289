package synth_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/synth"
	"github.com/scholarld/scholarld/validate"
)

func TestValidAndDeterministic(t *testing.T) {
	t.Parallel()
	c := synth.Config{People: 60, Publications: 700, PerFile: 200, Seed: 7}
	a, b := t.TempDir(), t.TempDir()
	st, err := synth.Write(a, c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := synth.Write(b, c); err != nil {
		t.Fatal(err)
	}
	if st.Files < 5 {
		t.Errorf("%d files, want several", st.Files)
	}
	d, err := validate.Check(dataset.Load(a))
	if err != nil {
		t.Fatalf("generated data does not validate:\n%v", err)
	}
	if len(d.People) != 60 || len(d.Publications) != 700 {
		t.Errorf("%d people and %d publications, want 60 and 700", len(d.People), len(d.Publications))
	}
	authors, versions := 0, 0
	for _, p := range d.Publications {
		if n := len(p.Authors); n < 2 || n > 15 {
			t.Errorf("%s has %d authors, want 2 to 15", p.ID, n)
		}
		authors += len(p.Authors)
		if p.VersionOf != "" {
			versions++
		}
	}
	if versions == 0 {
		t.Error("no publication versions")
	}
	err = filepath.WalkDir(a, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, path)
		x, err1 := os.ReadFile(path)
		y, err2 := os.ReadFile(filepath.Join(b, rel))
		if err1 != nil || err2 != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with one seed", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
