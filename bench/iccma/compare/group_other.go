//go:build !unix

package main

import (
	"os"
	"os/exec"
	"time"
)

// killGroup leaves cmd as it is: without process groups, a canceled run
// kills the driver only, and its children may outlive it.
func killGroup(cmd *exec.Cmd) {}

// cpuLimited returns args as they are: without ulimit, the wall-clock limit
// alone stops a run.
func cpuLimited(args []string, limit time.Duration) []string { return args }

func cpuLimitHit(ps *os.ProcessState) bool { return false }

func maxRSSOf(ps *os.ProcessState) int64 { return 0 }
