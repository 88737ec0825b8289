package dataset_test

import (
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/scholarld/scholarld/dataset"
	"github.com/scholarld/scholarld/internal/synth"
)

// BenchmarkMatch compares matching the authors of the generated institute
// with its people to loading it, the cost the issue bounds at a tenth:
// Load reads and decodes the institute's files, Match matches every author
// of every publication (each reference to a person turned back into the
// person's name first, outside the timer, so that every author is looked
// up); share alternates the two and reports the ratio.
// SCHOLARLD_BENCH_PEOPLE sets the institute's size (10 publications a
// person; default 200); docs/scale.md has the figures of 2,000.
func BenchmarkMatch(b *testing.B) {
	dir, err := synth.Bench()
	if n, _ := strconv.Atoi(os.Getenv("SCHOLARLD_BENCH_PEOPLE")); n > 0 {
		dir = b.TempDir()
		_, err = synth.Write(dir, synth.Config{People: n, Publications: 10 * n, Seed: 1})
	}
	if err != nil {
		b.Fatal(err)
	}
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, err := dataset.Load(dir); err != nil {
				b.Fatal(err)
			}
		}
	})
	d, err := dataset.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	names := make(map[string]string, len(d.People))
	for _, p := range d.People {
		names[p.ID] = p.Name.Display
	}
	authors := 0
	for _, p := range d.Publications {
		authors += len(p.Authors)
	}
	unref := func(d *dataset.Dataset) {
		for i := range d.Publications {
			for j := range d.Publications[i].Authors {
				a := &d.Publications[i].Authors[j]
				if a.Ref != "" {
					a.Name, a.Ref = names[a.Ref], ""
				}
			}
		}
	}
	b.Run("match", func(b *testing.B) {
		matched := 0
		for b.Loop() {
			b.StopTimer()
			unref(d)
			b.StartTimer()
			matched = len(d.MatchAuthors())
		}
		b.ReportMetric(float64(authors), "authors")
		b.ReportMetric(float64(matched), "reported")
	})
	// share loads and matches in turn, so that both see the same load of
	// the machine, and reports matching's cost as a percentage of
	// loading's.
	b.Run("share", func(b *testing.B) {
		var load, match time.Duration
		for b.Loop() {
			start := time.Now()
			d, err := dataset.Load(dir)
			if err != nil {
				b.Fatal(err)
			}
			load += time.Since(start)
			unref(d)
			start = time.Now()
			d.MatchAuthors()
			match += time.Since(start)
		}
		b.ReportMetric(100*float64(match)/float64(load), "%load")
	})
}
