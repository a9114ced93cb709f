package importers

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/iccma"
)

// ReadI23 reads an argumentation framework in the i23 format of ICCMA 2023
// (see package iccma): each argument 1..N becomes an argmap argument, each
// attack an attack. The comment lines that argmap export writes before the
// header, "# N ID CLAIM" with the claim as a JSON string (and "# N -" for a
// node that was no argument of the map), give the arguments back their ids
// and claims; an argument without one is "aN", claimed "Argument N".
func ReadI23(name string, data []byte) (*Map, diagnostic.Diagnostics) {
	p := newProblems(name, data)
	data = blankBOM(data)
	b := newBuilder(p)
	n, attacks, err := iccma.ReadI23(bytes.NewReader(data))
	if err != nil {
		var d diagnostic.Diagnostic
		if errors.As(err, &d) {
			d.Range.Filename = name
			if d.Range.Start.Line > 0 && d.Range.Start.Column == 0 {
				d.Range = p.src.Range(d.Range.Start.Offset, d.Range.Start.Offset)
			}
			p.diags = append(p.diags, d)
		} else {
			p.file("i23-syntax", "", "%v", err)
		}
		return b.done()
	}
	names, texts := make([]string, n), make([]string, n)
	aux := make([]bool, n)
	for _, line := range bytes.Split(data, []byte("\n")) {
		num, id, claim, ok := solverComment(string(line), "#")
		if !ok || num < 1 || num > n {
			continue
		}
		if id == "-" {
			aux[num-1] = true
			continue
		}
		names[num-1], texts[num-1] = id, claim
	}
	for i := range names {
		if names[i] == "" {
			names[i] = "a" + strconv.Itoa(i+1)
		}
	}
	ids := IDs(names, texts, "argument")
	for i, id := range ids {
		claim := texts[i]
		switch {
		case aux[i]:
			claim = "Node " + strconv.Itoa(i+1) + " of the framework, no argument of the map it was exported from (an inference, or a node of the reading of its supports)"
		case claim == "":
			claim = "Argument " + strconv.Itoa(i+1)
		}
		b.argument(&Argument{ID: id, Claim: claim})
	}
	for _, a := range attacks {
		b.relation("attack", []string{ids[a[0]]}, ids[a[1]], "", 0, 0)
	}
	return b.done()
}

// solverComment parses a comment line "PREFIX N ID CLAIM" (i23, prefix
// "#") or "PREFIX ID CLAIM" (apx, prefix "%", num 0), the claim a JSON
// string, as argmap export writes them; for i23, "# N -" too (id "-").
func solverComment(line, prefix string) (num int, id, claim string, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimSpace(line), prefix)
	if !found {
		return 0, "", "", false
	}
	if prefix == "#" {
		var n string
		n, rest = cutToken(rest)
		v, err := strconv.Atoi(n)
		if err != nil {
			return 0, "", "", false
		}
		num = v
	}
	id, rest = cutToken(rest)
	if id == "-" && prefix == "#" && rest == "" {
		return num, id, "", true
	}
	if id == "" || !strings.HasPrefix(rest, "\"") || json.Unmarshal([]byte(rest), &claim) != nil {
		return 0, "", "", false
	}
	return num, id, claim, true
}

// cutToken returns the first space-separated token of s and what follows
// it, both without surrounding spaces.
func cutToken(s string) (tok, rest string) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i], strings.TrimSpace(s[i+1:])
	}
	return s, ""
}
