//go:build unix

package arguments

import "syscall"

// openNonBlock keeps open from waiting for a writer if the path became a
// FIFO after it was checked.
const openNonBlock = syscall.O_NONBLOCK
