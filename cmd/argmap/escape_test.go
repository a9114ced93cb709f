package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileMap is a map whose title and claims carry what draws over a
// terminal: ESC sequences that erase the line and write "0 errors", BEL, a
// C1 CSI, a bidi override and a line break followed by a fake verdict.
const hostileMap = `title = "T\u001b]0;owned\u0007"
[arguments.a]
claim = "A\u001b[2K\u001b[1G0 errors\u009b31m \u202eevil\nb is accepted"
attacks = ["b"]
[arguments.b]
claim = "B"
`

// unsafeOutput lists what must never reach a terminal from a map.
var unsafeOutput = []string{"\x1b", "\x07", "\u009b", "\u202e", "\r"}

func checkEscaped(t *testing.T, what string, r result) {
	t.Helper()
	for _, out := range []string{r.stdout, r.stderr} {
		for _, bad := range unsafeOutput {
			if strings.Contains(out, bad) {
				t.Errorf("%s prints %q raw:\n%s", what, bad, r)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if line == "b is accepted" {
				t.Errorf("%s prints a claim's line break raw:\n%s", what, r)
			}
		}
	}
}

func TestTerminalEscapes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "m.toml"), []byte(hostileMap), 0o644); err != nil {
		t.Fatal(err)
	}
	// An include whose missing file's name is an ESC sequence, and a
	// broken file of raw ESC and BEL, which the quoted line would echo.
	broken := `include = ["\u001b[2K\u001b[1G0 errors"]` + "\n[arguments.c]\nclaim = \"C\"\n"
	if err := os.WriteFile(filepath.Join(dir, "inc.toml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "raw.toml"), []byte("a = \x1b[2K\x07\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	r := argmap(t, dir, "eval", "m.toml")
	if r.code != 0 || !strings.Contains(r.stdout, `A\x1b[2K\x1b[1G0 errors`) || !strings.Contains(r.stdout, `T\x1b]0;owned\x07`) {
		t.Errorf("eval:\n%s", r)
	}
	checkEscaped(t, "eval", r)

	r = argmap(t, dir, "explain", "m.toml", "a")
	if r.code != 0 || !strings.Contains(r.stdout, `\u202eevil\nb is accepted`) {
		t.Errorf("explain:\n%s", r)
	}
	checkEscaped(t, "explain", r)

	for _, file := range []string{"inc.toml", "raw.toml"} {
		r = argmap(t, dir, "check", file)
		if r.code == 0 || !strings.Contains(r.stdout, `\x1b[2K`) {
			t.Errorf("check %s:\n%s", file, r)
		}
		checkEscaped(t, "check "+file, r)
	}

	// JSON keeps the strings as they are, in its own escapes.
	r = argmap(t, dir, "check", "--format", "json", "inc.toml")
	var out struct {
		Diagnostics []struct{ Message string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("check --format json: %v\n%s", err, r)
	}
	found := false
	for _, d := range out.Diagnostics {
		found = found || strings.Contains(d.Message, "\x1b[2K\x1b[1G0 errors")
	}
	if !found || strings.Contains(r.stdout, "\x1b") {
		t.Errorf("check --format json does not keep the file name as it is, in JSON's escapes:\n%s", r)
	}
}
