//go:build unix

package outfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

var drawing = []byte("<svg>new drawing</svg>\n")

// noTemporary fails the test if dir holds a temporary file.
func noTemporary(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestWriteFile writes to every kind of node that can be at the name and
// checks what is there afterwards.
func TestWriteFile(t *testing.T) {
	tests := []struct {
		name string
		// setup makes the node in dir and returns the name to write to.
		setup func(t *testing.T, dir string) string
		// check checks dir afterwards.
		check func(t *testing.T, dir string)
		err   string // what the error says, "" for none
	}{{
		name:  "new file",
		setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "out.svg") },
		check: func(t *testing.T, dir string) {
			if got := readFile(t, filepath.Join(dir, "out.svg")); got != string(drawing) {
				t.Errorf("out.svg holds %q", got)
			}
		},
	}, {
		name: "regular file, keeping its mode past the umask",
		setup: func(t *testing.T, dir string) string {
			name := filepath.Join(dir, "out.svg")
			writeMode(t, name, "old", 0o606) // the usual umask 022 would make 0604
			return name
		},
		check: func(t *testing.T, dir string) {
			name := filepath.Join(dir, "out.svg")
			if got := readFile(t, name); got != string(drawing) {
				t.Errorf("out.svg holds %q", got)
			}
			if st, _ := os.Stat(name); st.Mode() != 0o606 {
				t.Errorf("out.svg's mode is %v, want -rw----rw-", st.Mode())
			}
		},
	}, {
		name: "symbolic link to a file, through another, relative",
		setup: func(t *testing.T, dir string) string {
			mkdir(t, filepath.Join(dir, "docs"))
			writeMode(t, filepath.Join(dir, "docs", "map.svg"), "old", 0o644)
			symlink(t, "map.svg", filepath.Join(dir, "docs", "current.svg"))
			symlink(t, "docs/current.svg", filepath.Join(dir, "link.svg"))
			return filepath.Join(dir, "link.svg")
		},
		check: func(t *testing.T, dir string) {
			isLink(t, filepath.Join(dir, "link.svg"), "docs/current.svg")
			isLink(t, filepath.Join(dir, "docs", "current.svg"), "map.svg")
			if got := readFile(t, filepath.Join(dir, "docs", "map.svg")); got != string(drawing) {
				t.Errorf("the link's target holds %q", got)
			}
			noTemporary(t, filepath.Join(dir, "docs"))
		},
	}, {
		name: "dangling symbolic link: its target is created",
		setup: func(t *testing.T, dir string) string {
			symlink(t, "new.svg", filepath.Join(dir, "link.svg"))
			return filepath.Join(dir, "link.svg")
		},
		check: func(t *testing.T, dir string) {
			isLink(t, filepath.Join(dir, "link.svg"), "new.svg")
			if got := readFile(t, filepath.Join(dir, "new.svg")); got != string(drawing) {
				t.Errorf("the link's target holds %q", got)
			}
		},
	}, {
		name: "symbolic link into no directory",
		setup: func(t *testing.T, dir string) string {
			symlink(t, "nowhere/new.svg", filepath.Join(dir, "link.svg"))
			return filepath.Join(dir, "link.svg")
		},
		check: func(t *testing.T, dir string) { isLink(t, filepath.Join(dir, "link.svg"), "nowhere/new.svg") },
		err:   "link.svg: the symbolic link leads to " + "DIR/nowhere/new.svg, in no directory",
	}, {
		name: "symbolic link loop",
		setup: func(t *testing.T, dir string) string {
			symlink(t, "b", filepath.Join(dir, "a"))
			symlink(t, "a", filepath.Join(dir, "b"))
			return filepath.Join(dir, "a")
		},
		check: func(t *testing.T, dir string) { isLink(t, filepath.Join(dir, "a"), "b") },
		err:   "a: too many levels of symbolic links",
	}, {
		name: "directory",
		setup: func(t *testing.T, dir string) string {
			mkdir(t, filepath.Join(dir, "out"))
			return filepath.Join(dir, "out")
		},
		check: func(t *testing.T, dir string) {
			if entries, _ := os.ReadDir(filepath.Join(dir, "out")); len(entries) != 0 {
				t.Errorf("the directory holds %v", entries)
			}
		},
		err: "out: it is a directory",
	}, {
		name: "socket",
		setup: func(t *testing.T, dir string) string {
			name := filepath.Join(dir, "sock")
			ln, err := net.Listen("unix", name)
			if err != nil {
				t.Skip(err)
			}
			ln.(*net.UnixListener).SetUnlinkOnClose(false)
			t.Cleanup(func() { ln.Close() })
			return name
		},
		check: func(t *testing.T, dir string) {
			if st, err := os.Lstat(filepath.Join(dir, "sock")); err != nil || st.Mode()&fs.ModeSocket == 0 {
				t.Errorf("the socket was replaced: %v, %v", st.Mode(), err)
			}
		},
		err: "sock: it is a socket",
	}, {
		name: "character device",
		setup: func(t *testing.T, dir string) string {
			// A node of /dev/null's own device, so that a failure
			// damages no node of the system's.
			name := filepath.Join(dir, "null")
			if err := syscall.Mknod(name, syscall.S_IFCHR|0o666, int(mkdev(1, 3))); err != nil {
				t.Skipf("cannot make a device node (not root?): %v", err)
			}
			if f, err := os.OpenFile(name, os.O_WRONLY, 0); err != nil {
				t.Skipf("cannot open a device node here (nodev?): %v", err)
			} else {
				f.Close()
			}
			return name
		},
		check: func(t *testing.T, dir string) {
			st, err := os.Lstat(filepath.Join(dir, "null"))
			if err != nil || st.Mode()&fs.ModeCharDevice == 0 {
				t.Errorf("the device was replaced: %v, %v", st.Mode(), err)
			}
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			name := tt.setup(t, dir)
			err := WriteFile(context.Background(), name, drawing)
			want := strings.ReplaceAll(tt.err, "DIR", dir)
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("WriteFile: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), want)):
				t.Errorf("WriteFile: %v, want an error ending %q", err, want)
			}
			tt.check(t, dir)
			noTemporary(t, dir)
		})
	}
}

// TestFIFO writes to a FIFO that a reader reads: straight, leaving the FIFO
// in place.
func TestFIFO(t *testing.T) {
	name := mkfifo(t)
	got := make(chan string)
	go func() {
		data, _ := os.ReadFile(name)
		got <- string(data)
	}()
	if err := WriteFile(context.Background(), name, drawing); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != string(drawing) {
		t.Errorf("the reader read %q", s)
	}
	if st, err := os.Lstat(name); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v, %v", st.Mode(), err)
	}
	noTemporary(t, filepath.Dir(name))
}

// TestFIFOCancelled checks that a cancelled context ends the wait for a
// FIFO's reader, and a write that the reader does not read.
func TestFIFOCancelled(t *testing.T) {
	t.Run("no reader", func(t *testing.T) {
		name := mkfifo(t)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error)
		go func() {
			f, err := Create(ctx, name)
			if err == nil {
				f.Abort()
			}
			done <- err
		}()
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("Create: %v, want context.Canceled", err)
		}
		// Let the abandoned open end.
		if r, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
			r.Close()
		}
	})
	t.Run("stalled reader", func(t *testing.T) {
		name := mkfifo(t)
		r := make(chan *os.File)
		go func() {
			f, _ := os.Open(name)
			r <- f
		}()
		ctx, cancel := context.WithCancel(context.Background())
		f, err := Create(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		defer (<-r).Close()
		done := make(chan error)
		go func() {
			// More than a pipe holds, and no one reads it.
			_, err := f.Write(make([]byte, 4<<20))
			done <- err
		}()
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("Write: %v, want context.Canceled", err)
		}
		if err := f.Commit(); err == nil {
			t.Errorf("Commit after a failed write succeeded")
		}
	})
}

// TestProc writes to files named by /proc/self/fd, as /dev/stdout is: a
// pipe, and a regular file that is open, which is written in place (at its
// end) rather than replaced.
func TestProc(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd")
	}
	t.Run("pipe", func(t *testing.T) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		got := make(chan string)
		go func() {
			data, _ := io.ReadAll(r)
			got <- string(data)
		}()
		err = WriteFile(context.Background(), fmt.Sprintf("/proc/self/fd/%d", w.Fd()), drawing)
		w.Close()
		if err != nil {
			t.Fatal(err)
		}
		if s := <-got; s != string(drawing) {
			t.Errorf("the pipe's reader read %q", s)
		}
	})
	t.Run("open file", func(t *testing.T) {
		dir := t.TempDir()
		name := filepath.Join(dir, "log")
		writeMode(t, name, "before\n", 0o644)
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		before, _ := f.Stat()
		if err := WriteFile(context.Background(), fmt.Sprintf("/proc/self/fd/%d", f.Fd()), drawing); err != nil {
			t.Fatal(err)
		}
		after, err := os.Stat(name)
		if err != nil || !os.SameFile(before, after) {
			t.Errorf("the open file was replaced")
		}
		if got := readFile(t, name); got != "before\n"+string(drawing) {
			t.Errorf("the file holds %q", got)
		}
		noTemporary(t, dir)
	})
}

// TestCancelled checks that an output whose context is done before Commit
// leaves the name as it was, and no temporary file.
func TestCancelled(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.svg")
	writeMode(t, name, "old", 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	f, err := Create(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	if _, err := f.Write(drawing); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := f.Commit(); !errors.Is(err, context.Canceled) {
		t.Errorf("Commit: %v, want context.Canceled", err)
	}
	if got := readFile(t, name); got != "old" {
		t.Errorf("out.svg holds %q", got)
	}
	noTemporary(t, dir)

	// Aborted before any write, as a failed render is.
	f, err = Create(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	f.Abort()
	f.Abort() // again, as a deferred Abort after an explicit one
	if got := readFile(t, name); got != "old" {
		t.Errorf("out.svg holds %q", got)
	}
	noTemporary(t, dir)
}

// TestProtectedSymlink checks that a link that another user put in a
// sticky directory that anyone can write is not followed.
func TestProtectedSymlink(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root, to make a link owned by another user")
	}
	dir := t.TempDir()
	shared := filepath.Join(dir, "tmp")
	mkdir(t, shared)
	if err := os.Chmod(shared, 0o777|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(dir, "victim")
	writeMode(t, victim, "precious", 0o644)
	link := filepath.Join(shared, "out.svg")
	symlink(t, victim, link)
	if err := os.Lchown(link, 12345, 12345); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(context.Background(), link, drawing)
	if err == nil || !strings.Contains(err.Error(), "owned by another user (uid 12345)") {
		t.Errorf("WriteFile: %v, want a refusal", err)
	}
	if got := readFile(t, victim); got != "precious" {
		t.Errorf("the link's target was written: %q", got)
	}
	// The user's own link there is followed.
	if err := os.Lchown(link, 0, 0); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(context.Background(), link, drawing); err != nil {
		t.Errorf("WriteFile through one's own link: %v", err)
	}
}

// TestOwnerKept checks that root replacing a user's file gives it back to
// the user.
func TestOwnerKept(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root")
	}
	name := filepath.Join(t.TempDir(), "out.svg")
	writeMode(t, name, "old", 0o644)
	if err := os.Chown(name, 12345, 12346); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(context.Background(), name, drawing); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if s := st.Sys().(*syscall.Stat_t); s.Uid != 12345 || s.Gid != 12346 {
		t.Errorf("owner %d:%d, want 12345:12346", s.Uid, s.Gid)
	}
}

func writeMode(t *testing.T, name, content string, perm fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, perm); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, name string) {
	t.Helper()
	if err := os.Mkdir(name, 0o755); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

func isLink(t *testing.T, name, target string) {
	t.Helper()
	if got, err := os.Readlink(name); err != nil || got != target {
		t.Errorf("%s is no longer a link to %s: %q, %v", filepath.Base(name), target, got, err)
	}
}

func mkfifo(t *testing.T) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(name, 0o600); err != nil {
		t.Skip(err)
	}
	return name
}

// mkdev is Linux's makedev, for the device numbers of mknod.
func mkdev(major, minor uint64) uint64 {
	return (major&0xfff)<<8 | (major&^0xfff)<<32 | minor&0xff | (minor&^0xff)<<12
}
