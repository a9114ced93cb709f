//go:build !unix

package arguments

// openNonBlock is 0 where FIFOs do not block open.
const openNonBlock = 0
