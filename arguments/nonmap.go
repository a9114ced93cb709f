package arguments

import (
	"path/filepath"
	"slices"

	"github.com/BurntSushi/toml"
)

// toolFiles are the names of TOML files that other tools read: a project
// that keeps maps beside its code has them, and they are never maps.
var toolFiles = []string{
	"pyproject.toml", "ruff.toml", ".ruff.toml", "uv.toml", "pixi.toml", "pytest.toml", ".pytest.toml",
	"Cargo.toml", "rustfmt.toml", ".rustfmt.toml", "clippy.toml", ".clippy.toml", "rust-toolchain.toml",
	"deny.toml", "Makefile.toml", "Cross.toml", "Trunk.toml", "Rocket.toml", "rust-analyzer.toml",
	"dist-workspace.toml", "release-plz.toml", ".release-plz.toml", "cliff.toml",
	"netlify.toml", "wrangler.toml", "fly.toml", "vercel.toml", "samconfig.toml", "hugo.toml", "book.toml",
	"Gopkg.toml", ".golangci.toml", "taplo.toml", ".taplo.toml", "typos.toml", "_typos.toml", ".typos.toml",
	"stylua.toml", ".stylua.toml", "lefthook.toml", ".lefthook.toml", "codebook.toml", "starship.toml",
}

// notMapFile reports why the file called name, to be checked, is plainly
// not an argument map, or "" if it may be one. A TOML file without any key
// of argmap's format is not a map when it is one of toolFiles, or, for a
// file found below a directory (named is false), when it has keys of its
// own: a check of a directory is a check of the maps in it, not of every
// TOML file of the project. A file named is checked strictly unless it is
// one of toolFiles, so that argmap check $(git diff --name-only -- '*.toml')
// does not fail on a changed Cargo.toml. A file that cannot be read, is not
// text or is not valid TOML is never skipped: that is reported.
func (l *Loader) notMapFile(name string, named bool) string {
	tool := slices.Contains(toolFiles, filepath.Base(name))
	if named && !tool {
		return ""
	}
	lf := l.read(name)
	if lf.readErr != nil || lf.file.Broken {
		return ""
	}
	for _, d := range lf.diags {
		switch d.Code {
		case "toml-syntax", "too-deep", "not-text":
			return ""
		}
	}
	f := lf.file
	if f.Title != "" || f.Description != "" || len(f.Includes) > 0 || len(f.Arguments) > 0 ||
		len(f.Relations) > 0 || len(f.Undercuts) > 0 || len(f.Expectations) > 0 {
		return ""
	}
	// The file holds nothing of a map; look at the keys it has. Parse has
	// already bounded its nesting and key depth, so decoding is safe, and
	// the values are not decoded.
	var top map[string]toml.Primitive
	if _, err := toml.Decode(string(f.Source.Data), &top); err != nil {
		return ""
	}
	if len(top) == 0 {
		if tool {
			return "the file of another tool"
		}
		return "" // an empty file: a map not yet written, reported
	}
	for k := range top {
		if slices.Contains(topKeys, k) {
			return "" // "title = 3": a map with a mistake, reported
		}
	}
	if tool {
		return "the file of another tool"
	}
	return "no key of argmap's format"
}
