package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestBuildVersionString(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"go install @v1.2.3", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}, Settings: settings("GOOS", "linux", "GOARCH", "arm64")},
			"argmap version v1.2.3\nbuilt with go1.26.8 for linux/arm64\n"},
		{"a clean checkout", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20260102030405-51f7390c8a1e"},
			Settings: settings("GOOS", "darwin", "GOARCH", "amd64", "vcs", "git", "vcs.revision", "51f7390c8a1e2b5c0a4f1d7e9b3c6a8d0e2f4a6b", "vcs.time", "2026-01-02T03:04:05Z", "vcs.modified", "false")},
			"argmap version v0.0.0-20260102030405-51f7390c8a1e\ncommit 51f7390c8a1e2b5c0a4f1d7e9b3c6a8d0e2f4a6b (2026-01-02T03:04:05Z)\nbuilt with go1.26.8 for darwin/amd64\n"},
		{"a checkout with changes", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3+dirty"},
			Settings: settings("vcs.revision", "51f7390c8a1e2b5c0a4f1d7e9b3c6a8d0e2f4a6b", "vcs.time", "2026-01-02T03:04:05Z", "vcs.modified", "true")},
			"argmap version v1.2.3+dirty\ncommit 51f7390c8a1e2b5c0a4f1d7e9b3c6a8d0e2f4a6b (2026-01-02T03:04:05Z, with uncommitted changes)\nbuilt with go1.26.8\n"},
		{"go build -buildvcs=false", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: settings("GOOS", "linux", "GOARCH", "amd64")},
			"argmap version devel\nbuilt with go1.26.8 for linux/amd64\n"},
		{"no build information", nil, "argmap version devel\n"},
	}
	for _, tt := range tests {
		if got := readBuildVersion(tt.info).String(); got != tt.want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

// cloneCheckout returns a clone of this checkout's last commit: a tree
// with a .git directory, as CI and GoReleaser build in (the go command
// records no commit in a Git worktree, whose .git is a file).
func cloneCheckout(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("not a Git checkout")
	}
	clone := filepath.Join(t.TempDir(), "argmap")
	if out, err := exec.Command("git", "clone", "-q", "--depth=1", "file://"+filepath.ToSlash(root), clone).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	return clone
}

func gitOutput(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).Output()
	if err != nil {
		t.Fatalf("git %v: %v", args, err)
	}
	return strings.TrimSpace(string(out))
}

// versionLines runs bin --version and returns its lines.
func versionLines(t *testing.T, bin string) []string {
	t.Helper()
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("%s --version: %v", bin, err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

// TestReleaseBuild builds this platform's archive with release/build.sh,
// in a clone, and checks it: the files GoReleaser's archives hold, a
// checksum, a static binary (no interpreter, no shared library), and a
// --version that names the clone's commit. Then it builds the clone with
// a change and checks that --version says so.
func TestReleaseBuild(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the static check reads ELF")
	}
	if testing.Short() {
		t.Skip("builds argmap twice")
	}
	clone := cloneCheckout(t)
	dist := t.TempDir()
	target := runtime.GOOS + "/" + runtime.GOARCH
	build := exec.Command("bash", "release/build.sh", target)
	build.Dir = clone
	build.Env = append(os.Environ(), "DIST="+dist)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("release/build.sh %s: %v\n%s", target, err, out)
	}
	archive := "argmap_" + runtime.GOOS + "_" + runtime.GOARCH + ".tar.gz"
	data, err := os.ReadFile(filepath.Join(dist, archive))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if sums, _ := os.ReadFile(filepath.Join(dist, "checksums.txt")); string(sums) != hex.EncodeToString(sum[:])+"  "+archive+"\n" {
		t.Errorf("checksums.txt is %q", sums)
	}
	bin := filepath.Join(t.TempDir(), "argmap")
	names := untar(t, data, "argmap", bin)
	if want := []string{"argmap", "README.md", "docs/argmap.1", "renderers/graphviz/NOTICE", "renderers/fonts/LICENSE"}; !slices.Equal(names, want) {
		t.Errorf("%s holds %q, want %q", archive, names, want)
	}
	checkStatic(t, bin)

	rev := gitOutput(t, clone, "rev-parse", "HEAD")
	when := gitOutput(t, clone, "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%dT%H:%M:%SZ")
	lines := versionLines(t, bin)
	if len(lines) != 3 || !regexp.MustCompile(`^argmap version v\d+\.\d+\.\d+\S*$`).MatchString(lines[0]) ||
		!strings.Contains(lines[0], rev[:12]) && !strings.HasSuffix(lines[0], " "+gitTag(clone)) ||
		lines[1] != "commit "+rev+" ("+when+")" || lines[2] != "built with "+runtime.Version()+" for "+target {
		t.Errorf("argmap --version of the release build:\n%s\nwant the module version of commit %s, the commit and %s", strings.Join(lines, "\n"), rev, runtime.Version())
	}

	// A change not committed: the version says so.
	readme := filepath.Join(clone, "README.md")
	if err := os.WriteFile(readme, []byte("changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dirty := filepath.Join(t.TempDir(), "argmap")
	gobuild := exec.Command("go", "build", "-trimpath", "-buildvcs=true", "-o", dirty, "./cmd/argmap")
	gobuild.Dir = clone
	gobuild.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := gobuild.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	lines = versionLines(t, dirty)
	if len(lines) != 3 || !strings.HasSuffix(lines[0], "+dirty") || lines[1] != "commit "+rev+" ("+when+", with uncommitted changes)" {
		t.Errorf("argmap --version of a build with a change:\n%s", strings.Join(lines, "\n"))
	}
}

// gitTag is the tag at the clone's HEAD, or "".
func gitTag(clone string) string {
	out, _ := exec.Command("git", "-C", clone, "describe", "--tags", "--exact-match").Output()
	return strings.TrimSpace(string(out))
}

// untar returns the names in a .tar.gz archive, in order, and writes the
// file called name to dst.
func untar(t *testing.T, data []byte, name, dst string) []string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		if h.Name == name {
			f, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY, 0o755)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(f, tr); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
	}
	return names
}

// checkStatic fails unless the ELF binary at bin is statically linked: no
// program interpreter (ld.so) and no shared library needed, so that it
// runs on any Linux, with or without glibc.
func checkStatic(t *testing.T, bin string) {
	t.Helper()
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Errorf("%s has a program interpreter: it is linked dynamically", bin)
		}
	}
	if libs, err := f.ImportedLibraries(); err != nil || len(libs) > 0 {
		t.Errorf("%s needs shared libraries %q (%v)", bin, libs, err)
	}
}

// TestGoInstallVersion installs argmap as users do, go install
// github.com/argmap/argmap/cmd/argmap@VERSION, from the module proxy made
// by moduleProxy, and checks that --version names that version.
func TestGoInstallVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds argmap")
	}
	env := moduleProxy(t)
	gobin := t.TempDir()
	install := exec.Command("go", "install", "-trimpath", "github.com/argmap/argmap/cmd/argmap@"+fakeVersion)
	install.Dir = t.TempDir() // outside any module
	install.Env = append(env, "GOBIN="+gobin, "CGO_ENABLED=0")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install: %v\n%s", err, out)
	}
	bin := filepath.Join(gobin, "argmap")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	got := strings.Join(versionLines(t, bin), "\n")
	want := "argmap version " + fakeVersion + "\nbuilt with " + runtime.Version() + " for " + runtime.GOOS + "/" + runtime.GOARCH
	if got != want {
		t.Errorf("argmap --version after go install @%s:\n%s\nwant\n%s", fakeVersion, got, want)
	}
}

// TestGoReleaserConfig keeps .goreleaser.yaml and release/build.sh alike:
// the same targets, build flags, archive names and files.
func TestGoReleaserConfig(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Version int
		Builds  []struct {
			Main, Binary string
			Env, Flags   []string
			Ldflags      []string
			Goos, Goarch []string
		}
		Archives []struct {
			NameTemplate    string `yaml:"name_template"`
			Formats         []string
			FormatOverrides []struct {
				Goos    string
				Formats []string
			} `yaml:"format_overrides"`
			Files []string
		}
		Checksum struct {
			NameTemplate string `yaml:"name_template"`
			Algorithm    string
		}
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join(repoRoot, "release", "build.sh"))
	if err != nil {
		t.Fatal(err)
	}
	shArray := func(name string) []string {
		m := regexp.MustCompile(`(?m)^\s*` + name + `=\(([^)]*)\)`).FindSubmatch(script)
		if m == nil {
			t.Fatalf("release/build.sh sets no %s", name)
		}
		return strings.Fields(string(m[1]))
	}
	if cfg.Version != 2 || len(cfg.Builds) != 1 || len(cfg.Archives) != 1 {
		t.Fatalf("want version 2, one build and one archive: %+v", cfg)
	}
	b, a := cfg.Builds[0], cfg.Archives[0]
	var targets []string
	for _, goos := range b.Goos {
		for _, goarch := range b.Goarch {
			targets = append(targets, goos+"/"+goarch)
		}
	}
	slices.Sort(targets)
	shTargets := shArray("all_targets")
	slices.Sort(shTargets)
	if !slices.Equal(targets, shTargets) {
		t.Errorf("GoReleaser builds %q, release/build.sh %q", targets, shTargets)
	}
	if b.Main != "./cmd/argmap" || b.Binary != "argmap" || !slices.Contains(b.Env, "CGO_ENABLED=0") ||
		!slices.Equal(b.Flags, []string{"-trimpath", "-buildvcs=true"}) || !slices.Equal(b.Ldflags, []string{"-s -w"}) {
		t.Errorf("GoReleaser's build is not release/build.sh's: %+v", b)
	}
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath -buildvcs=true -ldflags='-s -w'", "argmap_${goos}_${goarch}", "checksums.txt", "zip", "tar.gz"} {
		if !strings.Contains(string(script), want) {
			t.Errorf("release/build.sh has no %q", want)
		}
	}
	if a.NameTemplate != "{{ .ProjectName }}_{{ .Os }}_{{ .Arch }}" || !slices.Equal(a.Formats, []string{"tar.gz"}) ||
		len(a.FormatOverrides) != 1 || a.FormatOverrides[0].Goos != "windows" || !slices.Equal(a.FormatOverrides[0].Formats, []string{"zip"}) {
		t.Errorf("GoReleaser's archives are not named as release/build.sh's: %+v", a)
	}
	if !slices.Equal(a.Files, shArray("files")) {
		t.Errorf("GoReleaser's archives hold %q, release/build.sh's %q", a.Files, shArray("files"))
	}
	if cfg.Checksum.NameTemplate != "checksums.txt" || cfg.Checksum.Algorithm != "sha256" {
		t.Errorf("checksum: %+v", cfg.Checksum)
	}
	// goreleaser check, where GoReleaser is installed (CI does not install it).
	if _, err := exec.LookPath("goreleaser"); err == nil {
		check := exec.Command("goreleaser", "check")
		check.Dir = repoRoot
		if out, err := check.CombinedOutput(); err != nil {
			t.Errorf("goreleaser check: %v\n%s", err, out)
		}
	}
}
