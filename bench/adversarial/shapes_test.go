package adversarial

import (
	"os"
	"testing"
)

// TestShapes checks the generators on small sizes: the valid shapes give maps without
// errors (which eval and solve need), the others errors, and each is deterministic.
func TestShapes(t *testing.T) {
	for _, s := range Shapes() {
		t.Run(s.Name, func(t *testing.T) {
			for i := 1; i < len(s.Sizes); i++ {
				if s.Sizes[i] <= s.Sizes[i-1] {
					t.Errorf("sizes %v not ascending", s.Sizes)
				}
			}
			n := 10
			if s.Name == "i23-header" {
				n = 1000
			}
			a, b := t.TempDir(), t.TempDir()
			root, err := s.Write(a, n)
			if err != nil {
				t.Fatal(err)
			}
			root2, err := s.Write(b, n)
			if err != nil {
				t.Fatal(err)
			}
			x, _ := os.ReadFile(root)
			y, _ := os.ReadFile(root2)
			if string(x) != string(y) {
				t.Errorf("two runs differ")
			}
			if s.What == Map {
				errs := check(t, root)
				if s.Valid && errs > 0 || !s.Valid && errs == 0 {
					t.Errorf("check: %d errors (valid: %v) in\n%s", errs, s.Valid, x[:min(len(x), 300)])
				}
			}
			if s.Valid {
				if s.What == Map && eval(t, root) > 0 {
					t.Errorf("eval: refused\n%s", x[:min(len(x), 300)])
				}
				if errs := solve(t, root); errs > 0 {
					t.Errorf("solve: refused\n%s", x[:min(len(x), 300)])
				}
			}
		})
	}
}
