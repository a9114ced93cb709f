//go:build unix

package graphviz

// diskCacheAllowed is whether compiled code may be kept on disk: where the
// system tells who owns a file (so that trustCache can check it).
const diskCacheAllowed = true
