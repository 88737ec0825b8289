package jsonimport

import (
	"strings"
	"testing"
)

func TestStripMarkup(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"jats paragraph", "<jats:p>Among   various\n advantages.</jats:p>", "Among various advantages."},
		{"paragraphs", "<jats:title>Abstract</jats:title><jats:p>One <jats:italic>E. coli</jats:italic>.</jats:p>\n<jats:p>Two&amp;three &lt;4&gt; &#233;&#x00E9;</jats:p>",
			"One E. coli.\n\nTwo&three <4> éé"},
		{"sections", "<jats:sec><jats:title>Background</jats:title><jats:p>B.</jats:p></jats:sec><jats:sec><jats:title>Results</jats:title><jats:p>R<jats:sup>2</jats:sup>.</jats:p></jats:sec>",
			"Background\n\nB.\n\nResults\n\nR2."},
		{"html", "<p>First<br>line</p><p>Second</p>", "First line\n\nSecond"},
		{"less than", "p < 0.05 and a<b", "p < 0.05 and a<b"},
		{"unclosed tag", "a <b unclosed", "a <b unclosed"},
		{"comment", "a<!-- note -->b", "ab"},
		{"plain", "  Plain\ttext  ", "Plain text"},
		{"control characters", "a\x00b\x1bc\ufdd0\U0001fffe", "abc"},
		{"empty", "<jats:p></jats:p>", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := StripMarkup(tc.in); got != tc.want {
				t.Errorf("StripMarkup(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestStripMarkupLinear checks that hostile markup, many '<' without a
// '>', is read in one pass: it would take minutes if each '<' looked for
// a '>' to the end.
func TestStripMarkupLinear(t *testing.T) {
	t.Parallel()
	in := strings.Repeat("<a ", 200_000)
	if got := StripMarkup(in); got != strings.TrimSpace(in) {
		t.Errorf("StripMarkup changed text without tags: %d bytes, want %d", len(got), len(in))
	}
}

func TestLooksLikeMarkup(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{
		"<p>Text</p>": true, "a<br/>b": true, "x < y > z": false, "plain": false, "a</i>": true, "<b>": false,
	} {
		if got := LooksLikeMarkup(in); got != want {
			t.Errorf("LooksLikeMarkup(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestLineAndQuote(t *testing.T) {
	t.Parallel()
	if got, want := Line(" Christian\u00a0S \n Hardtke\x07 "), "Christian S Hardtke"; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
	if got, want := Clean("a\r\nb\xffc"), "a\nb\uFFFDc"; got != want {
		t.Errorf("Clean = %q, want %q", got, want)
	}
	if got, want := Quote("abcdefgh", 3), `"abc"…`; got != want {
		t.Errorf("Quote = %s, want %s", got, want)
	}
	if got, want := Quote("日本", 3), `"日本"`; got != want {
		t.Errorf("Quote = %s, want %s", got, want)
	}
}

func TestDescribe(t *testing.T) {
	t.Parallel()
	data := `{"a": [[2014, 13, 40]], "b": "` + strings.Repeat("é", 50) + `", "c": null}`
	d := NewDoc("f.json", []byte(data))
	root, err := d.Parse(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"a": "an array [[2014, 13, 40]]",
		"b": `a string "` + strings.Repeat("é", 19) + "…",
		"c": "null",
		"z": "nothing",
	} {
		if got := d.Describe(root.Get(key)); got != want {
			t.Errorf("Describe(%s) = %s, want %s", key, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"10.7554/eLife.01567", "10-7554-elife-01567"},
		{"10.5438/zhyx-n122", "10-5438-zhyx-n122"},
		{"10.1002/(SICI)1097-4636(199601)30:1<1::AID-JBM1>3.0.CO;2-V", "10-1002-sici-1097-4636-199601-30-1-1-aid-jbm1-3-0-co-2-v"},
		{"--//", ""},
		{"Ünïcode ÷ only", "n-code-only"},
		{strings.Repeat("ab/", 60), strings.TrimSuffix(strings.Repeat("ab-", 29), "-") + "-a"},
	}
	for _, tc := range tests {
		got := Slug(tc.in)
		if got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if len(got) > maxSlug {
			t.Errorf("Slug(%q) is %d bytes long", tc.in, len(got))
		}
	}
	if got, want := TitleSlug("Automated quantitative histology reveals vascular morphodynamics during Arabidopsis"), "automated-quantitative-histology-reveals"; got != want {
		t.Errorf("TitleSlug = %q, want %q", got, want)
	}
}

func TestMint(t *testing.T) {
	t.Parallel()
	x := NewIDs()
	var got []string
	for _, base := range []string{"a", "a-2", "a", "a", "", "b", ""} {
		got = append(got, x.Mint(base, "work"))
	}
	want := "a a-2 a-3 a-4 work b work-2"
	if strings.Join(got, " ") != want {
		t.Errorf("minted %q, want %q", strings.Join(got, " "), want)
	}
}
