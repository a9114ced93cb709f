package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// manPage is the page that argmap man prints, which docs/argmap.1 must be.
func manPage(t *testing.T) string {
	t.Helper()
	stdout, stderr, code := runInProcess(t, "man")
	if code != 0 || stderr != "" {
		t.Fatalf("argmap man: exit status %d, %s", code, stderr)
	}
	return stdout
}

// TestManPage keeps docs/argmap.1 the page of argmap man (go test -update
// rewrites it) and checks that it documents every command and flag.
func TestManPage(t *testing.T) {
	page := manPage(t)
	compareGolden(t, filepath.Join(repoRoot, "docs", "argmap.1"), page)
	for name, flags := range visibleCommands(t) {
		re := regexp.MustCompile(`(?ms)^\.SS ` + regexp.QuoteMeta(roffEscaped(name)) + `(?:,[^\n]*)?\n(.*?)(?:^\.SS |^\.SH )`)
		m := re.FindStringSubmatch(page)
		if m == nil {
			t.Errorf("the manual page has no section for %s", name)
			continue
		}
		for _, f := range flags {
			if !strings.Contains(m[1], `\fB`+roffEscaped(f)+`\fR`) {
				t.Errorf("the manual page does not document %s %s", name, f)
			}
		}
	}
	for _, want := range []string{`.SH "EXIT STATUS"`, `.SH "ENVIRONMENT"`, `\fB\-\-version\fR`} {
		if !strings.Contains(page, want) {
			t.Errorf("the manual page has no %q", want)
		}
	}
}

func roffEscaped(s string) string { return strings.ReplaceAll(s, "-", `\-`) }

// TestManPageRenders formats the page with man (groff) and checks it with
// mandoc's linter, where they are installed (CI installs them).
func TestManPageRenders(t *testing.T) {
	file := filepath.Join(t.TempDir(), "argmap.1")
	if err := os.WriteFile(file, []byte(manPage(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	ran := 0
	if _, err := exec.LookPath("man"); err == nil {
		ran++
		cmd := exec.Command("man", "--warnings", "-l", file)
		cmd.Env = append(os.Environ(), "MANWIDTH=80", "MANPAGER=cat", "PAGER=cat", "LANG=C.UTF-8")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || stderr.Len() > 0 {
			t.Errorf("man -l: %v\n%s", err, stderr.String())
		}
		text := string(out)
		for _, want := range []string{"argmap - check and draw maps", "argmap check [OPTIONS] PATH...", "--include-root DIR", "EXIT STATUS"} {
			if !strings.Contains(text, want) {
				t.Errorf("man shows no %q:\n%.2000s", want, text)
			}
		}
	}
	if _, err := exec.LookPath("mandoc"); err == nil {
		ran++
		out, _ := exec.Command("mandoc", "-T", "lint", "-W", "warning", file).CombinedOutput()
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			// The page has no date, so that it changes only with the commands.
			if line != "" && !strings.Contains(line, "missing date") {
				t.Errorf("mandoc -T lint: %s", line)
			}
		}
	}
	if ran < 2 && os.Getenv("CI") != "" {
		t.Fatal("CI needs man (man-db) and mandoc")
	}
	if ran == 0 {
		t.Skip("neither man nor mandoc is installed")
	}
}
