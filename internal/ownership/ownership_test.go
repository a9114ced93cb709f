//go:build unix

package ownership

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAncestorProblem(t *testing.T) {
	tests := []struct {
		name  string
		mode  os.FileMode
		owner int // -1: the test's own user
		want  string
	}{
		{"private", 0o700, -1, ""},
		{"readable by all", 0o755, -1, ""},
		{"group-writable", 0o775, -1, "others may write to it"},
		{"world-writable", 0o777, -1, "others may write to it"},
		{"world-writable but sticky", 0o777 | os.ModeSticky, -1, ""},
		{"root's", 0o755, 0, ""},
		{"another user's", 0o755, 4242, "it belongs to user 4242"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "d")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			if tt.owner >= 0 {
				if os.Geteuid() != 0 {
					t.Skip("needs root to give a directory away")
				}
				if err := os.Chown(dir, tt.owner, tt.owner); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Chmod(dir, tt.mode); err != nil {
				t.Fatal(err)
			}
			st, err := os.Lstat(dir)
			if err != nil {
				t.Fatal(err)
			}
			got := AncestorProblem(st)
			if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
				t.Errorf("AncestorProblem = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("a symbolic link", func(t *testing.T) {
		link := filepath.Join(t.TempDir(), "link")
		if err := os.Symlink(t.TempDir(), link); err != nil {
			t.Fatal(err)
		}
		st, err := os.Lstat(link)
		if err != nil {
			t.Fatal(err)
		}
		if got := AncestorProblem(st); got != "not a directory" {
			t.Errorf("AncestorProblem of a link = %q, want \"not a directory\"", got)
		}
	})
}
