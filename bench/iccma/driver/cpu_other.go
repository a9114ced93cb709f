//go:build !unix

package main

import (
	"os/exec"
	"time"
)

const exitCPULimit = 1

func startLimited(cmd *exec.Cmd) (time.Duration, error) { return 0, cmd.Start() }

func cpuLimitHit(err error, limit time.Duration) bool { return false }
