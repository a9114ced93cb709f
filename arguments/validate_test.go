package arguments

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMapChecks runs each check of mapChecks on its own over the cases of
// testdata/check (the files of a directory case as one map), and checks that it reports only the codes it
// declares, and that every code declared is reported by some case: each
// check has a golden test.
func TestMapChecks(t *testing.T) {
	reported := map[string]bool{}
	for _, name := range checkCases(t) {
		paths := []string{filepath.Join(checkDir, name)}
		if !strings.HasSuffix(name, ".toml") {
			paths, _ = filepath.Glob(filepath.Join(checkDir, name, "*.toml"))
		}
		m := &Map{}
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				continue // include-dir/parts.toml is a directory
			}
			f, _ := Parse(path, data)
			m.Files = append(m.Files, f)
		}
		if len(m.Files) == 0 {
			continue
		}
		m.Root = m.Files[0]
		c := assemble(m)
		for _, check := range mapChecks {
			before := len(c.diags)
			check.run(c)
			for _, d := range c.diags[before:] {
				if !slices.Contains(check.codes, d.Code) {
					t.Errorf("%s: the check of %s reports %s, which it does not declare", name, check.name, formatDiagnostic(d))
				}
				reported[d.Code] = true
			}
		}
	}
	for _, check := range mapChecks {
		for _, code := range check.codes {
			if !reported[code] {
				t.Errorf("no case of %s has a diagnostic %s of the check of %s", checkDir, code, check.name)
			}
		}
	}
}
