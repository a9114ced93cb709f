package dot

import (
	"strings"
	"testing"
)

// TestQuestions draws a map with critical questions: the argument with open
// questions has a "?N open" in its footer, and the questions raised and
// answered are dashed and dotted arrows labelled with the question's id.
func TestQuestions(t *testing.T) {
	m := load(t, "testdata/questions.toml")
	got := write(t, m, Options{})
	compareGolden(t, "testdata/questions.dot", got)
	for _, want := range []string{"?4", "open</B>", `xlabel="? field"`, `style=dotted`} {
		if !strings.Contains(got, want) {
			t.Errorf("the drawing lacks %q", want)
		}
	}
	if again := write(t, m, Options{}); again != got {
		t.Error("two drawings of the same map differ")
	}
}
