package dot

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/renderers/fonts"
)

func TestBreakUnspaced(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"Charter", []string{"Charter"}},
		{"well-known", []string{"well-known"}}, // not at hyphens: only unspaced scripts break inside words
		{"联合国宪章", []string{"联", "合", "国", "宪", "章"}},
		// No break before a closing mark nor after an opening one.
		{"武力，或", []string{"武", "力，", "或"}},
		{"《宪章》第", []string{"《宪", "章》", "第"}},
		// Kana: no break before a small kana or the prolonged sound mark.
		{"ショート", []string{"ショー", "ト"}},
	}
	for _, tt := range tests {
		if got := breakUnspaced(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("breakUnspaced(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// scriptsFonts is the fonts with the CJK fallback CI installs, or skips.
func scriptsFonts(t *testing.T) *fonts.Set {
	t.Helper()
	const droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	if _, err := os.Stat(droid); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs %s (Debian package fonts-droid-fallback)", droid)
		}
		t.Skipf("no %s", droid)
	}
	fs, err := fonts.LoadOptions(fonts.Options{Files: []string{droid}})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestScripts writes a map with claims in Chinese, Japanese, Arabic,
// Russian and Greek: Chinese and Japanese lines break between ideographs
// and fit the measure, every box holds its lines as the renderers set
// them, fallback faces included, and the Arabic claim is right-aligned and
// marked right to left.
func TestScripts(t *testing.T) {
	fs := scriptsFonts(t)
	m := load(t, filepath.Join("testdata", "scripts.toml"))
	out := write(t, m, Options{Fonts: fs})
	nodes := regexp.MustCompile(`(?m)^\t+"([^"]+)" \[.* width=([0-9.]+).*\n\t+label=<(.*)>\]$`).FindAllStringSubmatch(out, -1)
	if len(nodes) != len(m.Arguments) {
		t.Fatalf("%d nodes, want %d", len(nodes), len(m.Arguments))
	}
	font := regexp.MustCompile(`<FONT POINT-SIZE="([0-9.]+)" COLOR="[^"]+">(<B>)?([^<]*)`)
	for _, n := range nodes {
		boxWidth, _ := strconv.ParseFloat(n[2], 64)
		boxWidth *= 72
		rows := strings.Split(n[3], `</TR>`)
		claimLines := 0
		for _, row := range rows {
			width := 0.0
			for _, f := range font.FindAllStringSubmatch(row, -1) {
				size, _ := strconv.ParseFloat(f[1], 64)
				width += fs.Width(unescape(f[3]), f[2] != "", size)
				if size == claimSize {
					claimLines++
				}
			}
			if width+2*padX > boxWidth+0.01 {
				t.Errorf("%s: line %.60q is %.2f pt wide, the box %.2f pt", n[1], row, width, boxWidth)
			}
			if width > claimWidth+0.01 {
				t.Errorf("%s: line wider than the measure (%.2f pt): %.60q", n[1], width, row)
			}
		}
		if (n[1] == "zh" || n[1] == "ja") && claimLines < 3 {
			t.Errorf("%s: the claim is set in %d lines: not broken between ideographs?", n[1], claimLines)
		}
		if n[1] == "ar" {
			if !strings.Contains(n[3], `<TD ALIGN="RIGHT"`) || !strings.Contains(n[3], rlm) {
				t.Errorf("ar: the claim is not right-aligned and marked right to left: %s", n[3])
			}
		} else if strings.Contains(n[3], `ALIGN="RIGHT"`) {
			t.Errorf("%s: right-aligned", n[1])
		}
	}
	if m := fs.Missing(); len(m) > 0 {
		t.Errorf("missing %q", string(m))
	}
}
