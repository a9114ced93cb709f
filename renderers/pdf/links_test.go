package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
)

// notesFixture is the drawing of renderers/dot/testdata/notes.dot: notes,
// and a list of sources of which two addresses are links.
func notesFixture(t *testing.T) (*drawing.Drawing, *fonts.Set) {
	t.Helper()
	data, err := os.ReadFile("../drawing/testdata/notes.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := drawing.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	return d, fs
}

var linkAnnot = regexp.MustCompile(`(\d+) 0 obj\n<< /Type /Annot /Subtype /Link /Rect \[([-\d. ]+)\] /Border \[0 0 0\] /A << /Type /Action /S /URI /URI \(([^)]*)\) >> >>`)

// TestLinks checks that each text with a link is covered by a link
// annotation with its address, listed by the page.
func TestLinks(t *testing.T) {
	d, fs := notesFixture(t)
	doc := string(write(t, d, fs, Options{}))
	var uris, refs []string
	for _, m := range linkAnnot.FindAllStringSubmatch(doc, -1) {
		refs = append(refs, m[1]+" 0 R")
		uris = append(uris, m[3])
		var r [4]float64
		for i, f := range strings.Fields(m[2]) {
			r[i], _ = strconv.ParseFloat(f, 64)
		}
		// Over the text as drawn: its width at 8 points, a line high.
		if w, want := r[2]-r[0], fs.Regular.Width(m[3], 8); w < want-0.01 || w > want+0.01 {
			t.Errorf("link to %s is %g wide, its text %g", m[3], w, want)
		}
		if h := r[3] - r[1]; h < 8 || h > 10 || r[0] < 0 || r[1] < 0 || r[2] > d.Width || r[3] > d.Height {
			t.Errorf("link to %s at %v, on a page of %g × %g", m[3], r, d.Width, d.Height)
		}
	}
	want := []string{"https://www.reuters.com/world/americas/", "https://www.un.org/en/about-us/un-charter/chapter-7"}
	if !slices.Equal(uris, want) {
		t.Errorf("link annotations to %q, want %q", uris, want)
	}
	if !strings.Contains(doc, "/Annots ["+strings.Join(refs, " ")+"] >>") {
		t.Errorf("the page does not list the annotations %v", refs)
	}
	// A drawing without links has no annotations.
	plain, _ := fixture(t)
	if strings.Contains(string(write(t, plain, fs, Options{})), "/Annots") {
		t.Error("a drawing without links has annotations")
	}
}

func TestURIString(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a?b=1&c=2": "(https://example.org/a?b=1&c=2)",
		"https://example.org/(x)\\y":    `(https://example.org/\(x\)\\y)`,
		"https://example.org/café x":    "(https://example.org/caf%C3%A9%20x)",
		"https://example.org/\x01":      "(https://example.org/%01)",
	} {
		if got := uriString(in); got != want {
			t.Errorf("uriString(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestNotesText reads the notes, sources, quotes and addresses back with
// poppler, which must also find the links.
func TestNotesText(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian package poppler-utils)", tool)
		}
	}
	d, fs := notesFixture(t)
	name := filepath.Join(t.TempDir(), "notes.pdf")
	if err := os.WriteFile(name, write(t, d, fs, Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", name, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{
		"NOTES", "1 The map's conclusion: everything else bears on it.", "2 Sheinbaum's words, at a press conference.",
		"3 Self-defence under Article 51 needs an armed attack.", "4 Article 2(4) prohibits the strike unless an exception applies.",
		"5 Is Sarukhán an expert in the law of self-defence?",
		"SOURCES", "[1] Reuters, 2025-02-25 https://www.reuters.com/world/americas/ “could legally justify more aggressive countermeasures” (designation)",
		"[4] Press conference of President Sheinbaum javascript:alert(1) “The people of Mexico will not, under any circumstances, accept intervention”",
		"[5] Charter of the United Nations, Art. 51 https://www.un.org/en/about-us/un-charter/chapter-7",
		"strike · [1, 2]",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext: no %q in\n%s", want, text)
		}
	}
	info, err := exec.Command("pdfinfo", "-url", name).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo -url: %v\n%s", err, info)
	}
	for _, want := range []string{"https://www.reuters.com/world/americas/", "https://www.un.org/en/about-us/un-charter/chapter-7"} {
		if !strings.Contains(string(info), "Annotation    "+want+"\n") {
			t.Errorf("pdfinfo -url: no link to %s in\n%s", want, info)
		}
	}
	if strings.Contains(string(info), "javascript") {
		t.Errorf("pdfinfo -url: a javascript: link\n%s", info)
	}
}
