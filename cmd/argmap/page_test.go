package main

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
)

// pdfPage is what TestRenderPageExamples reads of a page of a PDF.
type pdfPage struct {
	mediaBox string
	scale    float64   // of the matrix that places the drawing
	sizes    []float64 // of its texts, as set (Tf), before the matrix
}

// pdfPages reads the pages of a PDF that argmap wrote: their MediaBox, and
// from their content streams the matrix and the text sizes.
func pdfPages(t *testing.T, doc []byte) []pdfPage {
	t.Helper()
	objects := map[string][]byte{}
	for _, m := range regexp.MustCompile(`(?s)(\d+) 0 obj\n(.*?)\nendobj\n`).FindAllSubmatch(doc, -1) {
		objects[string(m[1])] = m[2]
	}
	stream := func(ref string) string {
		obj := objects[ref]
		m := regexp.MustCompile(`(?s)^<< /Length (\d+) /Filter /FlateDecode[^>]*>>\nstream\n`).FindSubmatch(obj)
		if m == nil {
			t.Fatalf("object %s is not a stream", ref)
		}
		n, _ := strconv.Atoi(string(m[1]))
		r, err := zlib.NewReader(bytes.NewReader(obj[len(m[0]) : len(m[0])+n]))
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	var pages []pdfPage
	pageRe := regexp.MustCompile(`^<< /Type /Page /Parent \d+ 0 R /MediaBox \[([^\]]*)\] .* /Contents (\d+) 0 R(?: /Annots \[[^\]]*\])? >>$`)
	kids := regexp.MustCompile(`/Kids \[([^\]]*)\]`).FindSubmatch(doc)
	if kids == nil {
		t.Fatal("no /Kids")
	}
	for _, ref := range regexp.MustCompile(`(\d+) 0 R`).FindAllSubmatch(kids[1], -1) {
		m := pageRe.FindSubmatch(objects[string(ref[1])])
		if m == nil {
			t.Fatalf("page object %s: %.200s", ref[1], objects[string(ref[1])])
		}
		p := pdfPage{mediaBox: string(m[1]), scale: 1}
		content := stream(string(m[2]))
		if cm := regexp.MustCompile(`([-\d.]+) 0 0 ([-\d.]+) [-\d.]+ [-\d.]+ cm`).FindStringSubmatch(content); cm != nil {
			p.scale, _ = strconv.ParseFloat(cm[1], 64)
			if cm[1] != cm[2] {
				t.Errorf("the matrix %s does not scale alike both ways", cm[0])
			}
		}
		if n := strings.Count(content, " cm\n"); n > 1 {
			t.Errorf("%d matrices on a page", n)
		}
		for _, tf := range regexp.MustCompile(`/F\d+ ([\d.]+) Tf`).FindAllStringSubmatch(content, -1) {
			size, _ := strconv.ParseFloat(tf[1], 64)
			p.sizes = append(p.sizes, size)
		}
		pages = append(pages, p)
	}
	return pages
}

// TestRenderPageExamples is the test: every example drawn with
// --page a4 --fit width is a PDF of A4 pages on which every text is at
// least 7 points, read from the content streams (the size set times the
// page's matrix) and, when poppler is installed, from pdftotext's boxes of
// the words; and the text holds every claim (in the key) and every id.
func TestRenderPageExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot, "examples", "*", "debate.toml"))
	if err != nil || len(files) < 7 {
		t.Fatalf("examples: %v, %v", files, err)
	}
	_, errPoppler := exec.LookPath("pdftotext")
	if errPoppler != nil {
		t.Log("pdftotext not installed (Debian package poppler-utils): the words' sizes are read from the content streams only")
	}
	dir := t.TempDir()
	for _, file := range files {
		name := filepath.Base(filepath.Dir(file))
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(dir, name+".pdf")
			r, _ := argmapRender(t, ".", "", "render", "--page", "a4", "--fit", "width", "-o", out, file)
			if r.code != 0 {
				t.Fatalf("exit %d\n%s", r.code, r)
			}
			doc, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			pages := pdfPages(t, doc)
			smallest := 1000.0
			for i, p := range pages {
				if p.mediaBox != "0 0 595.276 841.89" {
					t.Errorf("page %d: MediaBox [%s], want A4 [0 0 595.276 841.89]", i+1, p.mediaBox)
				}
				for _, s := range p.sizes {
					smallest = min(smallest, s*p.scale)
				}
				if len(p.sizes) == 0 {
					t.Errorf("page %d has no text", i+1)
				}
			}
			if smallest < 7-1e-3 {
				t.Errorf("the smallest text is %.2f points", smallest)
			}
			t.Logf("%d pages, smallest text %.2f pt, scale %.3f", len(pages), smallest, pages[0].scale)
			if errPoppler != nil {
				return
			}
			checkPopplerText(t, out, loadMap(t, file).Arguments)
		})
	}
}

// checkPopplerText reads a PDF with pdftotext: every word's box is at
// least 7 points of DejaVu Sans tall, and the text holds every claim and
// id of args.
func checkPopplerText(t *testing.T, pdf string, args []*arguments.Argument) {
	t.Helper()
	bbox, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	// A word's box is as tall as the font's ascent and descent: 1.164 em
	// in DejaVu Sans.
	word := regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
	words := word.FindAllSubmatch(bbox, -1)
	if len(words) < 100 {
		t.Fatalf("pdftotext finds %d words", len(words))
	}
	for _, w := range words {
		y0, _ := strconv.ParseFloat(string(w[1]), 64)
		y1, _ := strconv.ParseFloat(string(w[2]), 64)
		if size := (y1 - y0) / 1.164; size < 7-0.02 {
			t.Errorf("pdftotext: %q is %.2f points", w[3], size)
		}
	}
	raw, err := exec.Command("pdftotext", "-raw", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -raw: %v", err)
	}
	text := strings.Join(strings.Fields(string(raw)), " ")
	for _, a := range args {
		if claim := strings.Join(strings.Fields(a.Claim), " "); !strings.Contains(text, claim) {
			t.Errorf("pdftotext finds no claim %q", claim)
		}
		if !regexp.MustCompile(`\b` + regexp.QuoteMeta(a.ID) + `\b`).MatchString(text) {
			t.Errorf("pdftotext finds no id %s", a.ID)
		}
	}
}

// TestDocsPageFigures keeps the figures that the README shows side by side
// current: the example compact on A4, and as render draws it by default.
// go test ./cmd/argmap -update redraws them.
func TestDocsPageFigures(t *testing.T) {
	for name, args := range map[string][]string{
		"docs/drone-strikes-a4.png":   {"render", "--page", "a4", "--compact", "--dpi", "150", "-f", "png", "examples/drone-strikes/debate.toml"},
		"docs/drone-strikes-full.png": {"render", "--dpi", "100", "-f", "png", "examples/drone-strikes/debate.toml"},
	} {
		r, img := argmapRender(t, repoRoot, "", args...)
		if r.code != 0 {
			t.Fatal(r)
		}
		checkPNG(t, img)
		path := filepath.Join(repoRoot, filepath.FromSlash(name))
		if *update {
			if err := os.WriteFile(path, img, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(img, want) {
			t.Errorf("%s is out of date (argmap %s): go test ./cmd/argmap -update redraws it", name, strings.Join(args, " "))
		}
	}
}
