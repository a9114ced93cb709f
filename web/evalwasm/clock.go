//go:build js && wasm

package main

import (
	"context"
	"sync"
	"time"
)

// clockContext is a context that ends at its deadline without a timer.
// Go on js/wasm runs on one thread without preemption, so the timer of
// context.WithTimeout cannot fire while an evaluation computes: its Err
// would stay nil however long the enumeration runs. clockContext reads the
// clock whenever it is asked instead, and closes Done once it has seen the
// deadline pass (the SAT solver polls Done and, between restarts, Err).
type clockContext struct {
	context.Context // Background: no values, never canceled otherwise
	deadline        time.Time

	mu     sync.Mutex
	done   chan struct{}
	closed bool
}

func newClockContext(d time.Duration) *clockContext {
	return &clockContext{Context: context.Background(), deadline: time.Now().Add(d), done: make(chan struct{})}
}

func (c *clockContext) Deadline() (time.Time, bool) { return c.deadline, true }

func (c *clockContext) Done() <-chan struct{} {
	c.expired()
	return c.done
}

func (c *clockContext) Err() error {
	if c.expired() {
		return context.DeadlineExceeded
	}
	return nil
}

// expired reports whether the deadline has passed, closing Done the first
// time it has.
func (c *clockContext) expired() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.closed && !time.Now().Before(c.deadline) {
		c.closed = true
		close(c.done)
	}
	return c.closed
}
