package site

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"strings"
)

//go:embed theme
var defaultTheme embed.FS

// theme holds the parsed templates of each kind of page.
type theme struct {
	pages map[string]*template.Template // "person", "publication", "index"
	css   template.CSS
}

// themeFile returns a file of the theme: the override's, else the
// embedded one.
func themeFile(over fs.FS, name string) ([]byte, error) {
	if over != nil {
		b, err := fs.ReadFile(over, name)
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("site: template %s: %w", name, err)
		}
	}
	return defaultTheme.ReadFile("theme/" + name)
}

func loadTheme(over fs.FS) (*theme, error) {
	css, err := themeFile(over, "style.css")
	if err != nil {
		return nil, err
	}
	layout, err := themeFile(over, "layout.html")
	if err != nil {
		return nil, err
	}
	th := &theme{pages: map[string]*template.Template{}, css: template.CSS(css)}
	for _, kind := range []string{"person", "publication", "index"} {
		body, err := themeFile(over, kind+".html")
		if err != nil {
			return nil, err
		}
		t, err := template.New("layout.html").Funcs(funcs).Parse(string(layout))
		if err == nil {
			t, err = t.New(kind + ".html").Parse(string(body))
		}
		if err != nil {
			return nil, fmt.Errorf("site: template: %w", err)
		}
		th.pages[kind] = t.Lookup("layout.html")
	}
	return th, nil
}

// trimLines removes the spaces and tabs at the ends of lines, which text
// of the data may leave there: to a reader, and in the attributes of meta
// tags, white space is white space however long.
func trimLines(b []byte) []byte {
	out := b[:0]
	for len(b) > 0 {
		line, rest, found := bytes.Cut(b, []byte("\n"))
		out = append(out, bytes.TrimRight(line, " \t")...)
		if found {
			out = append(out, '\n')
		}
		b = rest
	}
	return out
}

// funcs are the functions templates may call.
var funcs = template.FuncMap{
	"link": httpURL,
}

// httpURL returns u if it is an absolute http or https URL, else "": only
// such URLs become links.
func httpURL(u string) string {
	x, err := url.Parse(u)
	if err != nil || (x.Scheme != "http" && x.Scheme != "https") || x.Host == "" {
		return ""
	}
	return u
}

// rel returns the relative URL from the page at path from to the path to,
// both under the site's root.
func rel(from, to string) string {
	dir := from[:strings.LastIndex(from, "/")+1]
	for dir != "" && !strings.HasPrefix(to, dir) {
		dir = dir[:strings.LastIndex(dir[:len(dir)-1], "/")+1]
	}
	up := strings.Repeat("../", strings.Count(from[len(dir):], "/"))
	r := up + to[len(dir):]
	if first, _, _ := strings.Cut(r, "/"); r == "" || strings.Contains(first, ":") {
		// "./" for the page itself, and before a path whose first
		// segment would read as a URL's scheme ("javascript:x/").
		return "./" + r
	}
	return r
}
