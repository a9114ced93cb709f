//go:build !unix

package main

import "os/exec"

// killGroup leaves cmd as it is: without process groups, a canceled run
// kills the driver only, and its children may outlive it.
func killGroup(cmd *exec.Cmd) {}
