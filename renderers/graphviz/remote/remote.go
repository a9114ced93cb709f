// Package remote keeps a Graphviz engine alive in a server process and
// renders through it from short-lived ones.
//
// Starting Graphviz costs a process about 20 ms even with its compiled code
// cached (wazero decodes and validates the whole WebAssembly module before it
// uses the cache), three times what laying out a typical map costs. A server
// that has started it once answers later renders at the cost of the layout
// alone. The server listens on a Unix socket, which the caller keeps in a
// directory of its own that others cannot enter; it ends when it has been
// idle for a while, or when its engine fails.
//
// The protocol is one request per connection: the client writes the
// request and closes its side for writing; the server answers and closes.
//
//	request:  "argmap-graphviz 1\n", u32 count of formats, each format as
//	          u32 length and bytes, then the DOT text as u32 length and bytes
//	response: byte 0 and u32 count of outputs, each as u32 length and bytes;
//	          or byte 1 and an error message as u32 length and bytes
//
// Integers are little-endian.
package remote

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/argmap/argmap/renderers/graphviz"
)

const magic = "argmap-graphviz 1\n"

// maxFrame bounds every length read from a peer, so that garbage on the
// socket cannot make either side allocate without limit.
const maxFrame = 1 << 30

// ErrUnavailable is returned, wrapped, when no server answers at the socket
// or a server went away before answering: the caller should render in its
// own process.
var ErrUnavailable = errors.New("no Graphviz server")

// ErrRunning is returned by [Listen] when another server holds the socket.
var ErrRunning = errors.New("graphviz server: another server is running")

// Renderer renders DOT text; *graphviz.Engine is one.
type Renderer interface {
	Render(ctx context.Context, dot []byte, formats ...string) ([][]byte, error)
}

// Limits end a server.
type Limits struct {
	// Idle is how long the server waits for a request before it ends.
	Idle time.Duration
	// Renders is how many requests it answers before it ends; 0 means no
	// limit. Graphviz does not free all it allocates: its memory grows by
	// about 15 KB a render of a small map (measured on argmap's example), so
	// a server should make way for a fresh one now and then; see
	// [DefaultRenders].
	Renders int
}

// DefaultRenders is a limit on renders that keeps a server's leaked memory
// within some tens of megabytes.
const DefaultRenders = 1000

// Serve answers requests on ln with e, one render at a time, until ctx is
// done, e fails (a failed engine is not used again: see
// [graphviz.Engine.Render]), or a limit is reached. It closes ln before it
// returns, once the requests under way are answered.
func Serve(ctx context.Context, ln net.Listener, e *graphviz.Engine, limits Limits) error {
	idle := limits.Idle
	var (
		mu       sync.Mutex
		active   int
		last     = time.Now()
		wg       sync.WaitGroup
		failed   = make(chan error, 1)
		accepted int
	)
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()
	defer wg.Wait()
	defer ln.Close()
	deadline, _ := ln.(interface{ SetDeadline(time.Time) error })
	for {
		if deadline != nil {
			deadline.SetDeadline(time.Now().Add(idle))
		}
		conn, err := ln.Accept()
		if err != nil {
			select {
			case err := <-failed:
				return err
			default:
			}
			if ctx.Err() != nil || accepted == limits.Renders {
				return nil
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				mu.Lock()
				quiet := active == 0 && time.Since(last) >= idle
				mu.Unlock()
				if quiet {
					return nil
				}
				continue
			}
			return fmt.Errorf("graphviz server: %w", err)
		}
		mu.Lock()
		active++
		mu.Unlock()
		accepted++
		if accepted == limits.Renders {
			// Answer this one, then stop listening: the next client finds
			// no server, renders on its own and starts a new one.
			ln.Close()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			broken := answer(ctx, conn, e)
			mu.Lock()
			active--
			last = time.Now()
			mu.Unlock()
			if broken != nil {
				select {
				case failed <- broken:
				default:
				}
				ln.Close()
			}
		}()
	}
}

// ioTimeout bounds the time a peer may take to send a request or read an
// answer; rendering itself has no limit.
const ioTimeout = 30 * time.Second

// answer serves one connection. It returns an error if the engine is now
// unusable.
func answer(ctx context.Context, conn net.Conn, e *graphviz.Engine) error {
	defer conn.Close()
	conn.SetReadDeadline(time.Now().Add(ioTimeout))
	formats, dot, err := readRequest(bufio.NewReader(conn))
	if err != nil {
		return nil // a confused client: nothing to answer
	}
	outs, renderErr := e.Render(ctx, dot, formats...)
	conn.SetWriteDeadline(time.Now().Add(ioTimeout))
	w := bufio.NewWriter(conn)
	if renderErr != nil {
		w.WriteByte(1)
		writeFrame(w, []byte(renderErr.Error()))
	} else {
		w.WriteByte(0)
		writeU32(w, uint32(len(outs)))
		for _, o := range outs {
			writeFrame(w, o)
		}
	}
	w.Flush()
	return e.Err()
}

// Render asks the server listening at socket to lay out and render dot in
// each of formats, as [graphviz.Engine.Render] does. An error wrapping
// [ErrUnavailable] means that no server answered; any other error is the
// server's answer.
func Render(ctx context.Context, socket string, dot []byte, formats ...string) ([][]byte, error) {
	var d net.Dialer
	dctx, cancel := context.WithTimeout(ctx, time.Second)
	conn, err := d.DialContext(dctx, "unix", socket)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })
	defer stop()
	conn.SetWriteDeadline(time.Now().Add(ioTimeout))
	w := bufio.NewWriter(conn)
	writeRequest(w, formats, dot)
	if err := w.Flush(); err != nil {
		return nil, fmt.Errorf("%w: sending the request: %v", ErrUnavailable, err)
	}
	conn.SetWriteDeadline(time.Time{})
	if uc, ok := conn.(*net.UnixConn); ok {
		uc.CloseWrite()
	}
	outs, err := readResponse(bufio.NewReader(conn))
	if err != nil && ctx.Err() != nil {
		return nil, fmt.Errorf("graphviz: %w", ctx.Err())
	}
	return outs, err
}

// errAnswer is an error the server answered with.
type errAnswer string

func (e errAnswer) Error() string { return string(e) }

func readResponse(r *bufio.Reader) ([][]byte, error) {
	status, err := r.ReadByte()
	if err != nil {
		return nil, fmt.Errorf("%w: the server closed the connection without answering", ErrUnavailable)
	}
	switch status {
	case 0:
		n, err := readU32(r)
		if err != nil {
			return nil, bad(err)
		}
		if n > 64 {
			return nil, bad(fmt.Errorf("%d outputs", n))
		}
		outs := make([][]byte, n)
		for i := range outs {
			if outs[i], err = readFrame(r); err != nil {
				return nil, bad(err)
			}
		}
		return outs, nil
	case 1:
		msg, err := readFrame(r)
		if err != nil {
			return nil, bad(err)
		}
		return nil, errAnswer(msg)
	}
	return nil, bad(fmt.Errorf("status byte %d", status))
}

func bad(err error) error {
	return fmt.Errorf("%w: malformed answer: %v", ErrUnavailable, err)
}

func writeRequest(w *bufio.Writer, formats []string, dot []byte) {
	w.WriteString(magic)
	writeU32(w, uint32(len(formats)))
	for _, f := range formats {
		writeFrame(w, []byte(f))
	}
	writeFrame(w, dot)
}

func readRequest(r *bufio.Reader) (formats []string, dot []byte, err error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil {
		return nil, nil, err
	}
	if string(head) != magic {
		return nil, nil, errors.New("not an argmap-graphviz request")
	}
	n, err := readU32(r)
	if err != nil {
		return nil, nil, err
	}
	if n > 64 {
		return nil, nil, fmt.Errorf("%d formats", n)
	}
	for range n {
		f, err := readFrame(r)
		if err != nil {
			return nil, nil, err
		}
		formats = append(formats, string(f))
	}
	dot, err = readFrame(r)
	return formats, dot, err
}

func writeU32(w *bufio.Writer, v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	w.Write(b[:])
}

func readU32(r io.Reader) (uint32, error) {
	var b [4]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint32(b[:]), nil
}

func writeFrame(w *bufio.Writer, b []byte) {
	writeU32(w, uint32(len(b)))
	w.Write(b)
}

func readFrame(r io.Reader) ([]byte, error) {
	n, err := readU32(r)
	if err != nil {
		return nil, err
	}
	if n > maxFrame {
		return nil, fmt.Errorf("frame of %d bytes", n)
	}
	// Read in pieces, so that a peer announcing a large frame and sending
	// little costs little.
	var b []byte
	for uint32(len(b)) < n {
		chunk := min(n-uint32(len(b)), 1<<20)
		start := len(b)
		b = append(b, make([]byte, chunk)...)
		if _, err := io.ReadFull(r, b[start:]); err != nil {
			return nil, err
		}
	}
	if b == nil {
		b = []byte{}
	}
	return b, nil
}

// Socket is the socket's file name under dir for the program at exe: it
// names the program's build (by path, size and modification time), so
// that a server of another version of the program is never asked. It is
// empty if there can be no server there: dir is not a directory that only
// the user may enter (so that no one else can connect, nor plant a socket
// that answers with forged drawings), or the name would be too long for a
// Unix socket, or the system has none.
func Socket(dir, exe string) string {
	if !private(dir) {
		return ""
	}
	st, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%d\x00%d", exe, st.Size(), st.ModTime().UnixNano())
	name := filepath.Join(dir, fmt.Sprintf("server-%016x.sock", h.Sum64()))
	if len(name) > 100 { // sun_path holds 104 to 108 bytes, by system
		return ""
	}
	return name
}
