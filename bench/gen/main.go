// Command gen writes synthetic argmap maps for benchmarks.
//
// Usage:
//
//	go run ./bench/gen [-n 10000] [-seed 1] [-o FILE]
//	go run ./bench/gen -dir DIR [-files 1000] [-per-file 5] [-seed 1]
//
// The first form writes one map of n arguments to FILE, or to the standard
// output if FILE is "-" (the default). The second writes files independent
// maps of per-file arguments each into DIR, as map-0000.toml, map-0001.toml
// and so on. The maps are described in package
// github.com/argmap/argmap/internal/mapgen; the same flags always give the same
// bytes.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/argmap/argmap/internal/mapgen"
)

func main() {
	n := flag.Int("n", 10000, "number of `arguments` of the map")
	seed := flag.Uint64("seed", 1, "random `seed`")
	out := flag.String("o", "-", "write the map to `file` (\"-\" for the standard output)")
	dir := flag.String("dir", "", "write many small maps into `directory` instead of one map")
	files := flag.Int("files", 1000, "with -dir, the number of `files`")
	perFile := flag.Int("per-file", 5, "with -dir, the number of `arguments` of each file")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gen [-n N] [-seed S] [-o FILE]\n       gen -dir DIR [-files N] [-per-file N] [-seed S]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "gen: unexpected argument %q\n", flag.Arg(0))
		flag.Usage()
		os.Exit(2)
	}
	set := make(map[string]bool)
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *dir != "" && (set["o"] || set["n"]) {
		fmt.Fprintln(os.Stderr, "gen: -dir cannot be combined with -o or -n")
		os.Exit(2)
	}
	if *dir == "" && (set["files"] || set["per-file"]) {
		fmt.Fprintln(os.Stderr, "gen: -files and -per-file need -dir")
		os.Exit(2)
	}

	var err error
	if *dir != "" {
		err = mapgen.WriteDir(*dir, *files, *perFile, *seed)
	} else {
		err = writeMap(*out, *n, *seed)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}

// writeMap writes a map of n arguments to the file named path, or to the
// standard output if path is "-".
func writeMap(path string, n int, seed uint64) error {
	if path == "-" {
		return mapgen.Write(os.Stdout, n, seed) // Write buffers its output
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := mapgen.Write(f, n, seed); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
