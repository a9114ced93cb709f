package arguments

import (
	"testing"

	"github.com/argmap/argmap/diagnostic"
)

func TestRules(t *testing.T) {
	rs := Rules()
	if len(rs) == 0 {
		t.Fatal("no rules")
	}
	seen := map[string]bool{}
	for _, r := range rs {
		if seen[r.Code] {
			t.Errorf("code %q registered twice", r.Code)
		}
		seen[r.Code] = true
		if r.Severity != diagnostic.Error && r.Severity != diagnostic.Warning || r.Summary == "" {
			t.Errorf("rule %q: severity %v, summary %q", r.Code, r.Severity, r.Summary)
		}
		if d := NewDiagnostic(r.Code, diagnostic.FileRange("f"), "", "x"); d.Severity != r.Severity || d.Code != r.Code {
			t.Errorf("NewDiagnostic(%q) = %+v", r.Code, d)
		}
	}
	rs[0].Code = "changed"
	if Rules()[0].Code == "changed" {
		t.Error("Rules returns the registry itself, not a copy")
	}
}

func TestNewDiagUnknownCode(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("newDiag with an unregistered code did not panic")
		}
	}()
	NewDiagnostic("no-such-code", diagnostic.FileRange("f"), "", "x")
}
