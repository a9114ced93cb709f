//go:build unix

package remote

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// Listen listens at socket for [Serve], unless another server does. It
// holds a lock on socket+".lock" (which records its process id) until the
// listener is closed, so that two servers never share a socket; the
// socket's directory must be one that only the user may enter (see [Socket]): when the
// lock is taken, it returns [ErrRunning]. A socket file left by a server
// that died is replaced. Closing the listener removes the socket.
func Listen(socket string) (net.Listener, error) {
	if !private(filepath.Dir(socket)) {
		return nil, fmt.Errorf("graphviz server: %s is not a directory that only its owner may enter", filepath.Dir(socket))
	}
	lock, err := os.OpenFile(socket+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("graphviz server: %w", err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrRunning
		}
		return nil, fmt.Errorf("graphviz server: locking %s: %w", lock.Name(), err)
	}
	os.Remove(socket)
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: socket, Net: "unix"})
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("graphviz server: %w", err)
	}
	ln.SetUnlinkOnClose(true)
	if err := lock.Truncate(0); err == nil {
		lock.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &lockedListener{ln, lock}, nil
}

// lockedListener releases its lock when closed.
type lockedListener struct {
	*net.UnixListener
	lock *os.File
}

func (l *lockedListener) Close() error {
	err := l.UnixListener.Close()
	l.lock.Close()
	return err
}

// private reports whether dir is a directory of this user's that no one
// else may enter.
func private(dir string) bool {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() || st.Mode().Perm()&0o077 != 0 {
		return false
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	return ok && int(sys.Uid) == os.Getuid()
}
