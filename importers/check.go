package importers

import (
	"context"
	"testing/fstest"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
)

// Check checks the TOML text of an imported map as argmap check checks a
// file, and returns its diagnostics, for a file called "imported.toml": the
// readers promise a map without errors, and argmap import refuses to write
// one that has any.
func Check(toml []byte) diagnostic.Diagnostics {
	const name = "imported.toml"
	loader := &arguments.Loader{FS: fstest.MapFS{name: {Data: toml}}}
	return loader.CheckMap(context.Background(), name, nil).Diagnostics
}
