package exchange

import (
	"context"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/iccma"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// solverFramework is the framework of m that argmap eval evaluates with
// the supports read as opt.Support, with the argument id of each node ("" for
// an auxiliary node).
func solverFramework(ctx context.Context, m *arguments.Map, opt Options) (*semantics.Framework, []string, error) {
	fw, nodes, err := evaluate.Framework(ctx, m, evaluate.Options{Support: opt.Support, MaxAttacks: opt.MaxAttacks})
	if err != nil {
		return nil, nil, err
	}
	ids := make([]string, fw.Len())
	for n := range ids {
		ids[n], _ = nodes.ID(n)
	}
	return fw, ids, nil
}

// solverHeader is the comment at the top of an i23 or apx export, each line
// after prefix; each says what the comment lines after it give.
func solverHeader(ew *errWriter, prefix string, m *arguments.Map, opt Options, each string) {
	ew.printf("%s argmap: the framework that argmap eval --support %s evaluates for %s:\n", prefix, opt.Support, argdownComment(m.Root.Name))
	if opt.Support == bipolar.Ignore {
		ew.printf("%s argmap: its attacks; its supports are left out. %s\n", prefix, each)
	} else {
		ew.printf("%s argmap: its attacks and those its supports give rise to. %s\n", prefix, each)
	}
}

// WriteI23 writes the framework that argmap eval evaluates for m, its
// supports read as opt.Support, in the i23 format of ICCMA 2023 (see package
// iccma): the arguments are numbered 1..N in the framework's order, the map's
// arguments first. i23 has attacks only, so the supports are folded into the
// attacks they give rise to (package semantics/bipolar); with
// bipolar.Ignore they are left out. Linked reasons, undercut relations and
// convergent reasons have nodes of their own in that framework, after the
// arguments. Comment lines before the header name each node:
//
//	# 1 designation "Designating the cartels ..."
//	# 34 -
//
// the number, the argument's id (or "-" for a node that is no argument of the
// map) and its claim as a JSON string; argmap import reads them back.
func WriteI23(ctx context.Context, w io.Writer, m *arguments.Map, opt Options) error {
	fw, ids, err := solverFramework(ctx, m, opt)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	solverHeader(ew, "#", m, opt, "Each argument: its number, id and claim (- for a node that is no argument of the map).")
	for n, id := range ids {
		if id == "" {
			ew.printf("# %d -\n", n+1)
			continue
		}
		ew.printf("# %d %s %s\n", n+1, id, jsonLine(m.Argument(id).Claim))
	}
	if ew.err != nil {
		return ew.err
	}
	var attacks [][2]int
	for a := range fw.Len() {
		for _, b := range fw.Attacks(a) {
			attacks = append(attacks, [2]int{a, b})
		}
	}
	return iccma.WriteI23(w, fw.Len(), attacks)
}

// WriteAPX writes the framework that WriteI23 writes in the apx format of
// ASPARTIX and ICCMA 2017–2021: "arg(a)." for each argument and "att(a,b)."
// for each attack. An argument is named by its id when the id is an ASP
// constant (a lower-case letter, then letters, digits and '_'), else by the
// id as a quoted string ("Art-51"); a node that is no argument of the map is
// "_N", quoted, N its number in the framework. A comment line "% ID CLAIM"
// before the facts gives each argument's claim as a JSON string.
func WriteAPX(ctx context.Context, w io.Writer, m *arguments.Map, opt Options) error {
	fw, ids, err := solverFramework(ctx, m, opt)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	solverHeader(ew, "%", m, opt, "Each argument: its id and claim.")
	names := make([]string, len(ids))
	for n, id := range ids {
		if id == "" {
			names[n] = strconv.Quote("_" + strconv.Itoa(n+1))
			continue
		}
		names[n] = APXName(id)
		ew.printf("%% %s %s\n", id, jsonLine(m.Argument(id).Claim))
	}
	for _, name := range names {
		ew.printf("arg(%s).\n", name)
	}
	for a := range fw.Len() {
		for _, b := range fw.Attacks(a) {
			ew.printf("att(%s,%s).\n", names[a], names[b])
		}
	}
	return ew.err
}

// APXName is the id as an argument of an apx file: the id itself when it
// is an ASP constant, else the id as a quoted string.
func APXName(id string) string {
	if isASPConstant(id) {
		return id
	}
	return strconv.Quote(id)
}

func isASPConstant(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// jsonLine is s as a JSON string, which never spans lines; '<', '>' and
// '&' are written as they are.
func jsonLine(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}
