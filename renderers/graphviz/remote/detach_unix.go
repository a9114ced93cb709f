//go:build unix

package remote

import (
	"os/exec"
	"syscall"
)

// detach makes cmd a process of its own session, which outlives its parent
// and receives no signal meant for the parent's terminal or process group.
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}
