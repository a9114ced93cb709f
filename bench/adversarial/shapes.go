// Package adversarial generates the inputs of issue 9's denial-of-service findings —
// files shaped to make argmap's cost grow faster than their size — at growing sizes,
// for the benchmarks in this directory (adversarial_test.go, run.sh). See README.md.
//
// Every shape is a deterministic function of its size: the same size gives the same
// bytes.
package adversarial

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// Input is what a shape writes: an argmap map (Root is its root file) or an i23 file.
type Input int

const (
	Map Input = iota + 1 // an argmap map, for check, eval and solve
	I23                  // an ICCMA i23 file, for solve
)

// Shape is one adversarial shape of input.
type Shape struct {
	Name string
	// What is the input: a map or an i23 file.
	What Input
	// Valid is true when the map is free of errors, so that eval and solve apply
	// to it; the maps that are not exist to make check and its diagnostics slow.
	Valid bool
	// Unit says what the size n counts.
	Unit string
	// Sizes are the sizes the benchmarks use, ascending.
	Sizes []int
	// Write writes the input of size n into dir, which must exist, and returns the
	// path of its root file.
	Write func(dir string, n int) (string, error)
}

// Shapes returns the shapes of issue 9, in its order.
func Shapes() []Shape {
	return []Shape{
		{"dotted-key", Map, false, "key parts", []int{2500, 5000, 10000, 20000}, DottedKey},
		{"table-header", Map, false, "key parts", []int{2500, 5000, 10000, 20000}, TableHeader},
		{"support-chain", Map, true, "arguments", []int{2500, 5000, 10000, 20000}, SupportChain},
		{"random", Map, true, "arguments (10 relations each)", []int{2500, 5000, 10000, 20000}, Random},
		{"undercuts", Map, true, "undercut supports", []int{500, 1000, 2000, 4000}, Undercuts},
		{"includes", Map, true, "includes on one line", []int{12500, 25000, 50000, 100000}, Includes},
		{"long-line", Map, true, "arguments on one line", []int{1000, 2000, 4000, 8000}, LongLine},
		{"i23-header", I23, true, "arguments declared", []int{100_000, 1_000_000, 10_000_000, 100_000_000}, I23Header},
		{"i23-random", I23, true, "arguments (10 attacks each)", []int{25000, 50000, 100000, 200000}, I23Random},
	}
}

// id is the id of argument i: a fixed width, so that sizes grow exactly with n.
func id(i int) string { return fmt.Sprintf("a%06d", i) }

// claim is a claim with a non-ASCII letter, so that columns count runes, not bytes.
const claim = `"Calderón's claim."`

// write creates dir/name and fills it with fill.
func write(dir, name string, fill func(w *bufio.Writer)) (string, error) {
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	fill(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

// DottedKey writes a map whose first line is one dotted key of n parts,
// "x.a.a.….a.z = 1": about 2n bytes. Quadratic in BurntSushi/toml before key depth
// was bounded (10k parts: 10 s, 1.5 GB).
func DottedKey(dir string, n int) (string, error) {
	return write(dir, "dotted-key.toml", func(w *bufio.Writer) {
		w.WriteString("x")
		for range n - 2 {
			w.WriteString(".a")
		}
		w.WriteString(".z = 1\n\n[arguments.a]\nclaim = " + claim + "\n")
	})
}

// TableHeader writes a map with a table header of n parts, "[x.a.a.….a]".
func TableHeader(dir string, n int) (string, error) {
	return write(dir, "table-header.toml", func(w *bufio.Writer) {
		w.WriteString("[arguments.a]\nclaim = " + claim + "\n\n[x")
		for range n - 1 {
			w.WriteString(".a")
		}
		w.WriteString("]\ny = 1\n")
	})
}

// SupportChain writes a map of n arguments, each supporting the next, the last
// attacking the first, and an expectation, so that check evaluates it: about 70n
// bytes. Read deductively, every argument attacks every other one through the chain:
// n² derived attacks (20k arguments, 1 MB, took check 37 s and 9.6 GB).
func SupportChain(dir string, n int) (string, error) {
	return write(dir, "support-chain.toml", func(w *bufio.Writer) {
		for i := range n {
			fmt.Fprintf(w, "[arguments.%s]\nclaim = %s\n", id(i), claim)
			if i+1 < n {
				fmt.Fprintf(w, "supports = [%q]\n", id(i+1))
			} else {
				fmt.Fprintf(w, "attacks = [%q]\n", id(0))
			}
		}
		fmt.Fprintf(w, "\n[expect.grounded]\nundec = [%q]\n", id(0))
	})
}

// Random writes a map of n arguments in which each supports 5 and attacks 5 others,
// ten distinct random ones (20k arguments, 200k relations: grounded eval 32 s, 6.6 GB).
func Random(dir string, n int) (string, error) {
	rng := rand.New(rand.NewPCG(uint64(n), 9))
	return write(dir, "random.toml", func(w *bufio.Writer) {
		for i := range n {
			targets := map[int]bool{}
			var order []int
			for len(order) < min(10, n-1) {
				j := rng.IntN(n)
				if j != i && !targets[j] {
					targets[j] = true
					order = append(order, j)
				}
			}
			fmt.Fprintf(w, "[arguments.%s]\nclaim = %s\n", id(i), claim)
			half := len(order) / 2
			for k, list := range [][]int{order[:half], order[half:]} {
				w.WriteString([]string{"supports", "attacks"}[k] + " = [")
				for x, j := range list {
					if x > 0 {
						w.WriteString(", ")
					}
					fmt.Fprintf(w, "%q", id(j))
				}
				w.WriteString("]\n")
			}
		}
	})
}

// Undercuts writes a chain of n+1 arguments, each supporting the next, and n more
// arguments, each undercutting one of the n supports (4k undercuts: eval 73 s).
func Undercuts(dir string, n int) (string, error) {
	return write(dir, "undercuts.toml", func(w *bufio.Writer) {
		for i := range n + 1 {
			fmt.Fprintf(w, "[arguments.%s]\nclaim = %s\n", id(i), claim)
			if i < n {
				fmt.Fprintf(w, "supports = [%q]\n", id(i+1))
			}
		}
		for i := range n {
			fmt.Fprintf(w, "[arguments.u%06d]\nclaim = %s\n", i, claim)
		}
		for i := range n {
			fmt.Fprintf(w, "\n[[relations]]\nfrom = \"u%06d\"\ntype = \"undercut\"\nto = { from = %q, to = %q }\n", i, id(i), id(i+1))
		}
	})
}

// Includes writes a map whose root file includes the same small file n times, in one
// array on one line (100k includes: 70–100 s, as every position counted the runes from
// the start of the line).
func Includes(dir string, n int) (string, error) {
	if _, err := write(dir, "included.toml", func(w *bufio.Writer) {
		fmt.Fprintf(w, "[arguments.b]\nclaim = %s\nattacks = [\"a\"]\n", claim)
	}); err != nil {
		return "", err
	}
	return write(dir, "includes.toml", func(w *bufio.Writer) {
		w.WriteString("title = " + claim + "\ninclude = [")
		for i := range n {
			if i > 0 {
				w.WriteString(", ")
			}
			w.WriteString(`"included.toml"`)
		}
		fmt.Fprintf(w, "]\n\n[arguments.a]\nclaim = %s\n", claim)
	})
}

// LongLine writes a map of n arguments in one inline table on one line, each
// attacking the next: one line of about 60n bytes, each of whose values has a
// position on that line.
func LongLine(dir string, n int) (string, error) {
	return write(dir, "long-line.toml", func(w *bufio.Writer) {
		w.WriteString("arguments = { ")
		for i := range n {
			if i > 0 {
				w.WriteString(", ")
			}
			fmt.Fprintf(w, "%s = { claim = %s", id(i), claim)
			if i+1 < n {
				fmt.Fprintf(w, ", attacks = [%q]", id(i+1))
			}
			w.WriteString(" }")
		}
		w.WriteString(" }\n")
	})
}

// I23Header writes an i23 file whose header declares n arguments, with one attack:
// about 20 bytes whatever n ("p af 100000000": 14 s and 5.5 GB before the header
// was bounded by the file's size).
func I23Header(dir string, n int) (string, error) {
	return write(dir, "header.i23", func(w *bufio.Writer) {
		fmt.Fprintf(w, "p af %d\n1 2\n", n)
	})
}

// I23Random writes an i23 file of n arguments and 10n random attacks: the ordinary
// case, against which the others compare.
func I23Random(dir string, n int) (string, error) {
	rng := rand.New(rand.NewPCG(uint64(n), 23))
	return write(dir, "random.i23", func(w *bufio.Writer) {
		fmt.Fprintf(w, "p af %d\n", n)
		for range 10 * n {
			fmt.Fprintf(w, "%d %d\n", 1+rng.IntN(n), 1+rng.IntN(n))
		}
	})
}
