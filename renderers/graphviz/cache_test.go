package graphviz

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// otherUID is a user that is not the one running the tests.
const otherUID = 4242

// asRoot skips a test that gives files to another user, which only root
// may do.
func asRoot(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" || os.Geteuid() != 0 {
		t.Skip("needs root, to give files to another user")
	}
}

// TestCacheTrust checks which cache trees are used for compiled code: a
// level owned by another user, a symbolic link, a level others may write
// to, or a file of the wrong kind anywhere in the cache makes the whole
// cache refused. Graphviz's former check (the directory itself not
// writable by group or others) accepted every refused case here but
// the group- and other-writable cache directory.
func TestCacheTrust(t *testing.T) {
	asRoot(t)
	// The tree is HOME/.cache/argmap/graphviz/wazero-.../FILE, where
	// FILE stands for compiled code.
	const file = "0123abcd"
	tests := []struct {
		name  string
		setup func(t *testing.T, cache, wazeroDir string) // cache is .../argmap/graphviz
		ok    bool
	}{
		{"private", func(*testing.T, string, string) {}, true},
		{"user cache directory of another user", func(t *testing.T, cache, _ string) {
			chown(t, filepath.Dir(filepath.Dir(cache)), otherUID)
		}, false},
		{"home of another user", func(t *testing.T, cache, _ string) {
			chown(t, filepath.Dir(filepath.Dir(filepath.Dir(cache))), otherUID)
		}, false},
		{"argmap directory of another user", func(t *testing.T, cache, _ string) {
			chown(t, filepath.Dir(cache), otherUID)
		}, false},
		{"cache directory of another user", func(t *testing.T, cache, _ string) {
			chown(t, cache, otherUID)
		}, false},
		{"wazero's directory of another user", func(t *testing.T, _, wz string) {
			chown(t, wz, otherUID)
		}, false},
		{"cache file of another user", func(t *testing.T, _, wz string) {
			chown(t, filepath.Join(wz, file), otherUID)
		}, false},
		{"argmap directory group-writable", func(t *testing.T, cache, _ string) {
			chmod(t, filepath.Dir(cache), 0o770)
		}, false},
		{"cache directory writable by others", func(t *testing.T, cache, _ string) {
			chmod(t, cache, 0o702)
		}, false},
		{"wazero's directory group-writable", func(t *testing.T, _, wz string) {
			chmod(t, wz, 0o720)
		}, false},
		{"cache file group-writable", func(t *testing.T, _, wz string) {
			chmod(t, filepath.Join(wz, file), 0o660)
		}, false},
		{"cache directory a symbolic link", func(t *testing.T, cache, _ string) {
			moveAndLink(t, cache, cache+".real")
		}, false},
		{"wazero's directory a symbolic link", func(t *testing.T, _, wz string) {
			moveAndLink(t, wz, wz+".real")
		}, false},
		{"cache file a symbolic link", func(t *testing.T, _, wz string) {
			moveAndLink(t, filepath.Join(wz, file), filepath.Join(wz, "real"))
		}, false},
		{"cache file a FIFO", func(t *testing.T, _, wz string) {
			mkfifo(t, filepath.Join(wz, "fifo"))
		}, false},
		{"argmap directory a link to another user's", func(t *testing.T, cache, _ string) {
			argmap := filepath.Dir(cache)
			moveAndLink(t, argmap, argmap+".real")
			chown(t, argmap+".real", otherUID)
		}, false},
		{"argmap directory a link owned by another user to one's own", func(t *testing.T, cache, _ string) {
			// The link is followed: what counts is where it leads,
			// which is the user's own.
			argmap := filepath.Dir(cache)
			moveAndLink(t, argmap, argmap+".real")
			if err := os.Lchown(argmap, otherUID, otherUID); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"server socket beside", func(t *testing.T, cache, _ string) {
			l, err := net.Listen("unix", filepath.Join(cache, "server-1.sock"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { l.Close() })
			if err := os.WriteFile(filepath.Join(cache, "server-1.sock.lock"), []byte("1234\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"sticky directory writable by all above", func(t *testing.T, cache, _ string) {
			chmod(t, filepath.Dir(filepath.Dir(filepath.Dir(cache))), 0o777|os.ModeSticky)
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := filepath.Join(t.TempDir(), "home")
			cache := filepath.Join(home, ".cache", "argmap", "graphviz")
			// A first use makes the tree, as argmap render does.
			c, err := openCache(cache)
			if err != nil {
				t.Fatalf("a fresh cache is refused: %v", err)
			}
			c.Close(context.Background())
			for _, d := range []string{home, filepath.Dir(cache), cache} {
				if st, err := os.Stat(d); err != nil || st.Mode().Perm() != 0o700 {
					t.Fatalf("%s: %v, mode %v, want 0700", d, err, st.Mode())
				}
			}
			wz := wazeroDir(t, cache)
			if err := os.WriteFile(filepath.Join(wz, file), []byte("code"), 0o600); err != nil {
				t.Fatal(err)
			}
			tt.setup(t, cache, wz)
			c, err = openCache(cache)
			if c != nil {
				c.Close(context.Background())
			}
			switch {
			case tt.ok && err != nil:
				t.Errorf("refused: %v", err)
			case !tt.ok && err == nil:
				t.Error("used")
			case !tt.ok && !errors.Is(err, errCacheUnsafe):
				t.Errorf("refused for another reason: %v", err)
			}
		})
	}
}

// TestCacheOfAnotherUser checks that an engine whose cache directory
// belongs to another user does without it (and says so), rather than
// run what that user may have put there, and still renders. Graphviz's
// former check used it and wrote compiled code to it.
func TestCacheOfAnotherUser(t *testing.T) {
	asRoot(t)
	if testing.Short() {
		t.Skip("compiles Graphviz without a cache")
	}
	dir := filepath.Join(t.TempDir(), "cache")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	chown(t, dir, otherUID)
	ctx := context.Background()
	e, err := New(ctx, Options{CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close(ctx)
	if err := e.CacheError(); err == nil || !strings.Contains(err.Error(), "belongs to user 4242") {
		t.Errorf("CacheError() = %v, want the cache refused for its owner", err)
	}
	if _, err := e.Render(ctx, []byte(small), "svg"); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the other user's directory was used as the cache: %v", entries)
	}
}

// wazeroDir is the directory wazero keeps its files in, in cache.
func wazeroDir(t *testing.T, cache string) string {
	t.Helper()
	entries, err := os.ReadDir(cache)
	if err != nil || len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), "wazero-") {
		t.Fatalf("no wazero directory in %s: %v %v", cache, entries, err)
	}
	return filepath.Join(cache, entries[0].Name())
}

func chown(t *testing.T, name string, uid int) {
	t.Helper()
	if err := os.Chown(name, uid, uid); err != nil {
		t.Fatal(err)
	}
}

func chmod(t *testing.T, name string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(name, mode); err != nil {
		t.Fatal(err)
	}
}

// moveAndLink moves name to real and puts a symbolic link to it in its
// place.
func moveAndLink(t *testing.T, name, real string) {
	t.Helper()
	if err := os.Rename(name, real); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, name); err != nil {
		t.Fatal(err)
	}
}
