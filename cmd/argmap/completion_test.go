package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/internal/clidoc"
)

// These tests walk argmap's own command definitions, so that a command or
// flag added later is covered without a change here: every command and
// flag must complete in bash and fish and appear in the zsh script and the
// manual page, and the values completed must be those the commands accept.

// setUpApp returns argmap's App as it is when it runs: with its help
// command and flags.
func setUpApp(t *testing.T) *cli.App {
	t.Helper()
	app := newApp(io.Discard, io.Discard)
	app.Setup()
	return app
}

// visibleCommands returns the commands and flags that argmap help lists:
// a command's names, and its flags' spellings ("--format", "-f").
func visibleCommands(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, c := range setUpApp(t).VisibleCommands() {
		var flags []string
		for _, f := range c.VisibleFlags() {
			for _, n := range f.Names() {
				flags = append(flags, dashedName(n))
			}
		}
		if !c.HideHelp && !slices.Contains(flags, "--help") {
			flags = append(flags, "--help", "-h")
		}
		out[c.Name] = flags
	}
	if len(out) < 10 {
		t.Fatalf("only %d commands: %v", len(out), out)
	}
	return out
}

func dashedName(n string) string {
	if len([]rune(n)) == 1 {
		return "-" + n
	}
	return "--" + n
}

func completionScript(t *testing.T, shell string) string {
	t.Helper()
	stdout, stderr, code := runInProcess(t, "completion", shell)
	if code != 0 || stderr != "" {
		t.Fatalf("argmap completion %s: exit status %d, %s", shell, code, stderr)
	}
	return stdout
}

// completionDir is a directory with a map, another file and a directory,
// to complete names in.
func completionDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"map.toml": "[arguments.a]\nclaim = \"A.\"\n", "notes.txt": "", "sub/x.toml": ""}, nil)
	return dir
}

// A query is a command line to complete: the words, the last one being
// completed, and the candidates expected, in any order.
type query struct {
	words []string
	want  []string
}

// queries are the command lines that both bash and fish must complete as
// expected: every command name, every command's every flag, and the words
// of every flag whose values are words, from argmap's own definitions.
func queries(t *testing.T) []query {
	t.Helper()
	app := setUpApp(t)
	p := describe(app)
	var names []string
	for _, c := range app.VisibleCommands() {
		names = append(names, c.Names()...)
	}
	qs := []query{
		{[]string{"argmap", ""}, names},
		{[]string{"argmap", "--"}, []string{"--help", "--version"}},
		{[]string{"argmap", "help", ""}, names},
		{[]string{"argmap", "completion", ""}, []string{"bash", "zsh", "fish"}},
		// Files and directories: maps for check, any file for solve -f, directories for --include-root.
		{[]string{"argmap", "check", ""}, []string{"map.toml", "sub/"}},
		{[]string{"argmap", "solve", "-f", ""}, []string{"map.toml", "notes.txt", "sub/"}},
		{[]string{"argmap", "check", "--include-root", ""}, []string{"sub/"}},
		{[]string{"argmap", "check", "sub/"}, []string{"sub/x.toml"}},
		// A command's name as an argument is no command.
		{[]string{"argmap", "render", "check", "--th"}, []string{"--theme"}},
	}
	for name, flags := range visibleCommands(t) {
		var long []string
		for _, f := range flags {
			if strings.HasPrefix(f, "--") {
				long = append(long, f)
			}
		}
		qs = append(qs, query{[]string{"argmap", name, "--"}, long})
	}
	for _, c := range p.Commands {
		for _, f := range c.Flags {
			if f.Values.Kind != clidoc.Words {
				continue
			}
			for _, s := range f.Spellings() {
				qs = append(qs, query{[]string{"argmap", c.Name, s, ""}, f.Values.Words})
			}
			// --flag=value, and a prefix.
			long := "--" + f.Names[0]
			qs = append(qs, query{[]string{"argmap", c.Name, long + "=" + f.Values.Words[0]}, []string{long + "=" + f.Values.Words[0]}})
		}
	}
	return qs
}

func TestBashCompletion(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	dir := completionDir(t)
	script := filepath.Join(t.TempDir(), "argmap.bash")
	if err := os.WriteFile(script, []byte(completionScript(t, "bash")), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("bash", "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
	qs := queries(t)
	// One bash runs every query: bash splits "--flag=value" at "=", as
	// COMP_WORDBREAKS says, so the driver does too.
	var driver strings.Builder
	fmt.Fprintf(&driver, "source %s\n", shellQuote(script))
	driver.WriteString(`q() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _argmap; printf '%s\x1f' "${COMPREPLY[@]}"; printf '\n'; }` + "\n")
	for _, q := range qs {
		words := q.words
		last := words[len(words)-1]
		if flag, value, ok := strings.Cut(last, "="); ok && strings.HasPrefix(flag, "-") {
			words = append(slices.Clone(words[:len(words)-1]), flag, "=", value)
		}
		var quoted []string
		for _, w := range words {
			quoted = append(quoted, shellQuote(w))
		}
		driver.WriteString("q " + strings.Join(quoted, " ") + "\n")
	}
	cmd := exec.Command("bash", "--norc", "--noprofile", "-c", driver.String())
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(qs) {
		t.Fatalf("%d answers to %d queries:\n%s", len(lines), len(qs), out)
	}
	for i, q := range qs {
		got := strings.Split(strings.TrimSuffix(lines[i], "\x1f"), "\x1f")
		if lines[i] == "" {
			got = nil
		}
		// bash shows a directory with a slash, which its candidate lacks.
		want := slices.Clone(q.want)
		for j := range want {
			want[j] = strings.TrimSuffix(want[j], "/")
		}
		// bash completes the value alone after "--flag=", which it split.
		if last := q.words[len(q.words)-1]; strings.Contains(last, "=") && strings.HasPrefix(last, "-") {
			want = []string{last[strings.Index(last, "=")+1:]}
		}
		checkCandidates(t, "bash", q.words, got, want)
	}
}

func TestFishCompletion(t *testing.T) {
	if _, err := exec.LookPath("fish"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI needs fish (Debian package fish)")
		}
		t.Skip("no fish (Debian package fish)")
	}
	dir := completionDir(t)
	script := filepath.Join(t.TempDir(), "argmap.fish")
	if err := os.WriteFile(script, []byte(completionScript(t, "fish")), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("fish", "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("fish -n: %v\n%s", err, out)
	}
	qs := queries(t)
	var driver strings.Builder
	fmt.Fprintf(&driver, "source %s\n", fishQuoted(script))
	for _, q := range qs {
		fmt.Fprintf(&driver, "complete -C %s; echo '\x1e'\n", fishQuoted(strings.Join(q.words, " ")))
	}
	cmd := exec.Command("fish", "--no-config", "-c", driver.String())
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("fish: %v\n%s", err, stderr.String())
	}
	answers := strings.Split(string(out), "\x1e\n")
	if len(answers) != len(qs)+1 {
		t.Fatalf("%d answers to %d queries:\n%s", len(answers)-1, len(qs), out)
	}
	for i, q := range qs {
		var got []string
		for _, line := range strings.Split(strings.TrimSuffix(answers[i], "\n"), "\n") {
			if line != "" {
				cand, _, _ := strings.Cut(line, "\t")
				got = append(got, cand)
			}
		}
		checkCandidates(t, "fish", q.words, got, q.want)
	}
}

// checkCandidates compares the candidates a shell offered with those
// expected, in any order; long flags expected must all be there, and
// nothing else may be.
func checkCandidates(t *testing.T, shell string, words, got, want []string) {
	t.Helper()
	got, want = slices.Clone(got), slices.Clone(want)
	slices.Sort(got)
	got = slices.Compact(got)
	slices.Sort(want)
	want = slices.Compact(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s completes %q as\n  %q\nwant\n  %q", shell, strings.Join(words, " "), got, want)
	}
}

func TestZshCompletion(t *testing.T) {
	script := completionScript(t, "zsh")
	if _, err := exec.LookPath("zsh"); err == nil {
		if out, err := exec.Command("zsh", "-n", "-c", script).CombinedOutput(); err != nil {
			t.Fatalf("zsh -n: %v\n%s", err, out)
		}
	} else if os.Getenv("CI") != "" {
		t.Fatal("CI needs zsh (Debian package zsh)")
	}
	// Each command has its case in _argmap, with every flag, and its line in
	// _argmap_commands.
	for name, flags := range visibleCommands(t) {
		re := regexp.MustCompile(`(?ms)^  \('` + regexp.QuoteMeta(name) + `'[^)]*\)\n(.*?)^    ;;$`)
		m := re.FindStringSubmatch(script)
		if m == nil {
			t.Errorf("zsh: no case for %s", name)
			continue
		}
		for _, f := range flags {
			if !regexp.MustCompile(`'` + regexp.QuoteMeta(f) + `[=+]?'`).MatchString(m[1]) {
				t.Errorf("zsh: %s %s is not completed:\n%s", name, f, m[1])
			}
		}
		if !strings.Contains(script, "\n    '"+name+":") {
			t.Errorf("zsh: %s is not in _argmap_commands", name)
		}
	}
	if !strings.Contains(script, ":FORMAT:(text json github sarif)'") {
		t.Errorf("zsh: check --format's values are not completed")
	}
}

func TestCompletionUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"completion"}, "completion needs a shell: argmap completion SHELL, with SHELL one of bash, zsh, fish"},
		{[]string{"completion", "tcsh"}, `unknown shell "tcsh": use one of bash, zsh, fish`},
		{[]string{"completion", "bash", "zsh"}, "completion takes one shell, not 2 arguments"},
		{[]string{"man", "x"}, "man takes no arguments"},
	}
	for _, tt := range tests {
		stdout, stderr, code := runInProcess(t, tt.args...)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, tt.want) {
			t.Errorf("argmap %v: exit status %d, stdout %q, stderr %q; want 2 and %q", tt.args, code, stdout, stderr, tt.want)
		}
	}
}

// valuesList is how argmap's usage errors list the values a flag takes:
// "use one of text, json", "use text or json", "known: grounded, ...",
// "want supported-secondary, deductive, necessary or ignore".
var valuesList = regexp.MustCompile(`(?:use one of|use|known:|want) ([\w.-]+(?:(?:, | or |, or )[\w.-]+)+)\s*$`)

// listedValues returns the values a usage error lists, or nil.
func listedValues(stderr string) []string {
	line, _, _ := strings.Cut(stderr, "\n")
	m := valuesList.FindStringSubmatch(line)
	if m == nil {
		return nil
	}
	return strings.FieldsFunc(strings.NewReplacer(", or ", ",", " or ", ",", ", ", ",").Replace(m[1]), func(r rune) bool { return r == ',' })
}

// TestCompletionValues keeps flagValues in step with what the commands
// accept: each word completed for a flag is accepted by the command, a
// value that is none of them is refused, and a value that a command's
// usage error lists and that the command accepts is completed. A flag
// that completes no words, given a wrong value, must not answer with a
// list of the values it takes: it would then be missing from flagValues.
func TestCompletionValues(t *testing.T) {
	dir := gradeDir(t)
	// base are the arguments with which each command runs and succeeds, as
	// flag and value pairs, so that the flag being tried can be left out.
	base := map[string][][2]string{
		"check":     {{"", "handout.toml"}},
		"render":    {{"--output", "out.svg"}, {"", "handout.toml"}},
		"export":    {{"--format", "json"}, {"", "handout.toml"}},
		"eval":      {{"", "handout.toml"}},
		"explain":   {{"", "handout.toml"}, {"", "a"}},
		"questions": {{"", "handout.toml"}},
		"grade":     {{"--key", "key.toml"}, {"", "answer.toml"}},
		"solve":     {{"--task", "DC-GR"}, {"--file", "handout.toml"}, {"--argument", "a"}},
	}
	runWith := func(cmdName, flag, value string) result {
		t.Helper()
		args := []string{cmdName, flag + "=" + value}
		pairs, ok := base[cmdName]
		if !ok {
			pairs = [][2]string{{"", "handout.toml"}}
		}
		var positional []string
		for _, p := range pairs {
			switch {
			case p[0] == flag:
			case p[0] == "":
				positional = append(positional, p[1])
			default:
				args = append(args, p[0], p[1])
			}
		}
		if (cmdName == "render" || cmdName == "export") && (flag == "--support" || flag == "--without") {
			args = append(args, "--semantics", "grounded") // which they need
		}
		args = append(append(args, "--"), positional...)
		// A command that takes a wrong value for a good one could run on
		// (argmap serve): it is stopped.
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, argmapBin, args...)
		cmd.Dir = dir
		cmd.Env = renderEnv(t, "")
		r, _ := runArgmap(t, cmd)
		return r
	}
	for _, c := range describe(setUpApp(t)).Commands {
		for _, f := range c.Flags {
			if !f.TakesValue() || c.Name == "serve" && f.Values.Kind != clidoc.Words {
				continue
			}
			flag := "--" + f.Names[0]
			t.Run(c.Name+flag, func(t *testing.T) {
				wrong := runWith(c.Name, flag, "zz-no-such-value")
				listed := listedValues(wrong.stderr)
				if f.Values.Kind != clidoc.Words {
					if wrong.code == exitUsage && listed != nil {
						t.Errorf("argmap %s %s takes one of %q, but completes none: add them to flagValues", c.Name, flag, listed)
					}
					return
				}
				if wrong.code != exitUsage {
					t.Errorf("argmap %s %s=zz-no-such-value: exit status %d, want 2 (a usage error): its values are not the words completed\n%s", c.Name, flag, wrong.code, wrong)
				}
				// A usage error about another flag (solve -a, which only DC
				// and DS tasks take) is no refusal of this one.
				refused := func(r result, value string) bool {
					return r.code == exitUsage && (strings.Contains(r.stderr, flag) || strings.Contains(r.stderr, `"`+value+`"`))
				}
				for _, w := range f.Values.Words {
					if r := runWith(c.Name, flag, w); refused(r, w) {
						t.Errorf("argmap %s %s=%s, a value it completes, is refused:\n%s", c.Name, flag, w, r)
					}
				}
				for _, w := range listed {
					if !slices.Contains(f.Values.Words, w) && !refused(runWith(c.Name, flag, w), w) {
						t.Errorf("argmap %s %s=%s is accepted and listed, but not completed", c.Name, flag, w)
					}
				}
			})
		}
	}
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func fishQuoted(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}
