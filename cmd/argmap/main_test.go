package main

import (
	"bytes"
	"strings"
	"testing"
)

// runInProcess runs argmap in this process with args (without the program
// name) and returns what it wrote and its exit status.
func runInProcess(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Setenv("ARGMAP_RENDER_SERVER", "off")
	var out, errOut bytes.Buffer
	code = run(append([]string{"argmap"}, args...), &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestUnknownCommand(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"chek", "x.toml"}, `argmap: unknown command "chek" (did you mean check?)`},
		{[]string{"chek"}, `argmap: unknown command "chek" (did you mean check?)`},
		{[]string{"--strict", "rendr"}, `argmap: unknown command "rendr" (did you mean render?)`},
		{[]string{"explian", "m.toml", "a"}, `argmap: unknown command "explian" (did you mean explain?)`},
		{[]string{"help", "chek"}, `argmap: unknown command "chek" (did you mean check?)`},
		{[]string{"frobnicate"}, `argmap: unknown command "frobnicate"` + "\n"},
		// The hidden graphviz-server command is not suggested.
		{[]string{"graphviz-servr"}, `argmap: unknown command "graphviz-servr"` + "\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := runInProcess(t, tt.args...)
			if code != exitUsage {
				t.Errorf("exit status %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "Run 'argmap help' for usage.") {
				t.Errorf("standard error %q, want %q and the usage hint", stderr, tt.want)
			}
			if stdout != "" {
				t.Errorf("standard output %q, want nothing", stdout)
			}
		})
	}
}
