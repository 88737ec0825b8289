package site

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
	"github.com/scholarld/scholarld/internal/ldtest"
)

// TestBrowser opens the person page and a publication page in Chromium at
// 390 and 1280 px wide (and at 390 px in dark mode), and checks: no console
// message of error level, no horizontal overflow at 390 px, the JSON-LD read
// from the rendered DOM is the graph the library writes for the page, every
// name, title, date and identifier of that JSON-LD is in the page's visible
// text, and the screenshots are not blank. The screenshots stay in
// $SCREENSHOT_DIR if set, else in a temporary directory.
func TestBrowser(t *testing.T) {
	path := chromium(t)
	d := loadSeed(t)
	srv, dir, s := served(t, d, Options{})
	wk, err := s.newWorker()
	if err != nil {
		t.Fatal(err)
	}
	shots := os.Getenv("SCREENSHOT_DIR")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	const pubID = "solving-hidden-monotone-variational-inequalities"
	personScript, err := wk.personJSONLD(s.personIndex(owner))
	if err != nil {
		t.Fatal(err)
	}
	pubScript, err := wk.pubJSONLD(s.pubIndex(pubID))
	if err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		name, path string
		jsonld     string
	}{
		{"person", s.people[s.personIndex(owner)].path, scriptJSON(t, []byte(personScript))},
		{"publication", s.pubs[s.pubIndex(pubID)].path, scriptJSON(t, []byte(pubScript))},
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.Flag("headless", "new"), chromedp.Flag("disable-gpu", true), chromedp.Flag("hide-scrollbars", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	bctx, cancel = context.WithTimeout(bctx, 2*time.Minute)
	defer cancel()
	if err := chromedp.Do(bctx); err != nil { // start the browser
		t.Fatalf("starting Chromium: %v", err)
	}

	for _, pg := range pages {
		want := ldtest.Canonical(t, ldtest.Dataset(t, []byte(pg.jsonld)))
		for _, view := range []struct {
			width int64
			dark  bool
		}{{390, false}, {1280, false}, {390, true}} {
			name := fmt.Sprintf("%s-%d", pg.name, view.width)
			if view.dark {
				name += "-dark"
			}
			t.Run(name, func(t *testing.T) {
				ctx, cancel := chromedp.NewContext(bctx) // a new tab
				defer cancel()
				var mu sync.Mutex
				var errs []string
				messages := chromedp.Console(ctx)
				go func() {
					for m, err := range messages {
						if err != nil {
							return
						}
						if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
							mu.Lock()
							errs = append(errs, fmt.Sprintf("%s:%d %s", m.URL, m.Line+1, m))
							mu.Unlock()
						}
					}
				}()
				scheme := "light"
				if view.dark {
					scheme = "dark"
				}
				err := chromedp.Do(ctx,
					chromedp.EmulateViewport(view.width, 844),
					func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
						_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
							Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
						})
						return chromedp.Void{}, err
					},
					chromedp.Navigate(srv.URL+"/"+pg.path),
				)
				if err != nil {
					t.Fatal(err)
				}
				overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
				if err != nil {
					t.Fatal(err)
				}
				if overflow && view.width == 390 {
					wide, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).slice(0, 5).map(e => e.tagName + '.' + e.className)`))
					t.Errorf("the page overflows horizontally at 390 px: %v", wide)
				}
				if styled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](styledJS)); err != nil || !styled {
					t.Errorf("the style sheet does not apply (%v)", err)
				}
				jsonld, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('script[type="application/ld+json"]')].map(s => s.textContent)`))
				if err != nil {
					t.Fatal(err)
				}
				if len(jsonld) != 1 {
					t.Fatalf("%d JSON-LD scripts in the DOM, want 1", len(jsonld))
				}
				if diff := cmp.Diff(want, ldtest.Canonical(t, ldtest.Dataset(t, []byte(jsonld[0])))); diff != "" {
					t.Errorf("the DOM's JSON-LD is not the library's graph (-library +dom):\n%s", diff)
				}
				visible, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
				if err != nil {
					t.Fatal(err)
				}
				visible = strings.Join(strings.Fields(visible), " ")
				for _, s := range visibleStrings(t, jsonld[0]) {
					if !strings.Contains(visible, s) {
						t.Errorf("%q is in the JSON-LD but not in the visible text", s)
					}
				}
				shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(shots, name+".png")
				if err := os.WriteFile(file, shot, 0o644); err != nil {
					t.Fatal(err)
				}
				if v := variance(t, shot); v < 100 {
					t.Errorf("%s looks blank: luminance variance %.1f", file, v)
				}
				time.Sleep(100 * time.Millisecond) // let late console messages arrive
				mu.Lock()
				defer mu.Unlock()
				for _, e := range errs {
					t.Errorf("console: %s", e)
				}
			})
		}
	}

	// Opened from the disk, as one previews a site before publishing it,
	// the pages are styled too (a subresource integrity on the style
	// sheet's link kept Chromium from loading it from file:).
	for _, pg := range pages {
		t.Run(pg.name+"-file", func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx)
			defer cancel()
			file := "file://" + filepath.ToSlash(filepath.Join(dir, fileOf(pg.path)))
			if err := chromedp.Do(ctx, chromedp.Navigate(file)); err != nil {
				t.Fatal(err)
			}
			if styled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](styledJS)); err != nil || !styled {
				t.Errorf("%s: the style sheet does not apply (%v)", file, err)
			}
		})
	}
}

// styledJS says whether the theme's style sheet applies to the page: it
// sets the custom property --link.
const styledJS = `getComputedStyle(document.documentElement).getPropertyValue('--link').trim() !== ''`

// variance returns the variance of the luminance of a PNG's pixels.
func variance(t *testing.T, data []byte) float64 {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	b := img.Bounds()
	if b.Dx() < 100 || b.Dy() < 100 {
		t.Fatalf("the screenshot is %v", b.Size())
	}
	var sum, sum2, n float64
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			l := luminance(img, x, y)
			sum += l
			sum2 += l * l
			n++
		}
	}
	mean := sum / n
	return sum2/n - mean*mean
}

func luminance(img image.Image, x, y int) float64 {
	r, g, b, _ := img.At(x, y).RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 257
}
