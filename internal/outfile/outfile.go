// Package outfile writes a command's output to the file a user names, as
// the user means it, without damaging what is there.
//
// What is written depends on what the name is:
//
//   - nothing, or a regular file: the output goes to a temporary file in
//     the same directory, renamed over the name only once it is complete
//     (see File.Commit), so that the name is never left half-written and is
//     left as it was if anything fails or the context is cancelled. A
//     replaced file keeps its permissions (and, for root, its owner).
//   - a symbolic link: it is followed, through every link, and what it
//     ends at is written as here (a dangling link creates its target); the
//     link itself is left as it is. A link in a sticky directory that
//     others can write (such as /tmp) is followed only if the user or the
//     directory's owner owns it, as Linux's fs.protected_symlinks does for
//     open: otherwise another user could point it at the user's files.
//   - a FIFO or a character device (a terminal, /dev/null, a pipe named by
//     /dev/fd/N): written straight, as the shell's >> writes it, since
//     renaming a file over it would replace the node rather than write to
//     it.
//   - a directory, a block device or a socket: refused.
package outfile

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// maxLinks is how many symbolic links a name may go through, as Linux's
// limit for a path.
const maxLinks = 40

// A File is an output being written. Write to it, then Commit; Abort (for
// a deferred call, say) undoes an output that was not committed.
type File struct {
	ctx  context.Context
	name string   // as the user named it, for messages
	path string   // what is replaced: name, or the end of its links
	tmp  string   // the temporary file; "" when written straight
	f    *os.File // nil once committed or aborted
	stop func() bool
	err  error // the first write error
}

// Create opens name for output, as the package comment says. A FIFO that
// no one reads blocks it until a reader opens it or ctx is done. Once ctx
// is done, writes fail, and Commit fails and leaves name as it was.
func Create(ctx context.Context, name string) (*File, error) {
	f, err := create(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", name, err)
	}
	// A write blocked on a FIFO whose reader stalls ends when ctx does.
	osf := f.f
	f.stop = context.AfterFunc(ctx, func() { osf.SetWriteDeadline(time.Unix(1, 0)) })
	return f, nil
}

func create(ctx context.Context, name string) (*File, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// What the kernel reaches through every link, /proc's too (whose
	// targets, such as pipe:[123], are no paths).
	st, err := os.Stat(name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, unwrapPath(err)
	}
	if err == nil {
		switch m := st.Mode(); {
		case m.IsDir():
			return nil, errors.New("it is a directory")
		case m&fs.ModeNamedPipe != 0, m&fs.ModeCharDevice != 0:
			return straight(ctx, name, m.Type())
		case m&fs.ModeDevice != 0:
			return nil, errors.New("it is a block device: write to a file, a FIFO or a character device")
		case m&fs.ModeSocket != 0:
			return nil, errors.New("it is a socket: write to a file, a FIFO or a character device")
		case !m.IsRegular():
			return nil, fmt.Errorf("it is not a regular file (%v)", m.Type())
		}
	}
	path, viaProc, err := resolve(name)
	if err != nil {
		return nil, err
	}
	if viaProc && st != nil {
		// A file open in some process, named by /proc (such as
		// /dev/stderr): it is that process's, not to be replaced.
		return straight(ctx, name, 0)
	}
	return atomic(ctx, name, path)
}

// straight opens name as it is, to write to it in place. kind is what Stat
// found there; the node opened must still be of that kind, so that a
// regular file swapped in since is not written over.
func straight(ctx context.Context, name string, kind fs.FileMode) (*File, error) {
	type opened struct {
		f   *os.File
		err error
	}
	// Opening a FIFO waits for a reader: in the background, so that ctx
	// can end the wait.
	ch := make(chan opened, 1)
	go func() {
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
		ch <- opened{f, err}
	}()
	var o opened
	select {
	case o = <-ch:
	case <-ctx.Done():
		go func() {
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, ctx.Err()
	}
	if o.err != nil {
		return nil, unwrapPath(o.err)
	}
	st, err := o.f.Stat()
	if err == nil && st.Mode().Type() != kind {
		err = fmt.Errorf("it changed while being opened (%v, was %v)", st.Mode().Type(), kind)
	}
	if err != nil {
		o.f.Close()
		return nil, err
	}
	return &File{ctx: ctx, name: name, path: name, f: o.f}, nil
}

// resolve follows name's links to what they end at, which is either
// nothing or a regular file. viaProc reports a link through /proc, whose
// links name open files rather than paths.
func resolve(name string) (path string, viaProc bool, err error) {
	path = name
	for range maxLinks {
		st, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, viaProc, nil
		}
		if err != nil {
			return "", false, unwrapPath(err)
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return path, viaProc, nil
		}
		if err := mayFollow(path, st); err != nil {
			return "", false, err
		}
		target, err := os.Readlink(path)
		if err != nil {
			return "", false, unwrapPath(err)
		}
		// The link's directory, its own links resolved, as the kernel
		// reads a relative target (so that ".." means what it means to
		// the kernel).
		dir, err := filepath.EvalSymlinks(filepath.Dir(path))
		if err != nil {
			return "", false, unwrapPath(err)
		}
		if dir == "/proc" || strings.HasPrefix(dir, "/proc/") {
			viaProc = true
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(dir, target)
		}
		path = target
	}
	return "", false, fmt.Errorf("more than %d symbolic links", maxLinks)
}

// atomic creates the temporary file that will replace path.
func atomic(ctx context.Context, name, path string) (*File, error) {
	perm := fs.FileMode(0o666) // less the umask, as for any new file
	st, err := os.Stat(path)
	if err == nil {
		perm = st.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	for range 100 {
		tmp := filepath.Join(dir, fmt.Sprintf(".%s.%08x.tmp", base, rand.Uint32()))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && path != name {
				return nil, fmt.Errorf("the symbolic link leads to %s, in no directory", path)
			}
			return nil, unwrapPath(err)
		}
		out := &File{ctx: ctx, name: name, path: path, tmp: tmp, f: f}
		if st != nil {
			// The umask applied to perm; a replaced file keeps its own.
			err = f.Chmod(perm)
			if err == nil {
				err = keepOwner(f, st)
			}
			if err != nil {
				out.Abort()
				return nil, err
			}
		}
		return out, nil
	}
	return nil, errors.New("no free temporary name")
}

// Name is the name the output was created with.
func (f *File) Name() string { return f.name }

// Write writes to the output: to the temporary file, or straight to a
// FIFO or device.
func (f *File) Write(p []byte) (int, error) {
	if f.f == nil {
		return 0, fmt.Errorf("cannot write %s: %w", f.name, fs.ErrClosed)
	}
	n, err := f.f.Write(p)
	if err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) && f.ctx.Err() != nil {
			err = f.ctx.Err()
		}
		err = fmt.Errorf("cannot write %s: %w", f.name, unwrapPath(err))
		if f.err == nil {
			f.err = err
		}
	}
	return n, err
}

// Commit completes the output: it flushes the temporary file to disk and
// renames it over the name, or closes the FIFO or device. If a write
// failed or ctx is done, it aborts instead and says why.
func (f *File) Commit() error {
	if f.f == nil {
		return fmt.Errorf("cannot write %s: %w", f.name, fs.ErrClosed)
	}
	err := f.err
	if err == nil {
		if err = f.ctx.Err(); err != nil {
			err = fmt.Errorf("cannot write %s: %w", f.name, err)
		}
	}
	if err != nil {
		f.Abort()
		return err
	}
	if f.tmp != "" {
		err = f.f.Sync()
	}
	if cerr := f.close(); err == nil {
		err = cerr
	}
	if err == nil && f.tmp != "" {
		// The last moment to give up: an interrupt before the rename
		// leaves the name as it was.
		if err = f.ctx.Err(); err == nil {
			err = os.Rename(f.tmp, f.path)
		}
	}
	if err != nil {
		f.removeTmp()
		return fmt.Errorf("cannot write %s: %w", f.name, unwrapPath(err))
	}
	return nil
}

// Abort gives up the output: the temporary file is removed, and the name
// left as it was (a FIFO or device keeps what was written to it). After
// Commit it does nothing, so that it can be deferred.
func (f *File) Abort() {
	if f.f == nil {
		return
	}
	f.close()
	f.removeTmp()
}

func (f *File) close() error {
	if f.stop != nil {
		f.stop()
	}
	err := f.f.Close()
	f.f = nil
	return err
}

func (f *File) removeTmp() {
	if f.tmp != "" {
		os.Remove(f.tmp)
		f.tmp = ""
	}
}

// WriteFile writes data to name as a File does, all at once.
func WriteFile(ctx context.Context, name string, data []byte) error {
	f, err := Create(ctx, name)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Commit()
}

// unwrapPath drops the operation and path of an *fs.PathError, which the
// caller's message names better (the name the user gave, not a temporary
// file's).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
