// Command tomlfloor decodes TOML files and does nothing else. It is the floor
// that the cost of argmap check is compared with: reading and decoding the
// files with github.com/BurntSushi/toml into a map[string]any, the least any
// check of them has to do.
//
// Usage:
//
//	tomlfloor FILE...
//
// tomlfloor prints nothing when every file decodes. Otherwise it prints the
// errors on the standard error and exits with status 1. It decodes every file
// even after an error, as a check would.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/BurntSushi/toml"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: tomlfloor FILE...")
		os.Exit(2)
	}
	status := 0
	for _, path := range os.Args[1:] {
		var m map[string]any
		if _, err := toml.DecodeFile(path, &m); err != nil {
			var pathErr *fs.PathError
			if errors.As(err, &pathErr) {
				fmt.Fprintf(os.Stderr, "tomlfloor: %v\n", err) // it names the file
			} else {
				fmt.Fprintf(os.Stderr, "tomlfloor: %s: %v\n", path, err)
			}
			status = 1
		}
	}
	os.Exit(status)
}
