//go:build unix

package main

import (
	"os/exec"
	"syscall"
)

// detach makes cmd a process of its own session, which outlives argmap and
// receives no signal meant for argmap's terminal or process group.
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}
