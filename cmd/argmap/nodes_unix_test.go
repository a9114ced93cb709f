//go:build unix

package main

import "syscall"

func mkfifo(name string) error { return syscall.Mkfifo(name, 0o600) }

// mknodNull makes a character device of /dev/null's device (1, 3 on Linux).
func mknodNull(name string) error {
	return syscall.Mknod(name, syscall.S_IFCHR|0o666, 1<<8|3)
}
