//go:build unix

package remote

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/argmap/argmap/internal/ownership"
)

// Listen listens at socket for [Serve], unless another server does. It
// holds a lock on socket+".lock" (which records its process id) until the
// listener is closed, so that two servers never share a socket; the
// socket's directory must be one that only the user may enter (see
// [Socket]): when the lock is taken, it returns [ErrRunning]. A socket file
// left by a server that died is replaced, and the sockets and locks that
// servers of other builds left in the directory are removed. Closing the
// listener removes the socket and the lock file.
func Listen(socket string) (net.Listener, error) {
	dir := filepath.Dir(socket)
	if !private(dir) {
		return nil, fmt.Errorf("graphviz server: %s is not a directory that only its owner may enter", dir)
	}
	lock, err := acquire(socket + ".lock")
	if err != nil {
		return nil, err
	}
	os.Remove(socket)
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: socket, Net: "unix"})
	if err != nil {
		release(lock)
		return nil, fmt.Errorf("graphviz server: %w", err)
	}
	ln.SetUnlinkOnClose(true)
	if err := lock.Truncate(0); err == nil {
		lock.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	removeStale(dir, socket)
	return &lockedListener{UnixListener: ln, lock: lock}, nil
}

// acquire creates (or opens) the lock file name and locks it, or returns
// [ErrRunning] if another process holds the lock. A server that ends
// removes its lock file while it holds the lock: a process that opened the
// file before then and locks it after holds a lock on a file no longer
// there, which guards nothing, so acquire checks that the file it locked
// is still the one at name, and otherwise tries again.
func acquire(name string) (*os.File, error) {
	for range 100 {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o600)
		if err != nil {
			return nil, fmt.Errorf("graphviz server: %w", err)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, ErrRunning
			}
			return nil, fmt.Errorf("graphviz server: locking %s: %w", name, err)
		}
		held, err1 := f.Stat()
		there, err2 := os.Lstat(name)
		if err1 == nil && err2 == nil && os.SameFile(held, there) {
			return f, nil
		}
		f.Close()
	}
	return nil, fmt.Errorf("graphviz server: could not lock %s: it keeps being replaced", name)
}

// release removes the lock file, then unlocks it (in that order: see
// acquire).
func release(lock *os.File) {
	os.Remove(lock.Name())
	lock.Close()
}

// removeStale removes the sockets and lock files of servers that no longer
// run (killed, or of a build of argmap since replaced) from dir, except
// those of the socket own: each under its lock, so that a server that
// starts meanwhile is never left without its socket.
func removeStale(dir, own string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	seen := map[string]bool{own: true}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "server-") {
			continue
		}
		socket := filepath.Join(dir, strings.TrimSuffix(name, ".lock"))
		if !strings.HasSuffix(socket, ".sock") || seen[socket] {
			continue
		}
		seen[socket] = true
		lock, err := acquire(socket + ".lock")
		if err != nil {
			continue // a server runs there
		}
		os.Remove(socket)
		release(lock)
	}
}

// lockedListener releases its lock when closed.
type lockedListener struct {
	*net.UnixListener
	lock *os.File
	once sync.Once
}

// Close removes the socket, then the lock file, and releases the lock.
// Serve closes its listener more than once, from more than one goroutine.
func (l *lockedListener) Close() error {
	err := l.UnixListener.Close()
	l.once.Do(func() { release(l.lock) })
	return err
}

// private reports whether dir is a directory of the effective user's that
// no one else may enter, and that no one else can replace: each directory
// above it, on its path as given and with links resolved, belongs to the
// effective user or to root and is writable by no one else, unless it is
// sticky (as /tmp is), where no one may rename or remove what is not
// theirs. (The effective user, not the real one, is who the server runs
// as, and whose files it trusts.)
func private(dir string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return false
	}
	euid := os.Geteuid()
	st, err := os.Stat(real)
	if err != nil || !st.IsDir() || st.Mode().Perm()&0o077 != 0 {
		return false
	}
	if uid, ok := ownership.Owner(st); !ok || uid != euid {
		return false
	}
	for _, p := range [...]string{abs, real} {
		for d := filepath.Dir(p); ; d = filepath.Dir(d) {
			st, err := os.Lstat(d)
			if err != nil {
				return false
			}
			// A link is checked where it leads, on the resolved path.
			if st.Mode()&os.ModeSymlink == 0 && ownership.AncestorProblem(st) != "" {
				return false
			}
			if d == filepath.Dir(d) {
				break
			}
		}
	}
	return true
}
