package remote

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"
)

// tangled is the DOT of a graph laid out by sfdp, whose coarsening draws
// random numbers that sfdp does not seed.
func tangled(n int) []byte {
	var b bytes.Buffer
	b.WriteString("digraph { graph [layout=sfdp overlap=true splines=false]\n")
	x := uint32(1)
	for i := range n {
		for range 3 {
			x = x*1664525 + 1013904223
			fmt.Fprintf(&b, "n%d -> n%d\n", i, x%uint32(n))
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// TestTangledLikeFreshEngine draws a graph laid out by sfdp (as argmap
// lays out tangled maps) through a server that has drawn it before: the
// drawing must be the one a fresh engine makes, as argmap render makes it
// in its own process, whatever the server drew before.
func TestTangledLikeFreshEngine(t *testing.T) {
	ctx := context.Background()
	dot := tangled(30)
	want, err := engine(t).Render(ctx, dot, "json")
	if err != nil {
		t.Fatal(err)
	}
	socket, _, _ := server(t, engine(t), Limits{Idle: time.Minute})
	for i := range 3 {
		got, err := Render(ctx, socket, dot, "json")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got[0], want[0]) {
			t.Fatalf("render %d through the server differs from a fresh engine's", i+1)
		}
	}
}
