package orcid

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scholarld/scholarld/profile"
)

// The functions of this file make imported values fit the model's rules,
// so that what Import returns passes validate.Dataset.

// text returns s without surrounding white space, with line ends as "\n",
// invalid UTF-8 replaced and other control characters removed: the model's
// text rule.
func text(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r != '\n' && r != '\t' && unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// line returns text(s) on one line, runs of white space made one space:
// for names and titles, which ORCID's samples indent.
func line(s string) string {
	return strings.Join(strings.Fields(text(s)), " ")
}

// httpURL returns s trimmed if it is an absolute http or https URL with a
// host and nothing an IRI cannot hold unescaped (package validate's rule),
// or "".
func httpURL(s string) string {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`<>"{}|\^`+"`", r)
	}) {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.User != nil {
		return ""
	}
	return s
}

// emailRE is a conservative e-mail address: a dot-atom local part and a
// domain of letter-or-digit labels with a top-level domain of letters.
var emailRE = regexp.MustCompile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}$")

// isoCountries are the ISO 3166-1 alpha-2 codes.
const isoCountries = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
	"CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
	"GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
	"KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
	"NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
	"SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
	"UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"

// country returns s as an upper-case ISO 3166-1 alpha-2 code, or "".
func country(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z' && strings.Contains(isoCountries, s) {
		return s
	}
	return ""
}

// fuzzyDate returns d as ORCID writes it, zero-padded, or nil for the zero
// Date. ok is false when ORCID cannot hold d: its year is outside 1900 to
// 2100, the range of ORCID's XSD, or d is not a valid date.
func fuzzyDate(d profile.Date) (fd *FuzzyDate, ok bool) {
	if d.IsZero() {
		return nil, true
	}
	y := d.Year()
	if y < 1900 || y > 2100 {
		return nil, false
	}
	fd = &FuzzyDate{Year: Value(strconv.Itoa(y))}
	if m := d.Month(); m > 0 {
		fd.Month = Value(fmt.Sprintf("%02d", m))
		if day := d.Day(); day > 0 {
			fd.Day = Value(fmt.Sprintf("%02d", day))
		}
	}
	return fd, true
}

// date returns fd as a model Date, keeping as much of it as is valid: a
// bad day drops the day, a bad month the month and day. ok is false when
// anything was dropped.
func date(fd *FuzzyDate) (d profile.Date, ok bool) {
	if fd == nil {
		return "", true
	}
	y, m, day := strings.TrimSpace(string(fd.Year)), strings.TrimSpace(string(fd.Month)), strings.TrimSpace(string(fd.Day))
	if y == "" && m == "" && day == "" {
		return "", true
	}
	pad := func(s string) string {
		if len(s) == 1 {
			return "0" + s
		}
		return s
	}
	candidates := []string{y}
	if m != "" {
		candidates = append([]string{y + "-" + pad(m)}, candidates...)
		if day != "" {
			candidates = append([]string{y + "-" + pad(m) + "-" + pad(day)}, candidates...)
		}
	}
	for i, s := range candidates {
		if parsed, err := profile.ParseDate(s); err == nil {
			return parsed, i == 0 && (m != "" || day == "")
		}
	}
	return "", false
}

// foldings are the Latin letters with diacritics that slugs spell without them.
var foldings = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a", "ā", "a", "ă", "a", "ą", "a",
	"ç", "c", "ć", "c", "č", "c", "ď", "d", "đ", "d",
	"è", "e", "é", "e", "ê", "e", "ë", "e", "ē", "e", "ė", "e", "ę", "e", "ě", "e",
	"ğ", "g", "ì", "i", "í", "i", "î", "i", "ï", "i", "ī", "i", "ı", "i",
	"ł", "l", "ñ", "n", "ń", "n", "ň", "n",
	"ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ø", "o", "ō", "o", "ő", "o",
	"ř", "r", "ś", "s", "š", "s", "ş", "s", "ß", "ss", "ť", "t",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ū", "u", "ů", "u", "ű", "u",
	"ý", "y", "ÿ", "y", "ź", "z", "ż", "z", "ž", "z",
	"æ", "ae", "œ", "oe", "þ", "th", "ð", "d",
)

// slug returns s as an id: lower-case ASCII letters and digits in words
// joined by single hyphens, at most maxWords words and 60 bytes, or "" if
// s has no letter or digit.
func slug(s string, maxWords int) string {
	s = foldings.Replace(strings.ToLower(s))
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	var b strings.Builder
	for i, w := range words {
		if i == maxWords || b.Len()+1+len(w) > 60 && i > 0 {
			break
		}
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w[:min(len(w), 60)])
	}
	return b.String()
}

// ids mints unique ids. It remembers, for each base, the suffix to try
// next, so that minting n ids from one base costs O(n), not O(n²).
type ids struct {
	taken map[string]bool
	next  map[string]int // base → the smallest suffix not yet tried
	tries int            // ids looked at, for the test of linear cost
}

func newIDs() *ids { return &ids{taken: make(map[string]bool), next: make(map[string]int)} }

// has reports whether id is taken.
func (x *ids) has(id string) bool { return x.taken[id] }

// mint returns base, or base with the smallest suffix "-2", "-3", … that
// is not yet taken, and takes it. An empty base is fallback.
func (x *ids) mint(base, fallback string) string {
	if base == "" {
		base = fallback
	}
	id := base
	n := max(x.next[base], 2)
	for x.tries++; x.taken[id]; x.tries++ {
		id = fmt.Sprintf("%s-%d", base, n)
		n++
	}
	x.next[base] = n
	x.taken[id] = true
	return id
}
