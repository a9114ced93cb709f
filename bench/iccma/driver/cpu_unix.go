//go:build unix

package main

import (
	"errors"
	"math"
	"os/exec"
	"syscall"
	"time"
)

// exitCPULimit is the driver's exit status when clingo ran out of CPU time:
// 128 + SIGXCPU, as a shell reports a process that signal ended.
const exitCPULimit = 128 + int(syscall.SIGXCPU)

// startLimited starts cmd, a run of clingo, under what is left of the
// driver's CPU-time limit (ulimit -t, as compare sets it), if it has one: the
// limit is one budget for the driver and all the runs of clingo it makes, not
// one each. It returns the limit given to clingo, 0 for none, or errCPULimit if
// nothing is left.
func startLimited(cmd *exec.Cmd) (time.Duration, error) {
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_CPU, &lim) != nil || lim.Cur > 1<<40 {
		return 0, cmd.Start()
	}
	var self, children syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children)
	used := cpu(self) + cpu(children)
	left := time.Duration(lim.Cur)*time.Second - used
	if left <= 0 {
		return 0, errCPULimit
	}
	secs := uint64(math.Ceil(left.Seconds()))
	child := lim
	child.Cur = min(secs, lim.Max)
	if err := syscall.Setrlimit(syscall.RLIMIT_CPU, &child); err != nil {
		return 0, err
	}
	err := cmd.Start()
	syscall.Setrlimit(syscall.RLIMIT_CPU, &lim)
	return time.Duration(child.Cur) * time.Second, err
}

func cpu(ru syscall.Rusage) time.Duration {
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuLimitHit reports whether err, the error of a run of clingo started with
// the CPU-time limit limit, comes of that limit: SIGXCPU ended it, or clingo
// caught the signal and stopped (saying INTERRUPTED) having used about that
// much CPU time.
func cpuLimitHit(err error, limit time.Duration) bool {
	var ee *exec.ExitError
	if limit == 0 || !errors.As(err, &ee) {
		return false
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGXCPU {
		return true
	}
	return ee.UserTime()+ee.SystemTime() >= limit*9/10
}
