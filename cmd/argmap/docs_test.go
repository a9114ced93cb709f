package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
)

// The documentation is part of the interface: these tests run what the
// README shows and compare, and keep docs/format.md in step with the code.

var repoRoot = filepath.Join("..", "..")

// fencedBlocks returns the fenced code blocks of a Markdown file with the
// given info string.
func fencedBlocks(t *testing.T, path, lang string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, path))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?ms)^```" + lang + "\n(.*?)^```$")
	var blocks []string
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		blocks = append(blocks, m[1])
	}
	if len(blocks) == 0 {
		t.Fatalf("%s has no %s blocks", path, lang)
	}
	return blocks
}

// consoleDocs are the documents whose console blocks TestREADMEConsole runs.
var consoleDocs = []string{"README.md", "docs/exchange.md"}

// TestREADMEConsole runs every "$ argmap ..." line of the console blocks of
// the README and of the guides it points to, from the repository root, and
// compares standard output with the lines that follow it.
func TestREADMEConsole(t *testing.T) {
	for _, doc := range consoleDocs {
		t.Run(doc, func(t *testing.T) { testConsole(t, doc) })
	}
}

func testConsole(t *testing.T, doc string) {
	for _, block := range fencedBlocks(t, doc, "console") {
		lines := strings.SplitAfter(block, "\n")
		for i := 0; i < len(lines); i++ {
			cmdline, ok := strings.CutPrefix(lines[i], "$ argmap ")
			if !ok {
				t.Fatalf("console block line %q is not an argmap command", lines[i])
			}
			var want strings.Builder
			for i+1 < len(lines) && !strings.HasPrefix(lines[i+1], "$ ") {
				i++
				want.WriteString(lines[i])
			}
			args := strings.Fields(cmdline)
			r := argmap(t, repoRoot, args...)
			if r.stdout != want.String() {
				t.Errorf("%s: argmap %s\n--- got\n%s--- %s says\n%s", doc, cmdline, r.stdout, doc, want.String())
			}
		}
	}
}

// TestDocTOML parses every TOML example of the README and the format
// reference: each must be a clean file (its references may point at
// arguments of other files, which Parse does not resolve).
func TestDocTOML(t *testing.T) {
	for _, doc := range []string{"README.md", "docs/format.md"} {
		for i, block := range fencedBlocks(t, doc, "toml") {
			_, diags := arguments.Parse(doc, []byte(block))
			for _, d := range diags {
				t.Errorf("%s, TOML block %d: %s", doc, i+1, d.Error())
			}
		}
	}
}

// TestFormatCodes checks that docs/format.md documents exactly the
// diagnostic codes argmap reports, with their severities.
func TestFormatCodes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "docs", "format.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z0-9-]+)` \\| (error|warning) \\|")
	var documented []string
	for _, m := range row.FindAllStringSubmatch(string(data), -1) {
		documented = append(documented, m[1]+" "+m[2])
	}
	var registered []string
	for _, r := range arguments.Rules() {
		registered = append(registered, r.Code+" "+r.Severity.String())
	}
	slices.Sort(documented)
	slices.Sort(registered)
	if !slices.Equal(documented, registered) {
		t.Errorf("docs/format.md documents\n  %v\nbut argmap reports\n  %v", documented, registered)
	}
}
