package orcid

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
)

// namespaces are ORCID's XML namespaces with the prefixes ORCID's own
// documents use, in the order a root element declares them.
var namespaces = []struct{ prefix, uri string }{
	{"record", "http://www.orcid.org/ns/record"},
	{"common", "http://www.orcid.org/ns/common"},
	{"person", "http://www.orcid.org/ns/person"},
	{"personal-details", "http://www.orcid.org/ns/personal-details"},
	{"other-name", "http://www.orcid.org/ns/other-name"},
	{"researcher-url", "http://www.orcid.org/ns/researcher-url"},
	{"email", "http://www.orcid.org/ns/email"},
	{"address", "http://www.orcid.org/ns/address"},
	{"keyword", "http://www.orcid.org/ns/keyword"},
	{"external-identifier", "http://www.orcid.org/ns/external-identifier"},
	{"activities", "http://www.orcid.org/ns/activities"},
	{"distinction", "http://www.orcid.org/ns/distinction"},
	{"education", "http://www.orcid.org/ns/education"},
	{"employment", "http://www.orcid.org/ns/employment"},
	{"invited-position", "http://www.orcid.org/ns/invited-position"},
	{"membership", "http://www.orcid.org/ns/membership"},
	{"qualification", "http://www.orcid.org/ns/qualification"},
	{"service", "http://www.orcid.org/ns/service"},
	{"work", "http://www.orcid.org/ns/work"},
	{"bulk", "http://www.orcid.org/ns/bulk"},
}

// nsPrefix returns the prefix of ORCID's namespace uri, or "".
func nsPrefix(uri string) string {
	for _, ns := range namespaces {
		if ns.uri == uri {
			return ns.prefix
		}
	}
	return ""
}

// WriteXML writes r as an ORCID API v3.0 record in XML: an XML declaration,
// then the record element, with ORCID's namespace prefixes declared on it,
// indented by two spaces, and a final newline. The output validates against
// ORCID's record-3.0.xsd when r came from [Export]. It does not write
// r.Works; see [Record.WriteWorksXML]. Errors are those of w.
func (r *Record) WriteXML(w io.Writer) error {
	return writeXML(w, r)
}

// WriteWorksXML writes r.Works, the full works, as ORCID's bulk element
// (bulk-3.0.xsd), in the form of [Record.WriteXML]. Each work has the
// put-code of its summary in the record.
func (r *Record) WriteWorksXML(w io.Writer) error {
	return writeXML(w, &bulk{Works: r.Works})
}

// WriteJSON writes r as an ORCID API v3.0 record in the public API's JSON:
// kebab-case keys, {"value": …} wrappers where ORCID uses them, absent
// elements left out, indented by two spaces, with a final newline. It does
// not write r.Works; see [Record.WriteWorksJSON]. Errors are those of w.
func (r *Record) WriteJSON(w io.Writer) error {
	return writeJSON(w, r)
}

// WriteWorksJSON writes r.Works as the public API's JSON for a bulk of
// works, {"bulk": [{"work": …}, …]}, in the form of [Record.WriteJSON].
func (r *Record) WriteWorksJSON(w io.Writer) error {
	return writeJSON(w, bulk{Works: r.Works})
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("orcid: %w", err)
	}
	return nil
}

// writeXML marshals v, whose elements are in ORCID's namespaces, and
// writes it again with ORCID's prefixes: encoding/xml writes a default
// xmlns on every element instead.
func writeXML(w io.Writer, v any) error {
	plain, err := xml.Marshal(v)
	if err != nil {
		return fmt.Errorf("orcid: %w", err)
	}
	var toks []xml.Token
	used := make(map[string]bool)
	dec := xml.NewDecoder(bytes.NewReader(plain))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("orcid: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if nsPrefix(t.Name.Space) == "" {
				return fmt.Errorf("orcid: element %s is in namespace %q, which is not ORCID's", t.Name.Local, t.Name.Space)
			}
			used[t.Name.Space] = true
		case xml.CharData:
			tok = t.Copy()
		}
		toks = append(toks, tok)
	}

	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	root := true
	for _, tok := range toks {
		switch t := tok.(type) {
		case xml.StartElement:
			var attrs []xml.Attr
			if root {
				for _, ns := range namespaces {
					if used[ns.uri] {
						attrs = append(attrs, xml.Attr{Name: xml.Name{Local: "xmlns:" + ns.prefix}, Value: ns.uri})
					}
				}
				root = false
			}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				attrs = append(attrs, a)
			}
			tok = xml.StartElement{Name: prefixed(t.Name), Attr: attrs}
		case xml.EndElement:
			tok = xml.EndElement{Name: prefixed(t.Name)}
		}
		if err := enc.EncodeToken(tok); err != nil {
			return fmt.Errorf("orcid: %w", err)
		}
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("orcid: %w", err)
	}
	buf.WriteByte('\n')
	_, err = w.Write(buf.Bytes())
	return err
}

// prefixed returns n as a prefixed name without a namespace, such as
// common:title, for an encoder that writes names as given.
func prefixed(n xml.Name) xml.Name {
	return xml.Name{Local: nsPrefix(n.Space) + ":" + n.Local}
}
