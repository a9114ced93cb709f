//go:build unix

package arguments

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadNotRegular checks that FIFOs and devices, named, found below a
// directory or included, are refused without being opened for long: a
// FIFO without a writer would block, /dev/zero never ends.
func TestLoadNotRegular(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.toml"), 0o644); err != nil {
		t.Skip(err)
	}
	writeFiles(t, dir, map[string]string{
		"root.toml":     "include = [\"fifo.toml\"]\n" + validMap,
		"dev/root.toml": "include = ['/dev/zero']\n" + validMap,
	})
	l := &Loader{IncludeRoot: "/"}
	for path, want := range map[string][]string{
		"fifo.toml": {"fifo.toml: error[read-error]: cannot read fifo.toml: not a regular file"},
		"root.toml": {"root.toml:1:12: error[read-error]: cannot read fifo.toml: not a regular file"},
		"/dev/zero": {"/dev/zero: error[read-error]: cannot read /dev/zero: not a regular file"},
		"dev":       {"dev/root.toml:1:12: error[read-error]: cannot read /dev/zero: not a regular file"},
		".": {
			"dev/root.toml:1:12: error[read-error]: cannot read /dev/zero: not a regular file",
			"root.toml:1:12: error[read-error]: cannot read fifo.toml: not a regular file",
		},
	} {
		_, diags := l.LoadPaths([]string{path})
		var got []string
		for _, d := range diags {
			got = append(got, d.Error())
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("LoadPaths(%s):\n%s\nwant:\n%s", path, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
