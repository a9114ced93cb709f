//go:build !unix

package main

const exitCPULimit = 1

func cpuLimitHit(err error) bool { return false }
