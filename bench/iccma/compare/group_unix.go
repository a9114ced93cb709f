//go:build unix

package main

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"time"
)

// killGroup starts cmd in a process group of its own and kills the whole
// group when cmd is canceled: the driver's children (clingo) go with it.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}

// cpuLimited returns the command args run under a CPU-time limit of limit,
// rounded up to a second, which its children inherit: SIGXCPU then, which
// ends clingo, and SIGKILL a second later, for a process that ignores SIGXCPU
// (a Go program does). A run over the limit counts as unsolved either way.
func cpuLimited(args []string, limit time.Duration) []string {
	secs := int(math.Ceil(limit.Seconds()))
	script := fmt.Sprintf(`ulimit -S -t %d && ulimit -H -t %d && exec "$@"`, secs, secs+1)
	return append([]string{"/bin/sh", "-c", script, "sh"}, args...)
}

// cpuLimitHit reports whether the process ended for exceeding its CPU-time
// limit: killed by SIGXCPU, or exiting with 128 + SIGXCPU, as the driver does
// when clingo was.
func cpuLimitHit(ps *os.ProcessState) bool {
	if ps == nil {
		return false
	}
	ws, ok := ps.Sys().(syscall.WaitStatus)
	return ok && (ws.Signaled() && ws.Signal() == syscall.SIGXCPU || ws.Exited() && ws.ExitStatus() == 128+int(syscall.SIGXCPU))
}

// maxRSSOf returns the maximum resident set size of the process and the
// children it waited for, in bytes.
func maxRSSOf(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss) // bytes
	}
	return int64(ru.Maxrss) * 1024 // kilobytes
}
