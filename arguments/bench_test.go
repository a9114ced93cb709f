package arguments_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/mapgen"
)

// BenchmarkCheck measures what argmap check does with one map — read,
// decode, index, validate — at three sizes, beside BenchmarkDecode, the
// floor: a bare toml.DecodeFile of the same file into a map[string]any.
// bench/check.sh compares the two as whole processes.
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 50_000} {
		path := benchMap(b, n)
		b.Run(fmt.Sprintf("args=%d", n), func(b *testing.B) {
			b.SetBytes(fileSize(b, path))
			b.ReportAllocs()
			for b.Loop() {
				l := &arguments.Loader{}
				_, diags := l.LoadPaths([]string{path})
				if len(diags) != 0 {
					b.Fatalf("generated map has problems: %v", diags[0])
				}
			}
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 50_000} {
		path := benchMap(b, n)
		b.Run(fmt.Sprintf("args=%d", n), func(b *testing.B) {
			b.SetBytes(fileSize(b, path))
			b.ReportAllocs()
			for b.Loop() {
				var m map[string]any
				if _, err := toml.DecodeFile(path, &m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchMap writes the generated map of n arguments into a temporary file.
func benchMap(b *testing.B, n int) string {
	b.Helper()
	var buf bytes.Buffer
	if err := mapgen.Write(&buf, n, 1); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), fmt.Sprintf("map-%d.toml", n))
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

func fileSize(b *testing.B, path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return info.Size()
}

// BenchmarkMissingIncludes measures a map that includes n files that do not
// exist, in a directory of 2,000 other maps: each missing include gets a
// did-you-mean from the directory's names, which must be listed once per
// load, not once per include.
func BenchmarkMissingIncludes(b *testing.B) {
	dir := b.TempDir()
	for i := range 2_000 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("part-%d.toml", i)), nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, n := range []int{500, 2_000, 8_000} {
		var buf bytes.Buffer
		buf.WriteString("include = [")
		for i := range n {
			fmt.Fprintf(&buf, "%q, ", fmt.Sprintf("missing-%d.toml", i))
		}
		buf.WriteString("]\n[arguments.a]\nclaim = \"a\"\n")
		path := filepath.Join(dir, fmt.Sprintf("root-%d.toml", n))
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("includes=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l := &arguments.Loader{}
				if _, diags := l.Load(path); len(diags) < n {
					b.Fatalf("%d diagnostics for %d missing includes", len(diags), n)
				}
			}
		})
	}
}
