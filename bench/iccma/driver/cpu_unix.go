//go:build unix

package main

import (
	"errors"
	"os/exec"
	"syscall"
	"time"
)

// exitCPULimit is the driver's exit status when clingo ran out of CPU time:
// 128 + SIGXCPU, as a shell reports a process that signal ended.
const exitCPULimit = 128 + int(syscall.SIGXCPU)

// cpuLimitHit reports whether err, the error of clingo's run, comes of its
// CPU-time limit (ulimit -t), which the driver passes on to it: SIGXCPU ended
// it, or clingo caught the signal and stopped (saying INTERRUPTED) having used
// about as much CPU time as the limit allows.
func cpuLimitHit(err error) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGXCPU {
		return true
	}
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_CPU, &lim) != nil || lim.Cur > 1<<40 {
		return false
	}
	used := ee.UserTime() + ee.SystemTime()
	return used >= time.Duration(lim.Cur)*time.Second-time.Second
}
