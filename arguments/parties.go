package arguments

import (
	"fmt"
	"strings"

	"github.com/argmap/argmap/diagnostic"
)

// This file reads an argument's party, which may be a coalition, and its
// tags.

// CoalitionJoiner joins the members of a coalition in Argument.Party.
const CoalitionJoiner = " + "

// Coalition reports whether the argument is put forward by a coalition:
// two or more parties together.
func (a *Argument) Coalition() bool { return len(a.Parties) > 1 }

// sameName is the form in which two party names or two tags are compared:
// the words of s in lower case, separated by single spaces. "US
// administration" and "US  Administration" are one party.
func sameName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

const coalitionHelp = `A coalition lists its parties: party = ["United States", "United Kingdom"].`

// party reads an argument's party: a string, or an array of strings, a
// coalition.
func (p *parser) party(a *Argument, e entry) {
	if s, ok := e.value.(string); ok {
		a.Party = s
		if strings.TrimSpace(s) != "" {
			a.Parties = []string{s}
		}
		return
	}
	if _, ok := array(e); !ok {
		p.wrongType(e, "`party` is who puts the argument forward and must be a string or an array of strings",
			`Quote it: party = "...", or list a coalition: party = ["...", "..."].`)
		return
	}
	a.Parties = p.names(e, nameList{
		dupMsg:    "%q is named twice in the coalition",
		dupFirst:  "first named here",
		emptyList: "a coalition without parties",
		emptyHelp: coalitionHelp + " Or remove the key.",
		blank:     "a party of the coalition is empty",
		blankHelp: "Name each party of the coalition, or remove the empty string.",
		dupCode:   "duplicate-party",
		dupHelp:   "Name each party of a coalition once.",
		typeMsg:   "`party` lists the parties of a coalition",
		typeHelp:  `Write each party as a string: party = ["United States", "United Kingdom"].`,
	})
	a.Party = strings.Join(a.Parties, CoalitionJoiner)
}

// tags reads an argument's tags: an array of strings.
func (p *parser) tags(a *Argument, e entry) {
	if _, ok := array(e); !ok {
		if s, isStr := e.value.(string); isStr {
			// The intent is plain: keep the tag.
			p.wrongType(e, "`tags` must be an array of strings", fmt.Sprintf("Write tags = [%q].", s))
			if strings.TrimSpace(s) != "" {
				a.Tags = []string{s}
			}
			return
		}
		p.wrongType(e, "`tags` must be an array of strings", `Write tags = ["legal basis: self-defence", ...].`)
		return
	}
	a.Tags = p.names(e, nameList{
		dupMsg:    "the tag %q is given twice",
		dupFirst:  "first given here",
		blank:     "empty tag",
		blankHelp: "Write the tag, or remove the empty string.",
		dupCode:   "duplicate-tag",
		dupHelp:   "Give each tag once.",
		typeMsg:   "`tags` lists tags",
		typeHelp:  `Write each tag as a string: tags = ["legal basis: self-defence"].`,
	})
}

// nameList says how to report the problems of an array of names: a
// coalition's parties, or tags.
type nameList struct {
	dupMsg, dupFirst     string // the summary of a name given twice, with %q for the name; the note on the first
	emptyList, emptyHelp string // the array is empty; "" if that is allowed
	blank, blankHelp     string // an element is empty or blank
	dupCode, dupHelp     string
	typeMsg, typeHelp    string // an element is not a string
}

// names reads an array of names, reporting elements that are not strings,
// empty or blank ones (errors) and names given twice (warnings, at the
// second, with the first as related). It returns the names that are left,
// each once.
func (p *parser) names(e entry, nl nameList) []string {
	list, _ := array(e)
	if len(list) == 0 && nl.emptyList != "" {
		p.report("bad-value", valueSpan(e.node), nl.emptyHelp, "%s", nl.emptyList)
		return nil
	}
	var out []string
	type named struct {
		at   span
		name string
	}
	first := map[string]named{}
	for _, el := range list {
		sp := valueSpan(el.node)
		s, ok := el.value.(string)
		switch {
		case !ok:
			help := nl.typeHelp
			if i, isInt := el.value.(int64); isInt {
				help = fmt.Sprintf(`Quote it: "%d".`, i)
			}
			p.report("wrong-type", sp, help, "%s, which are strings, not %s", nl.typeMsg, typeName(el.value))
			continue
		case strings.TrimSpace(s) == "":
			p.report("bad-value", sp, nl.blankHelp, "%s", nl.blank)
			continue
		}
		key := sameName(s)
		if f, dup := first[key]; dup {
			d := NewDiagnostic(nl.dupCode, p.file.Source.Range(sp.start, sp.end), nl.dupHelp, nl.dupMsg, f.name)
			d.Related = []diagnostic.Related{{Range: p.file.Source.Range(f.at.start, f.at.end), Message: nl.dupFirst}}
			p.diags = append(p.diags, d)
			continue
		}
		first[key] = named{sp, s}
		out = append(out, s)
	}
	return out
}
