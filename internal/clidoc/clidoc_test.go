package clidoc

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// odd is a program whose names, words and texts hold every character that
// the shells and roff give a meaning to: the scripts must still parse, and
// complete each word as it is.
var odd = &Program{
	Name:        "odd-prog",
	Usage:       `does 'quoted' "things" [with] brackets: colons \ backslashes`,
	Description: ".starts with a dot\n'starts with a quote\n\n  kept   as is \\n $(not run)\n\nback\\slash -- dashes",
	Flags:       []Flag{{Names: []string{"version", "v"}, Usage: "print `it`"}},
	Commands: []Command{
		{
			Name: "go", Aliases: []string{"g"}, Usage: "run [it]: now", ArgsUsage: "FILE...",
			Flags: []Flag{
				{Names: []string{"mode", "m"}, Usage: "a mode: it's [a] b\\c", Placeholder: "MODE",
					Values: Values{Kind: Words, Words: []string{"plain", "it's", "a b", "x:y", `back\slash`, "$HOME", "(p)", "[s]", "*"}}},
				{Names: []string{"dir"}, Usage: "a directory", Placeholder: "DIR", Values: Values{Kind: Dirs}},
				{Names: []string{"tag"}, Usage: "a tag", Placeholder: "TAG", Repeatable: true},
				{Names: []string{"quiet", "q"}, Usage: "say nothing"},
			},
			Args: Values{Kind: Files, Pattern: "*.toml"},
		},
		{Name: "help", Usage: "help", Args: Values{Kind: CommandNames}},
	},
	Sections: []Section{{Title: "Exit status", Text: "  0  fine\n  1  not"}},
}

var oddWords = odd.Commands[0].Flags[0].Values.Words

func write(t *testing.T, f func(*bytes.Buffer, *Program) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b, odd); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func writeFile(t *testing.T, text string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "script")
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func need(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs %s", tool)
		}
		t.Skipf("no %s", tool)
	}
}

func TestBashOdd(t *testing.T) {
	need(t, "bash")
	script := writeFile(t, write(t, func(b *bytes.Buffer, p *Program) error { return WriteBash(b, p) }))
	driver := fmt.Sprintf(`source '%s'
q() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _odd_prog; printf '%%s\x1f' "${COMPREPLY[@]}"; printf '\n'; }
q odd-prog go --mode ''
q odd-prog g -m "it"
q odd-prog ''
q odd-prog go --
q odd-prog help ''
`, script)
	out, err := exec.Command("bash", "--norc", "-c", driver).CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	want := []string{
		strings.Join(oddWords, "\x1f"),
		"it's",
		"go\x1fg\x1fhelp",
		"--mode\x1f--dir\x1f--tag\x1f--quiet",
		"go\x1fg\x1fhelp",
	}
	got := strings.Split(strings.TrimSuffix(strings.ReplaceAll(string(out), "\x1f\n", "\n"), "\n"), "\n")
	if !slices.Equal(got, want) {
		t.Errorf("bash completes\n%q\nwant\n%q", got, want)
	}
}

func TestZshOdd(t *testing.T) {
	need(t, "zsh")
	script := writeFile(t, write(t, func(b *bytes.Buffer, p *Program) error { return WriteZsh(b, p) }))
	if out, err := exec.Command("zsh", "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("zsh -n: %v\n%s", err, out)
	}
}

func TestFishOdd(t *testing.T) {
	need(t, "fish")
	script := writeFile(t, write(t, func(b *bytes.Buffer, p *Program) error { return WriteFish(b, p) }))
	cmd := exec.Command("fish", "--no-config", "-c", fmt.Sprintf("source '%s'; complete -C 'odd-prog go --mode '", script))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("fish: %v\n%s", err, stderr.String())
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		c, _, _ := strings.Cut(line, "\t")
		got = append(got, c)
	}
	want := slices.Clone(oddWords)
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("fish completes --mode as %q, want %q", got, want)
	}
}

func TestManOdd(t *testing.T) {
	page := write(t, func(b *bytes.Buffer, p *Program) error { return WriteMan(b, p) })
	for _, line := range strings.Split(page, "\n") {
		// Only the page's own requests start with a dot or a quote.
		if strings.HasPrefix(line, "'") || strings.HasPrefix(line, ".") && !strings.HasPrefix(line, `.\"`) &&
			!slices.Contains([]string{".TH", ".SH", ".SS", ".PP", ".TP", ".RS", ".RE", ".nf", ".fi", ".nh", ".ad", ".B"}, strings.Fields(line)[0]) {
			t.Errorf("line %q would be a request", line)
		}
	}
	need(t, "man")
	cmd := exec.Command("man", "--warnings", "-l", writeFile(t, page))
	cmd.Env = append(os.Environ(), "MANWIDTH=100", "MANPAGER=cat", "LANG=C.UTF-8")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("man: %v\n%s", err, stderr.String())
	}
	for _, want := range []string{".starts with a dot", "'starts with a quote", `kept   as is \n $(not run)`, `back\slash -- dashes`,
		`--mode, -m MODE`, `One of: plain, it's, a b, x:y, back\slash, $HOME, (p), [s], *.`, "May be given more than once.", "EXIT STATUS"} {
		if !strings.Contains(strings.Join(strings.Fields(string(out)), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("man shows no %q:\n%s", want, out)
		}
	}
}

func TestQuoting(t *testing.T) {
	tests := []struct {
		f        func(string) string
		in, want string
	}{
		{shQuote, "plain-word_1.toml", "plain-word_1.toml"},
		{shQuote, "it's", `'it'\''s'`},
		{shQuote, "a b", "'a b'"},
		{shQuote, "", "''"},
		{zshEscape, "x:y (z)", `x\:y\ \(z\)`},
		{zshDescription, "a [b] c\\", `a \[b\] c\\`},
		{zshMessage, "HOST:PORT", `HOST\:PORT`},
		{fishQuote, `it's \ ok`, `'it\'s \\ ok'`},
		{roffText, `.a \b -c`, `\&.a \eb \-c`},
		{oneLine, "write to `OUT`\n  now", "write to OUT now"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}
