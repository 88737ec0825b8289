package openalex

import (
	"cmp"
	"fmt"
	"net/url"
	"strings"

	"github.com/scholarld/scholarld/profile"
	"github.com/scholarld/scholarld/source"
	"github.com/scholarld/scholarld/validate"
)

// author converts the author read, whose OpenAlex id is id, into a person
// of d.out. An author without a name is an error, and left out.
func (d *decoder) author(id string, origin source.Origin) {
	r := &d.rec
	name := clean(r.DisplayName)
	if name == "" {
		d.fail(d.at("display_name"), "display_name", fmt.Errorf("no name, which the model needs: %w", ErrMissing))
		return
	}
	p := profile.Person{
		Name:        profile.Name{Display: name},
		Identifiers: profile.PersonIdentifiers{OpenAlex: id},
	}
	seen := map[string]bool{strings.ToLower(name): true}
	for _, alt := range r.NameAlternatives {
		if alt = clean(alt); alt != "" && !seen[strings.ToLower(alt)] {
			seen[strings.ToLower(alt)] = true
			p.Name.Other = append(p.Name.Other, alt)
		}
	}
	orcidAt, orcidOff := "orcid", d.at("orcid")
	if r.ORCID == "" {
		orcidAt, orcidOff = "ids.orcid", d.at("ids")
	}
	if s := cmp.Or(r.ORCID, r.IDs.ORCID); s != "" {
		if o, err := profile.ParseORCID(s); err != nil {
			d.fail(orcidOff, orcidAt, err)
		} else {
			p.Identifiers.ORCID = o
		}
	}
	if s := r.IDs.Scopus; s != "" {
		if p.Identifiers.Scopus = scopusID(s); p.Identifiers.Scopus == "" {
			d.warn(d.at("ids"), "ids.scopus", "%q: not a Scopus author id", s)
		}
	}
	d.link(&p, "Twitter", r.IDs.Twitter, "ids.twitter")
	d.link(&p, "Wikipedia", r.IDs.Wikipedia, "ids.wikipedia")

	// OpenAlex's affiliations are the institutions that the author's works
	// name, with the years they do: not positions of a kind the model
	// knows (employment, visit, membership). The institutions are
	// organizations of the dataset; the years are left out.
	affiliationsAt, lastAt := d.at("affiliations"), d.at("last_known_institutions")
	for i, a := range r.Affiliations {
		d.institution(a.Institution, affiliationsAt, fmt.Sprintf("affiliations[%d].institution", i))
	}
	for i, inst := range r.LastKnownInstitutions {
		d.institution(inst, lastAt, fmt.Sprintf("last_known_institutions[%d]", i))
	}
	if inst := r.LastKnownInstitution; inst != nil {
		d.institution(*inst, d.at("last_known_institution"), "last_known_institution")
	}
	if n := len(r.Affiliations); n > 0 {
		d.warn(affiliationsAt, "affiliations", "%d institution(s) with the years of the works that name them: not positions of a kind the model holds, so the institutions are organizations of the dataset and the years are not kept", n)
	}

	p.ID = d.personIDs.mint(slug(name, 8), strings.ToLower(id))
	p.Origin = origin
	d.out.People = append(d.out.People, p)
	d.nPeople++
}

// link adds the page at u, named name, to the person's links: OpenAlex's
// ids give an author's Twitter and Wikipedia pages as URLs.
func (d *decoder) link(p *profile.Person, name, u, at string) {
	if u == "" {
		return
	}
	if validate.HTTPURL(u) != nil {
		d.warn(d.at("ids"), at, "%q: not a URL the model holds", u)
		return
	}
	p.Links = append(p.Links, profile.Link{Name: name, URL: u})
}

// scopusID returns the Scopus author id of s, its digits or a Scopus URL
// naming them in its authorID parameter, as OpenAlex writes it
// ("http://www.scopus.com/inward/authorDetails.url?authorID=36455008000&partnerID=MN8TOARS"),
// or "" if s is neither.
func scopusID(s string) string {
	if !isDigits(s) {
		u, err := url.Parse(s)
		if err != nil || !strings.HasSuffix(strings.ToLower(u.Hostname()), "scopus.com") {
			return ""
		}
		s = u.Query().Get("authorID")
		if s == "" {
			s = u.Query().Get("authorId")
		}
	}
	if !isDigits(s) || len(s) < 6 || len(s) > 12 || s[0] == '0' {
		return ""
	}
	return s
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// orgKinds are the kinds of organization of OpenAlex's institution types
// (ROR's). ROR gives "funder" besides another type (a university that
// funds research is both) and OpenAlex keeps one, so a funder is held as
// other rather than calling a university a funding agency; healthcare,
// government, nonprofit, archive and other are other too.
var orgKinds = map[string]profile.OrgKind{
	"education": profile.OrgUniversity,
	"company":   profile.OrgCompany,
	"facility":  profile.OrgInstitute,
}

// institution makes an organization of d.out of an institution with a
// ROR id at sub, at offset off, unless one with the same ROR id was made
// in the file. An institution without a ROR id is a warning, and no
// organization.
func (d *decoder) institution(inst institution, off int64, sub string) {
	name := clean(inst.DisplayName)
	if inst.ROR == "" {
		if name != "" {
			d.warn(off, sub, "institution %q without a ROR id: not an organization of the dataset", name)
		}
		return
	}
	ror, err := profile.ParseROR(inst.ROR)
	if err != nil {
		d.fail(off, sub+".ror", err)
		return
	}
	if d.orgs[ror] {
		return
	}
	if name == "" {
		d.warn(off, sub, "institution %s without a name: not an organization of the dataset", ror)
		return
	}
	d.orgs[ror] = true
	o := profile.Organization{
		ID:   d.orgIDs.mint(slug(name, 8), "org-"+string(ror)),
		Name: name, Kind: cmp.Or(orgKinds[inst.Type], profile.OrgOther), ROR: ror,
		Origin: source.Origin{Path: source.JoinPath(d.recPath, sub), Index: d.nOrgs},
	}
	if c := inst.CountryCode; len(c) == 2 && isUpper(c[0]) && isUpper(c[1]) && strings.Contains(countryCodes, c) {
		o.Location.Country = c
	} else if c != "" {
		d.warn(off, sub+".country_code", "%q: not an ISO 3166-1 alpha-2 country code", c)
	}
	d.out.Organizations = append(d.out.Organizations, o)
	d.issues = append(d.issues, issue{off: off, org: len(d.out.Organizations) - 1})
	d.nOrgs++
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// countryCodes are the ISO 3166-1 alpha-2 codes that validation accepts
// (validator's iso3166_1_alpha2, with XK, Kosovo's user-assigned code).
// Two letters are one of them if this string holds them.
const countryCodes = "" +
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS " +
	"BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE " +
	"EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM " +
	"HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC " +
	"LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA " +
	"NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
	"SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO " +
	"TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
