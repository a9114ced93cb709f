package main

import (
	"bytes"
	stdpng "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// droidFont is the TrueType CJK font CI installs (Debian's
// fonts-droid-fallback, see .ci/run).
const droidFont = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

func needDroid(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(droidFont); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs %s (Debian package fonts-droid-fallback)", droidFont)
		}
		t.Skip("no " + droidFont)
	}
}

// TestRenderScripts draws the example in the official languages of the UN
// (and Japanese) as PNG and PDF with the system's fonts: no warning, and
// pdftotext reads every language back.
func TestRenderScripts(t *testing.T) {
	needDroid(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("no pdftotext")
	}
	dir := t.TempDir()
	example, err := filepath.Abs(filepath.Join(repoRoot, "docs", "examples", "charter-languages.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"charter.png", "charter.pdf"} {
		r, _ := argmapRender(t, dir, "", "render", "-o", out, example)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("%s: %+v", out, r)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "charter.png"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stdpng.Decode(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", filepath.Join(dir, "charter.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Map(func(r rune) rune {
		if r >= 0x202a && r <= 0x202e {
			return -1 // pdftotext's embedding marks around right-to-left text
		}
		return r
	}, string(text))
	got = regexp.MustCompile(`\s+`).ReplaceAllString(got, "")
	for _, want := range []string{"各会员国在其国际关系上", "すべての加盟国は", "يمتنعأعضاءالهيئة", "ВсеЧленыОрганизации", "LesMembresdel'Organisation", "territorialintegrity"} {
		if !strings.Contains(got, want) {
			t.Errorf("pdftotext: no %q in\n%s", want, text)
		}
	}
}

// TestRenderMissingGlyph warns, once, of a character that no font has,
// naming it and what to install; SVG, drawn by the viewer, does not.
func TestRenderMissingGlyph(t *testing.T) {
	dir := t.TempDir()
	mapFile := filepath.Join(dir, "map.toml")
	os.WriteFile(mapFile, []byte("[arguments.a]\nclaim = \"An unassigned character: \U0002fffd, and another: \U0002fffc.\"\n[arguments.b]\nclaim = \"Again \U0002fffd.\"\nattacks = [\"a\"]\n"), 0o644)
	r, _ := argmapRender(t, dir, "", "render", "-o", "map.png", "map.toml")
	if r.code != 0 {
		t.Fatal(r)
	}
	if strings.Count(r.stderr, "warning") != 1 || !strings.Contains(r.stderr, "map.toml: no font has a glyph for 2 characters, drawn as empty boxes") ||
		!strings.Contains(r.stderr, "U+2FFFC–U+2FFFD") || !strings.Contains(r.stderr, "--font FILE") {
		t.Errorf("stderr: %s", r.stderr)
	}
	r, _ = argmapRender(t, dir, "", "render", "-o", "map.svg", "map.toml")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("svg: %+v", r)
	}
}

// TestRenderFontFlag takes CJK characters from --font's file and refuses a
// file that is no font.
func TestRenderFontFlag(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "map.toml"), []byte("[arguments.a]\nclaim = \"联合国宪章\"\nattacks = [\"b\"]\n[arguments.b]\nclaim = \"第二条\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.ttf"), []byte("no font"), 0o644)
	r, _ := argmapRender(t, dir, "", "render", "--font", "bad.ttf", "-o", "map.png", "map.toml")
	if r.code != 2 || !strings.Contains(r.stderr, "--font bad.ttf") || !strings.Contains(r.stderr, "TrueType or OpenType") {
		t.Errorf("a bad font: %+v", r)
	}
	needDroid(t)
	r, _ = argmapRender(t, dir, "", "render", "--font", droidFont, "-o", "map.pdf", "map.toml")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("--font %s: %+v", droidFont, r)
	}
}
