//go:build unix

package main

import (
	"os/exec"
	"syscall"
)

// killGroup starts cmd in a process group of its own and kills the whole
// group when cmd is canceled: the driver's children (clingo) go with it.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
