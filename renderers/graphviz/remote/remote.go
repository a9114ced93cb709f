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
// The protocol is one request per connection. The client writes the
// request and keeps the connection open until it has the answer: closing
// it means it has given up, and the server then does not start the
// request, or stops it. The server renders one request at a time; it
// writes a byte "working" when it starts a request and then every
// [Heartbeat] while the render runs, so that a client can tell a server
// that renders from one that is busy with others, stopped or hung (see
// [StartTimeout] and [StallTimeout]).
//
//	request:  "argmap-graphviz 2\n", u32 count of formats, each format as
//	          u32 length and bytes, then the DOT text as u32 length and bytes
//	response: any number of bytes 2 (working), then
//	          byte 0 and u32 count of outputs, each as u32 length and bytes;
//	          or byte 1 and an error message as u32 length and bytes
//
// Integers are little-endian.
package remote

import (
	"bufio"
	"cmp"
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

var _ Engine = (*graphviz.Engine)(nil)

const magic = "argmap-graphviz 2\n"

// Status bytes of a response.
const (
	statusOK      = 0
	statusError   = 1
	statusWorking = 2
)

// maxFrame bounds every length read from a peer, so that garbage on the
// socket cannot make either side allocate without limit.
const maxFrame = 1 << 30

// ErrUnavailable is returned, wrapped, when no server answers at the socket,
// the server went away before answering, or it did not start the render in
// time or stopped working on it: the caller should render in its own
// process.
var ErrUnavailable = errors.New("no Graphviz server")

// ErrRunning is returned by [Listen] when another server holds the socket.
var ErrRunning = errors.New("graphviz server: another server is running")

// Engine renders DOT text for [Serve]; *graphviz.Engine is one.
type Engine interface {
	// Render lays out and renders dot in each of formats. It stops soon
	// after ctx is done, returning an error.
	Render(ctx context.Context, dot []byte, formats ...string) ([][]byte, error)
	// Err returns nil while the engine can render, and otherwise why not.
	Err() error
}

// Limits end a server.
type Limits struct {
	// Idle is how long the server waits for a request before it ends.
	Idle time.Duration
	// Renders is how many requests it answers before it ends; 0 means no
	// limit. Graphviz does not free all it allocates, so a server should
	// make way for a fresh one now and then; see [DefaultRenders].
	Renders int
}

// LeakPerRender is how much a server's resident memory grows with each
// render of a small map: Graphviz does not free all it allocates, and
// WebAssembly memory never shrinks. Measured as the resident memory of an
// argmap graphviz-server over 3,000 renders of argmap's example to SVG,
// after the first hundred (go test ./cmd/argmap -run ServerMemory
// -server-memory 3000 -v): it grows in steps, by 95 KB a render on the
// whole (40 MB after 100 renders, 329 MB after 3,100).
const LeakPerRender = 96 << 10

// MaxLeak is how much a server's memory may grow before it makes way for a
// fresh one.
const MaxLeak = 64 << 20

// DefaultRenders is the limit on renders that keeps a server's leaked
// memory within [MaxLeak] for maps like the example: 682 renders, after
// which a server of the example holds about 105 MB. Larger maps leak more
// a render.
const DefaultRenders = MaxLeak / LeakPerRender

// Timeouts of the protocol.
const (
	// StartTimeout is how long a client waits for the server to start its
	// request (to connect, send it and get the first "working" byte)
	// before it gives up and renders in its own process: the server is
	// busy with other renders, or stopped. Starting Graphviz in the
	// process costs about 35 ms.
	StartTimeout = 500 * time.Millisecond
	// Heartbeat is how often the server says it is still working on a
	// request.
	Heartbeat = 100 * time.Millisecond
	// StallTimeout is how long a client waits for the next byte from a
	// server that has started its request (a stopped or hung server sends
	// none) before it gives up.
	StallTimeout = 3 * time.Second
	// ioTimeout bounds the time a peer may take to send a request or read
	// an answer.
	ioTimeout = 30 * time.Second
)

// Serve answers requests on ln with e, one render at a time, until ctx is
// done, e fails (a failed engine is not used again: see
// [graphviz.Engine.Render]), or a limit is reached. A request whose client
// has gone is not started, and a render under way is cancelled when its
// client goes. Serve closes ln before it returns, once the requests under
// way are answered.
func Serve(ctx context.Context, ln net.Listener, e Engine, limits Limits) error {
	idle := limits.Idle
	var (
		mu       sync.Mutex
		active   int
		last     = time.Now()
		wg       sync.WaitGroup
		failed   = make(chan error, 1)
		accepted int
		// slot is held by the request being rendered: the engine renders
		// one at a time, and a request waiting for it can leave the queue
		// when its client goes.
		slot = make(chan struct{}, 1)
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
				if err == errCancelled {
					return nil
				}
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
			broken := answer(ctx, conn, e, slot)
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

// answer serves one connection. It returns an error if the engine is now
// unusable.
func answer(ctx context.Context, conn net.Conn, e Engine, slot chan struct{}) error {
	defer conn.Close()
	conn.SetReadDeadline(time.Now().Add(ioTimeout))
	r := bufio.NewReader(conn)
	formats, dot, err := readRequest(r)
	if err != nil {
		return nil // a confused client: nothing to answer
	}
	// The client sends nothing more: a read returns when it closes the
	// connection, having given up. Then the request is dropped, or its
	// render cancelled, rather than done for no one.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	conn.SetReadDeadline(time.Time{})
	go func() {
		r.ReadByte()
		cancel()
	}()
	select {
	case slot <- struct{}{}:
	case <-ctx.Done():
		return nil
	}
	defer func() { <-slot }()
	if ctx.Err() != nil {
		return nil
	}
	// Say that the render starts, and then that it goes on, until it is
	// done; a failed write means that the client has gone.
	var wmu sync.Mutex
	working := func() bool {
		wmu.Lock()
		defer wmu.Unlock()
		conn.SetWriteDeadline(time.Now().Add(StallTimeout))
		_, err := conn.Write([]byte{statusWorking})
		if err != nil {
			cancel()
		}
		return err == nil
	}
	if !working() {
		return nil
	}
	beats := make(chan struct{})
	beating := make(chan struct{})
	go func() {
		defer close(beating)
		t := time.NewTicker(Heartbeat)
		defer t.Stop()
		for {
			select {
			case <-beats:
				return
			case <-t.C:
				if !working() {
					return
				}
			}
		}
	}()
	outs, renderErr := e.Render(ctx, dot, formats...)
	close(beats)
	<-beating
	broken := e.Err()
	if ctx.Err() != nil {
		// The client has gone, or the server is ending: no one reads an
		// answer. A client of a server that ends finds the connection
		// closed, and renders on its own. An engine stopped half-way is
		// not used again: the server ends, and the next render starts a
		// fresh one.
		if broken != nil {
			return errCancelled
		}
		return nil
	}
	conn.SetWriteDeadline(time.Now().Add(ioTimeout))
	w := bufio.NewWriter(conn)
	if renderErr != nil {
		w.WriteByte(statusError)
		writeFrame(w, []byte(renderErr.Error()))
	} else {
		w.WriteByte(statusOK)
		writeU32(w, uint32(len(outs)))
		for _, o := range outs {
			writeFrame(w, o)
		}
	}
	w.Flush()
	return broken
}

// errCancelled ends a server whose engine is unusable after a render was
// cancelled: not a failure.
var errCancelled = errors.New("graphviz server: engine stopped by a cancelled render")

// Render asks the server listening at socket to lay out and render dot in
// each of formats, as [graphviz.Engine.Render] does. An error wrapping
// [ErrUnavailable] means that no server rendered it: there is none, or it
// did not start the request within [StartTimeout] (it is busy or stopped),
// or it stopped working on it for [StallTimeout], or it went away; the
// caller should render in its own process. An error wrapping ctx.Err()
// means that ctx ended first. Any other error is the server's answer.
func Render(ctx context.Context, socket string, dot []byte, formats ...string) ([][]byte, error) {
	return Client{}.Render(ctx, socket, dot, formats...)
}

// Client renders through a server with other timeouts than Render's.
type Client struct {
	// StartTimeout replaces [StartTimeout] if it is not 0. A caller with
	// no fallback waits longer: the server may be busy.
	StartTimeout time.Duration
	// StallTimeout replaces [StallTimeout] if it is not 0.
	StallTimeout time.Duration
}

// Render renders as [Render] does, with c's timeouts.
func (c Client) Render(ctx context.Context, socket string, dot []byte, formats ...string) ([][]byte, error) {
	tm := timeouts{cmp.Or(c.StartTimeout, StartTimeout), cmp.Or(c.StallTimeout, StallTimeout)}
	outs, err := tm.render(ctx, socket, dot, formats)
	if err != nil && ctx.Err() != nil {
		return nil, fmt.Errorf("graphviz: %w", ctx.Err())
	}
	return outs, err
}

// timeouts are a client's: [StartTimeout] and [StallTimeout], or others.
type timeouts struct{ start, stall time.Duration }

func (tm timeouts) render(ctx context.Context, socket string, dot []byte, formats []string) ([][]byte, error) {
	start := time.Now()
	var d net.Dialer
	dctx, cancel := context.WithTimeout(ctx, tm.start)
	conn, err := d.DialContext(dctx, "unix", socket)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	// Closing the connection, however Render returns, tells the server
	// that no one waits for the render any more.
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })
	defer stop()
	// Deadlines replace the one that ctx's end sets: look at ctx again.
	setDeadline := func(t time.Time) {
		conn.SetDeadline(t)
		if ctx.Err() != nil {
			conn.SetDeadline(time.Now())
		}
	}
	setDeadline(start.Add(tm.start))
	w := bufio.NewWriter(conn)
	writeRequest(w, formats, dot)
	if err := w.Flush(); err != nil {
		return nil, fmt.Errorf("%w: sending the request: %v", ErrUnavailable, timedOut(err, "the server did not read the request within %v: it is busy or stopped", tm.start))
	}
	sr := &stallReader{conn: conn, setDeadline: setDeadline}
	r := bufio.NewReader(sr)
	for {
		status, err := r.ReadByte()
		if err != nil {
			switch {
			case !isTimeout(err):
				return nil, fmt.Errorf("%w: the server closed the connection without answering", ErrUnavailable)
			case sr.stall != 0:
				return nil, fmt.Errorf("%w: the server stopped working on the render for %v", ErrUnavailable, tm.stall)
			}
			return nil, fmt.Errorf("%w: the server did not start the render within %v: it is busy or stopped", ErrUnavailable, tm.start)
		}
		// From the first byte on, the server is working on this request,
		// and sends a byte at least every Heartbeat.
		sr.stall = tm.stall
		if status != statusWorking {
			r.UnreadByte()
			break
		}
	}
	return readResponse(r)
}

// stallReader reads from a connection, each read within stall if it is not
// 0, so that a server that stops sending is given up on.
type stallReader struct {
	conn        net.Conn
	stall       time.Duration
	setDeadline func(time.Time)
}

func (r *stallReader) Read(b []byte) (int, error) {
	if r.stall != 0 {
		r.setDeadline(time.Now().Add(r.stall))
	}
	return r.conn.Read(b)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// timedOut replaces a timeout error by a message that says what it means.
func timedOut(err error, format string, args ...any) error {
	if isTimeout(err) {
		return fmt.Errorf(format, args...)
	}
	return err
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
	case statusOK:
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
	case statusError:
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
