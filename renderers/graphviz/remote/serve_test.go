package remote

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// blocking is an Engine whose renders of "block" wait until released or
// cancelled; it records what it rendered.
type blocking struct {
	mu       sync.Mutex
	rendered []string
	started  chan struct{} // receives when a render of "block" starts
	release  chan struct{} // closed to end renders of "block"
	ended    chan error    // receives the ctx error a render of "block" ended with
}

func newBlocking() *blocking {
	return &blocking{started: make(chan struct{}, 10), release: make(chan struct{}), ended: make(chan error, 10)}
}

func (b *blocking) Render(ctx context.Context, dot []byte, formats ...string) ([][]byte, error) {
	b.mu.Lock()
	b.rendered = append(b.rendered, string(dot))
	b.mu.Unlock()
	if string(dot) == "block" {
		b.started <- struct{}{}
		select {
		case <-b.release:
		case <-ctx.Done():
		}
		b.ended <- ctx.Err()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	return [][]byte{dot}, nil
}

func (b *blocking) Err() error { return nil }

func (b *blocking) renders() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.rendered...)
}

// serve runs Serve with e on a socket of its own until the test ends.
func serve(t *testing.T, e Engine) string {
	t.Helper()
	socket := filepath.Join(shortTempDir(t), "s.sock")
	serveAt(t, socket, e)
	return socket
}

// serveAt runs Serve with e at socket until the test ends.
func serveAt(t *testing.T, socket string, e Engine) {
	t.Helper()
	ln, err := Listen(socket)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		Serve(ctx, ln, e, Limits{Idle: time.Minute})
		close(done)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

// within is a guard against a test that hangs on a bug: it waits for ch a
// minute at most.
func within[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(time.Minute):
		t.Fatalf("%s: not after a minute", what)
		panic("unreachable")
	}
}

// A server that accepts but never answers (stopped by SIGSTOP: the system
// still queues connections) or that stops half-way through a render makes
// the client give up, with ErrUnavailable so that it renders on its own,
// not wait forever.
func TestUnresponsiveServer(t *testing.T) {
	tm := timeouts{start: 50 * time.Millisecond, stall: 50 * time.Millisecond}
	for _, c := range []struct {
		name   string
		answer string // written after reading the request; "" for nothing
		accept bool
	}{
		{"stopped", "", false},
		{"reads and hangs", "", true},
		{"starts and hangs", "\x02\x02", true},
		{"answers half", "\x02\x00\x01\x00\x00\x00\xff\x00\x00\x00abc", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			socket := filepath.Join(shortTempDir(t), "hung.sock")
			ln, err := net.Listen("unix", socket)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ln.Close() })
			if c.accept {
				go func() {
					conn, err := ln.Accept()
					if err != nil {
						return
					}
					defer conn.Close()
					readRequest(bufio.NewReader(conn))
					conn.Write([]byte(c.answer))
					conn.Read(make([]byte, 1)) // until the client goes
				}()
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			_, err = tm.render(ctx, socket, []byte(sample), []string{"svg"})
			if !errors.Is(err, ErrUnavailable) || ctx.Err() != nil {
				t.Fatalf("got %v, want ErrUnavailable", err)
			}
		})
	}
	// The defaults: a stopped server is given up quickly.
	socket := filepath.Join(shortTempDir(t), "stopped.sock")
	ln, err := net.Listen("unix", socket)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := Render(ctx, socket, []byte(sample), "svg"); !errors.Is(err, ErrUnavailable) || ctx.Err() != nil {
		t.Fatalf("Render: got %v, want ErrUnavailable", err)
	}
}

// A render the client gives up (Ctrl-C ends it) is cancelled in the
// server, and a request queued behind another whose client has gone is
// never started: the server does no work no one waits for.
func TestAbandonedRenders(t *testing.T) {
	e := newBlocking()
	socket := serve(t, e)
	tm := timeouts{start: time.Minute, stall: time.Minute}

	// A render under way, abandoned.
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := tm.render(ctx, socket, []byte("block"), []string{"svg"})
		errc <- err
	}()
	within(t, e.started, "the render started")
	cancel()
	if err := within(t, errc, "the client returned"); !errors.Is(err, context.Canceled) && !errors.Is(err, ErrUnavailable) {
		t.Errorf("the abandoned client got %v", err)
	}
	if err := within(t, e.ended, "the server's render ended"); !errors.Is(err, context.Canceled) {
		t.Errorf("the server's render ended with %v, want context.Canceled", err)
	}

	// A render under way holds the engine; a request behind it whose
	// client gives up is dropped.
	first := make(chan error, 1)
	go func() {
		out, err := tm.render(context.Background(), socket, []byte("block"), []string{"svg"})
		if err == nil && string(out[0]) != "block" {
			err = fmt.Errorf("answer %q", out[0])
		}
		first <- err
	}()
	within(t, e.started, "the first render started")
	_, err := timeouts{start: 100 * time.Millisecond, stall: time.Minute}.render(context.Background(), socket, []byte("queued"), []string{"svg"})
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("a request behind a busy render: %v, want ErrUnavailable", err)
	}
	close(e.release)
	if err := within(t, first, "the first render answered"); err != nil {
		t.Fatal(err)
	}
	within(t, e.ended, "the first render ended")
	if out, err := tm.render(context.Background(), socket, []byte("next"), []string{"svg"}); err != nil || !bytes.Equal(out[0], []byte("next")) {
		t.Fatalf("next: %q, %v", out, err)
	}
	want := []string{"block", "block", "next"}
	if got := e.renders(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the engine rendered %q, want %q", got, want)
	}
}
