package biblio_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/scholarld/scholarld/biblio"
	"github.com/scholarld/scholarld/dataset"
)

// A costCase is an input shape that made a reader take time quadratic in
// its size: gen makes an input of about n units.
type costCase struct {
	name string
	csl  bool
	n    int // a size that reads in some tens of milliseconds
	gen  func(n int) []byte
}

// stemKey returns the i-th of keys that differ (also ignoring case) but
// all make the id "x": x followed by punctuation only.
func stemKey(i int) string {
	const punct = ".-_:+/'"
	var b strings.Builder
	b.WriteString("x")
	for {
		b.WriteByte(punct[i%len(punct)])
		i /= len(punct)
		if i == 0 {
			return b.String()
		}
		i--
	}
}

var costCases = []costCase{
	{"at signs in a value", false, 1_000_000, func(n int) []byte {
		return []byte("@misc{a, author = {Doe, Jane}, title = {" + strings.Repeat("@", n) + "}}\n")
	}},
	{"a warning per entry", false, 5_000, func(n int) []byte {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "@misc{k%d, author = {Doe, Jane}, title = {T}, publisher = {P}}\n", i)
		}
		return []byte(b.String())
	}},
	{"broken lines", false, 20_000, func(n int) []byte {
		return []byte(strings.Repeat("@x\n", n))
	}},
	{"unclosed quotes", false, 20_000, func(n int) []byte {
		return []byte(strings.Repeat("@misc{a, title = \"x\n", n))
	}},
	{"duplicate fields", false, 20_000, func(n int) []byte {
		return []byte("@misc{a, author = {Doe, Jane}, title = {T}" + strings.Repeat(",\n title = {T}", n) + "}\n")
	}},
	{"keys of one id", false, 5_000, func(n int) []byte {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "@misc{%s, author = {Doe, Jane}, title = {T}}\n", stemKey(i))
		}
		return []byte(b.String())
	}},
	{"errors on one line", false, 20_000, func(n int) []byte {
		return []byte(strings.Repeat("@misc{a, title = {T}} ", n))
	}},
	{"CSL unknown variables", true, 3_000, func(n int) []byte {
		var b strings.Builder
		b.WriteString("[")
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"id": "i%d", "type": "book", "title": "T", "author": [{"literal": "A"}], "colour": "red"}`, i)
		}
		b.WriteString("]")
		return []byte(b.String())
	}},
	{"CSL date-parts", true, 200_000, func(n int) []byte {
		return []byte(`[{"id": "a", "type": "book", "title": "T", "author": [{"literal": "A"}], "issued": {"date-parts": [[2020` +
			strings.Repeat(", 1", n) + "]]}}]")
	}},
}

func (c costCase) read(data []byte) (*dataset.Dataset, error) {
	if c.csl {
		return biblio.ReadCSLJSON("cost.json", data)
	}
	return biblio.ReadBibTeX("cost.bib", data)
}

// BenchmarkCost reads each shape that once took quadratic time, at two
// sizes: the time per unit should not grow with the size.
func BenchmarkCost(b *testing.B) {
	for _, c := range costCases {
		for _, n := range []int{c.n, 2 * c.n} {
			data := c.gen(n)
			b.Run(fmt.Sprintf("%s/n=%d", c.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					c.read(data)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/unit")
			})
		}
	}
}

// readTime returns the CPU time the process takes to read data, which
// other programs on the machine do not add to.
func readTime(c costCase, data []byte) time.Duration {
	runtime.GC()
	start := cpuTime()
	c.read(data)
	return cpuTime() - start
}

// TestLinearCost checks that doubling each input that once took
// quadratic time at most about doubles the time to read it: the ratio
// must stay under 3 (a quadratic cost makes it 4). Each time is the CPU
// time of the process, the least of several reads taken in turns for the
// two sizes; a ratio over 3 is measured again before it fails the test.
func TestLinearCost(t *testing.T) {
	// Not parallel: it measures time.
	if testing.Short() {
		t.Skip("measures time")
	}
	for _, c := range costCases {
		t.Run(c.name, func(t *testing.T) {
			small, large := c.gen(c.n), c.gen(2*c.n)
			var ratio float64
			for attempt := 0; attempt < 3; attempt++ {
				var ts, tl time.Duration = 1<<63 - 1, 1<<63 - 1
				for range 4 {
					ts = min(ts, readTime(c, small))
					tl = min(tl, readTime(c, large))
				}
				ratio = float64(tl) / float64(max(ts, time.Microsecond))
				t.Logf("n=%d: %v, n=%d: %v, ratio %.2f", c.n, ts, 2*c.n, tl, ratio)
				if ratio < 3 {
					return
				}
			}
			t.Errorf("doubling the input multiplied the time by %.2f, want < 3", ratio)
		})
	}
}
