package arguments

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/argmap/argmap/diagnostic"
)

// ExpectFunc checks the expectations of a map ([expect.SEMANTICS] tables),
// given the diagnostics the map already has, and returns those with its
// own added: the mistakes of the tables whatever else is wrong, and the
// failed expectations once the map can be evaluated. This package does
// not evaluate maps, so the caller provides it (package evaluate's
// CheckMap).
type ExpectFunc func(ctx context.Context, m *Map, diags diagnostic.Diagnostics) diagnostic.Diagnostics

// CheckResult is what checking the maps of a run found, as argmap check
// reports it.
type CheckResult struct {
	// Maps are the maps checked, in the order of their root files.
	Maps []*MapCheck
	// Diagnostics are all the problems found, sorted, each once (a file
	// that two maps include is reported once): those of the maps, and
	// those of no map, such as a path that cannot be read or a directory
	// that holds no map.
	Diagnostics diagnostic.Diagnostics
	// Skipped are the paths of the run that were not checked.
	Skipped []SkippedFile
}

// MapCheck is the check of one map.
type MapCheck struct {
	Map *Map
	// Diagnostics are the map's problems, sorted: those found in reading
	// and validating its files and, for a map without errors, its failed
	// expectations.
	Diagnostics diagnostic.Diagnostics
	// Parts are the files of the run other than the root file (named, or
	// found below a directory named) that belong to this map.
	Parts []string
	// Owner is set when the map's root file was not part of the run but
	// found as the root of the map that a file of the run belongs to (see
	// Loader.Check). Parts then names that file.
	Owner bool
}

// SkippedFile is a path of a run that was not checked.
type SkippedFile struct {
	Name   string
	Reason SkipReason
	Why    string // for NotMap: what shows that it is not a map
}

// SkipReason says why a path was not checked.
type SkipReason uint8

const (
	// Excluded is a path that an exclude pattern matches.
	Excluded SkipReason = iota + 1
	// NotMap is a TOML file that is plainly not an argument map: another
	// tool's file such as pyproject.toml, or, below a directory checked, a
	// file without any key of argmap's format.
	NotMap
)

// Check reads and checks the maps of paths as argmap check does. Paths
// are files or directories, as for LoadPaths, less what l.Exclude leaves
// out and, below directories, TOML files that are plainly not maps.
//
// Each file is checked as part of the map it belongs to: a file that
// another file of the run includes is checked in that file's map, and a
// file that no file of the run includes is checked in the map of the
// root file that includes it, found in its directory or one above it (up
// to the include root given, or else the top of its Git repository), if
// there is one. Otherwise it is checked as a map of its own.
//
// The expectations of a map are checked by expect, if not nil, when the
// map is complete and free of errors: the relations of a map with errors
// are not all known.
func (l *Loader) Check(ctx context.Context, paths []string, expect ExpectFunc) *CheckResult {
	r := l.loadRun(paths)
	res := &CheckResult{Diagnostics: r.diags, Skipped: r.skipped}
	for _, ml := range r.maps {
		mc := &MapCheck{Map: ml.m, Diagnostics: ml.diags, Parts: ml.parts, Owner: ml.root.owns != ""}
		mc.expect(ctx, expect)
		if !mc.Owner && ml.root.lf.named {
			mc.Diagnostics = l.partHint(mc)
		}
		res.Maps = append(res.Maps, mc)
		res.Diagnostics = append(res.Diagnostics, mc.Diagnostics...)
	}
	res.Diagnostics.Sort()
	return res
}

// CheckMap reads and checks the map whose root file is name, as Check
// does for the maps of a run; name is not looked for in other maps.
func (l *Loader) CheckMap(ctx context.Context, name string, expect ExpectFunc) *MapCheck {
	m, diags := l.Load(name)
	mc := &MapCheck{Map: m, Diagnostics: diags}
	mc.expect(ctx, expect)
	return mc
}

// expect adds what expect finds in the map's expectations to its
// diagnostics.
func (mc *MapCheck) expect(ctx context.Context, expect ExpectFunc) {
	if expect == nil || len(mc.Map.Expectations) == 0 {
		return
	}
	mc.Diagnostics = expect(ctx, mc.Map, mc.Diagnostics)
	mc.Diagnostics.Sort()
}

// partHint returns the diagnostics of mc, a map whose root file was named
// and belongs to no map found, with a word on where argmap looked, when
// its root file looks like the part of another map: it has no title and
// refers to arguments the map lacks.
func (l *Loader) partHint(mc *MapCheck) diagnostic.Diagnostics {
	root := mc.Map.Root
	if root.Title != "" {
		return mc.Diagnostics
	}
	dirs := l.ancestors(root.Name)
	where := dirs[0]
	if len(dirs) > 1 {
		where = fmt.Sprintf("%s or a directory above it up to %s", dirs[0], dirs[len(dirs)-1])
	}
	hint := fmt.Sprintf("If %s is part of a map, check the map's root file: no *.toml file in %s includes it.",
		filepath.Base(root.Name), where)
	ds := make(diagnostic.Diagnostics, len(mc.Diagnostics))
	for i, d := range mc.Diagnostics {
		if d.Code == "unknown-argument" && d.Range.Filename == root.Name {
			d.Detail += " " + hint
		}
		ds[i] = d
	}
	return ds
}

// Files returns the number of files in the maps checked, each once.
func (r *CheckResult) Files() int {
	files := map[*File]bool{}
	for _, mc := range r.Maps {
		for _, f := range mc.Map.Files {
			files[f] = true
		}
	}
	return len(files)
}

// Arguments returns the number of arguments in the maps checked.
func (r *CheckResult) Arguments() int {
	n := 0
	for _, mc := range r.Maps {
		n += len(mc.Map.Arguments)
	}
	return n
}

// Failed reports whether the check fails: it found errors, or, if strict,
// any problem.
func (r *CheckResult) Failed(strict bool) bool {
	return r.Diagnostics.HasErrors() || strict && len(r.Diagnostics) > 0
}

// Notes returns sentences for people on what the check did beyond what
// was asked: the maps it checked for the files that belong to them, and
// the paths it skipped.
func (r *CheckResult) Notes() []string {
	var notes []string
	for _, mc := range r.Maps {
		if mc.Owner {
			notes = append(notes, fmt.Sprintf("%s is part of the map of %s, which includes it: checked that map",
				listNames(mc.Parts, 3), mc.Map.Root.Name))
		}
	}
	var excluded int
	var notMaps []string
	for _, s := range r.Skipped {
		switch s.Reason {
		case Excluded:
			excluded++
		case NotMap:
			notMaps = append(notMaps, fmt.Sprintf("%s (%s)", s.Name, s.Why))
		}
	}
	if len(notMaps) > 0 {
		what := "1 TOML file that is not an argument map"
		if len(notMaps) > 1 {
			what = fmt.Sprintf("%d TOML files that are not argument maps", len(notMaps))
		}
		notes = append(notes, fmt.Sprintf("skipped %s: %s", what, listNames(notMaps, 5)))
	}
	if excluded > 0 {
		what := "1 path"
		if excluded > 1 {
			what = fmt.Sprintf("%d paths", excluded)
		}
		notes = append(notes, fmt.Sprintf("skipped %s excluded by --exclude", what))
	}
	return notes
}
