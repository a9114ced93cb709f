package arguments

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRootKeysEnd(t *testing.T) {
	long := strings.Repeat("x", 10_000)
	tests := []struct {
		name, text, want string
	}{
		{"no table", "include = [\"a.toml\"]\n", "include = [\"a.toml\"]\n"},
		{"keys then a table", "title = \"T\"\ninclude = [\"a.toml\"]\n[arguments.a]\nclaim = \"A\"\n", "title = \"T\"\ninclude = [\"a.toml\"]\n"},
		{"an indented header", "# c\n  [arguments.a]\n", "# c\n"},
		{"an array of tables", "[[relations]]\nfrom = \"a\"\n", ""},
		{"a long line first", "description = \"" + long + "[\"\n[arguments.a]\n", "description = \"" + long + "[\"\n"},
		{"no newline at the end", "include = []", "include = []"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := rootKeysEnd(bufio.NewReader(strings.NewReader(tt.text)))
			if got := tt.text[:n]; got != tt.want {
				t.Errorf("root keys %q, want %q", got, tt.want)
			}
		})
	}
}

// TestMayInclude checks the filter that spares the owner search from
// parsing the files beside a file checked alone: a file is parsed only if
// its root keys mention include.
func TestMayInclude(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"root.toml":    "title = \"Root\"\ninclude = [\"part.toml\"]\n[arguments.a]\nclaim = \"A\"\n",
		"other.toml":   "[arguments.b]\nclaim = \"It does not include anything.\"\nnote = \"include\"\n",
		"comment.toml": "# no include here\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]bool{"root.toml": true, "other.toml": false, "comment.toml": true}
	l := &Loader{}
	for name, may := range want {
		if got := l.mayInclude(filepath.Join(dir, name)); got != may {
			t.Errorf("mayInclude(%s) = %v, want %v", name, got, may)
		}
	}
	if got := (&Loader{}).mayInclude(filepath.Join(dir, "missing.toml")); got {
		t.Error("mayInclude of a missing file = true")
	}
}
