//go:build unix

package png

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, user and system, of all its
// threads: less disturbed by other work on the machine than the elapsed time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
