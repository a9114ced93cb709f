package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/renderers/graphviz"
)

// TestNoteUncached checks the note on a cache that is refused: one line,
// naming the directory and why. A cache that is used gets no note.
func TestNoteUncached(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles Graphviz")
	}
	shared := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(shared, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o777); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	gv, err := graphviz.New(ctx, graphviz.Options{CacheDir: filepath.Join(shared, "argmap")})
	if err != nil {
		t.Fatal(err)
	}
	defer gv.Close(ctx)
	var buf bytes.Buffer
	noteUncached(&buf, gv)
	if s := buf.String(); strings.Count(s, "\n") != 1 || !strings.Contains(s, shared) || !strings.Contains(s, "others may write") {
		t.Errorf("note %q, want one line naming %s and why", s, shared)
	}
	buf.Reset()
	noteUncached(&buf, nil)
	if buf.Len() != 0 {
		t.Errorf("note without an engine: %q", buf.String())
	}
}
