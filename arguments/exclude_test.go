package arguments

import "testing"

func TestExcludePattern(t *testing.T) {
	tests := []struct {
		pattern string
		match   []string
		noMatch []string
	}{
		{"pyproject.toml", []string{"pyproject.toml"}, []string{"sub/pyproject.toml", "pyproject.toml.bak"}},
		{"**/pyproject.toml", []string{"pyproject.toml", "a/pyproject.toml", "a/b/c/pyproject.toml"}, []string{"a/pyproject.tom"}},
		{"vendor", []string{"vendor", "vendor/x.toml", "vendor/a/b.toml"}, []string{"vendored/x.toml", "a/vendor/x.toml"}},
		{"vendor/**", []string{"vendor", "vendor/x.toml", "vendor/a/b.toml"}, []string{"vendored/x.toml"}},
		{"./vendor/", []string{"vendor/x.toml"}, []string{"x.toml"}},
		{"**/testdata", []string{"testdata/a.toml", "cmd/argmap/testdata/e2e/x.toml"}, []string{"testdatum/a.toml"}},
		{"*.toml", []string{"a.toml", "a.toml/b.txt"}, []string{"d/a.toml"}},
		{"d/*/x.toml", []string{"d/a/x.toml"}, []string{"d/x.toml", "d/a/b/x.toml"}},
		{"d/**/x.toml", []string{"d/x.toml", "d/a/x.toml", "d/a/b/x.toml"}, []string{"e/x.toml"}},
		{"**", []string{"a.toml", "a/b.toml"}, []string{"."}},
		{"[ab].toml", []string{"a.toml", "b.toml"}, []string{"c.toml"}},
		{"../shared/*.toml", []string{"../shared/a.toml"}, []string{"shared/a.toml"}},
	}
	for _, tt := range tests {
		p, err := ParseExclude(tt.pattern)
		if err != nil {
			t.Errorf("ParseExclude(%q): %v", tt.pattern, err)
			continue
		}
		for _, name := range tt.match {
			if !p.Match(name) {
				t.Errorf("%q does not match %q", tt.pattern, name)
			}
		}
		for _, name := range tt.noMatch {
			if p.Match(name) {
				t.Errorf("%q matches %q", tt.pattern, name)
			}
		}
	}
}

func TestParseExcludeErrors(t *testing.T) {
	for _, pattern := range []string{"", ".", "./", "[a", "a/[/b"} {
		if _, err := ParseExclude(pattern); err == nil {
			t.Errorf("ParseExclude(%q) succeeded, want an error", pattern)
		}
	}
}
