package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// preCommitHook is a hook of .pre-commit-hooks.yaml, with the keys of
// pre-commit's manifest that it may use.
type preCommitHook struct {
	ID, Name, Description, Entry, Language string
	Files, Exclude                         string
	Types                                  []string
	Args                                   []string
	PassFilenames                          *bool  `yaml:"pass_filenames"`
	RequireSerial                          bool   `yaml:"require_serial"`
	AlwaysRun                              bool   `yaml:"always_run"`
	MinimumPreCommitVersion                string `yaml:"minimum_pre_commit_version"`
}

func readHooks(t *testing.T) map[string]preCommitHook {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []preCommitHook
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	out := map[string]preCommitHook{}
	for _, h := range hooks {
		out[h.ID] = h
	}
	return out
}

// preCommitRepo is a repository of maps: one with errors in debates/, a
// broken map in testdata/ (left out), another tool's TOML file.
func preCommitRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{"pyproject.toml": "[tool.x]\na = 1\n", "README.md": "maps\n"}
	for _, name := range []string{"debate.toml", "mexico.toml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "e2e", "broken", name))
		if err != nil {
			t.Fatal(err)
		}
		files["debates/"+name] = string(data)
		files["testdata/"+name] = string(data)
	}
	writeTree(t, dir, files, nil)
	return dir
}

// hookFiles returns the files of dir that pre-commit passes to h: those
// that its files pattern matches and its exclude pattern does not.
func hookFiles(t *testing.T, h preCommitHook, dir string) []string {
	t.Helper()
	files, exclude := regexp.MustCompile(h.Files), regexp.MustCompile("^$")
	if h.Exclude != "" {
		exclude = regexp.MustCompile(h.Exclude)
	}
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if err == nil && !d.IsDir() && files.MatchString(rel) && !exclude.MatchString(rel) {
			out = append(out, rel)
		}
		return err
	})
	return out
}

// TestPreCommitHooks installs argmap as pre-commit's golang language does
// (go install ./... in the repository, GOPATH its own, GOBIN unset) and
// runs each hook's entry and args on the files pre-commit would pass it.
func TestPreCommitHooks(t *testing.T) {
	hooks := readHooks(t)
	if len(hooks) != 2 {
		t.Fatalf("hooks %v, want argmap-check and argmap-check-all", hooks)
	}
	gopath := t.TempDir()
	install := exec.Command("go", "install", "./...")
	install.Dir = repoRoot
	cache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOBIN=") {
			install.Env = append(install.Env, kv)
		}
	}
	install.Env = append(install.Env, "GOPATH="+gopath, "GOMODCACHE="+strings.TrimSpace(string(cache)), "GOFLAGS=-modcacherw")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install ./...: %v\n%s", err, out)
	}
	dir := preCommitRepo(t)
	for _, id := range []string{"argmap-check", "argmap-check-all"} {
		h := hooks[id]
		if h.Language != "golang" || h.Entry != "argmap check" || !h.RequireSerial || h.Description == "" {
			t.Errorf("%s: %+v", id, h)
		}
		args := slices.Clone(h.Args)
		if h.PassFilenames == nil || *h.PassFilenames {
			files := hookFiles(t, h, dir)
			if !slices.Equal(files, []string{"debates/debate.toml", "debates/mexico.toml", "pyproject.toml"}) {
				t.Errorf("%s runs on %q", id, files)
			}
			args = append(args, files...)
		} else if len(hookFiles(t, h, dir)) == 0 {
			t.Errorf("%s does not run when a map changes", id)
		}
		entry := strings.Fields(h.Entry)
		cmd := exec.Command(filepath.Join(gopath, "bin", entry[0]), append(entry[1:], args...)...)
		cmd.Dir = dir
		r, _ := runArgmap(t, cmd)
		// The seven errors of debates/, none of testdata/, and a note for pyproject.toml.
		if r.code != 1 || strings.Count(r.stdout, ": error[") != 7 || strings.Contains(r.stdout, "testdata") ||
			!strings.Contains(r.stderr, "pyproject.toml (the file of another tool)") {
			t.Errorf("%s: %s", id, r)
		}
	}
}

// TestPreCommit runs pre-commit itself (Debian's package pre-commit) with
// the hooks of this checkout: pre-commit try-repo builds them as it would
// from a release and runs them on a repository with errors, then without.
func TestPreCommit(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI needs pre-commit (Debian package pre-commit)")
		}
		t.Skip("no pre-commit (Debian package pre-commit)")
	}
	if testing.Short() {
		t.Skip("builds argmap")
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	dir := preCommitRepo(t)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", "-A")
	cache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	env := append(os.Environ(), "PRE_COMMIT_HOME="+t.TempDir(), "GOMODCACHE="+strings.TrimSpace(string(cache)),
		"GOFLAGS=-modcacherw", "GOPROXY=off", "NO_COLOR=1")
	// Without a hook's id, try-repo runs every hook of the repository.
	run := func() (string, int) {
		cmd := exec.Command("pre-commit", "try-repo", root, "--all-files", "--color=never")
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if exit, ok := err.(*exec.ExitError); ok {
			return string(out), exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), 0
	}
	out, code := run()
	if code != 1 || !strings.Contains(out, "argmap check") || strings.Count(out, "Failed") != 2 || strings.Count(out, ": error[") != 14 {
		t.Errorf("pre-commit with errors: exit status %d\n%s", code, out)
	}
	// Fixed: the map's files replaced by one that is fine.
	writeTree(t, dir, map[string]string{"debates/debate.toml": "[arguments.a]\nclaim = \"A.\"\n", "debates/mexico.toml": "[arguments.b]\nclaim = \"B.\"\nattacks = [\"c\"]\n[arguments.c]\nclaim = \"C.\"\n"}, nil)
	git("add", "-A")
	if out, code := run(); code != 0 || strings.Count(out, "Passed") != 2 {
		t.Errorf("pre-commit without errors: exit status %d\n%s", code, out)
	}
}
