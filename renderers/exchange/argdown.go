package exchange

import (
	"io"
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/graph"
)

// WriteArgdown writes the map m as an Argdown document
// (https://argdown.org), which Argdown's own parser reads back into the
// map's statements and relations:
//
//   - the map's title is the document's front matter (title: ...);
//   - each argument is a statement, titled by its id, with its claim as the
//     text and its other fields (kind, party — an array for a coalition —,
//     tags, sources, weight, ...) as the
//     statement's data, a JSON object (JSON is YAML, which Argdown reads):
//     [strike]: The United States should strike. {"kind": "policy"};
//   - the supports and attacks of each argument follow it as Argdown's
//     relations, "+ [reason]" and "- [objection]";
//   - a linked reason, and a support that is undercut, is an argument with
//     a premise-conclusion structure (its members, a line "----", its
//     conclusion), titled "<a + b support c>"; an undercut is "_>" from the
//     undercutter to it;
//   - an attack that is undercut is an argument "<a attacks b>" without
//     text, which a supports ("<+ [a]") and which attacks b ("-> [b]"); its
//     undercutters attack it ("<- [u]").
//
// The characters that Argdown reads as markup are escaped with a
// backslash, and line breaks in a claim become spaces. Relations' notes,
// critical questions, preferences and expectations have no place in
// Argdown and are left out.
func WriteArgdown(w io.Writer, m *arguments.Map) error {
	v := newView(m)
	ew := &errWriter{w: w}
	if t := v.title(); t != "" {
		ew.printf("===\ntitle: %s\n===\n\n", jsonString(t))
	}
	ew.printf("// Exported by argmap from %s.\n", argdownComment(m.Root.Name))
	for _, a := range v.args {
		ew.printf("\n[%s]: %s", a.ID, argdownText(a.Claim))
		if data := argdownData(a); data != "" {
			ew.printf(" %s", data)
		}
		ew.write("\n")
	}
	// The plain relations, under the argument they are about, in the order
	// the map first gives a relation to each.
	var targets []string
	byTarget := map[string][]*relation{}
	for _, r := range v.relations {
		if r.Linked() || len(r.undercuts) > 0 {
			continue
		}
		if _, ok := byTarget[r.To]; !ok {
			targets = append(targets, r.To)
		}
		byTarget[r.To] = append(byTarget[r.To], r)
	}
	for _, to := range targets {
		ew.printf("\n[%s]\n", to)
		for _, r := range byTarget[to] {
			sign := "+"
			if r.Type == graph.Attack {
				sign = "-"
			}
			ew.printf("  %s [%s]\n", sign, r.From)
		}
	}
	// Linked reasons and undercut relations, as arguments of their own.
	for _, r := range v.relations {
		if !r.Linked() && len(r.undercuts) == 0 {
			continue
		}
		title := argdownTitle(r)
		if r.Type == graph.Attack {
			ew.printf("\n<%s>\n  <+ [%s]\n  -> [%s]\n", title, r.From, r.To)
			for _, u := range r.undercuts {
				ew.printf("  <- [%s]\n", v.undercuts[u].From)
			}
			continue
		}
		ew.printf("\n<%s>\n\n", title)
		for i, s := range r.Sources() {
			ew.printf("(%d) [%s]\n", i+1, s)
		}
		ew.printf("----\n(%d) [%s]\n", len(r.Sources())+1, r.To)
		for _, u := range r.undercuts {
			ew.printf("\n[%s]\n  _> <%s>\n", v.undercuts[u].From, title)
		}
	}
	return ew.err
}

// argdownTitle is the title of the argument that stands for the relation r:
// "a supports b", "a + b support c", "a attacks b".
func argdownTitle(r *relation) string {
	switch {
	case r.Type == graph.Attack:
		return r.From + " attacks " + r.To
	case r.Linked():
		return strings.Join(r.Members, " + ") + " support " + r.To
	}
	return r.From + " supports " + r.To
}

// argdownText escapes s for the text of an Argdown statement: the
// characters of Argdown's markup get a backslash, and so do a '.' or ':'
// followed by another character than a space (".name." and ":name:" are
// Argdown's special characters), and a '/' or '-' that would start a comment
// ("//", "/*") or an inference ("--"); line breaks become spaces.
func argdownText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '[', ']', '<', '>', '{', '}', '#', '@', '*', '_', '`':
			b.WriteByte('\\')
		case '.', ':':
			if i+1 < len(s) && s[i+1] != ' ' {
				b.WriteByte('\\')
			}
		case '/', '-':
			// "//" and "/*" start comments, "--" an inference
			if i+1 < len(s) && (s[i+1] == '/' || s[i+1] == '*' || c == '-' && s[i+1] == '-') {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// argdownComment makes s safe in a "//" comment line.
func argdownComment(s string) string {
	return strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
}

// argdownData is the argument's fields other than its id and claim, as a
// JSON object on one line, or "" when it has none. Braces in strings are
// written as \u007b and \u007d, since Argdown ends its data at a brace.
func argdownData(a *arguments.Argument) string {
	var fields []string
	add := func(key, value string) {
		if value != "" {
			fields = append(fields, jsonString(key)+": "+value)
		}
	}
	str := func(s string) string {
		if s == "" {
			return ""
		}
		return jsonString(s)
	}
	list := func(xs []string) string {
		if len(xs) == 0 {
			return ""
		}
		quoted := make([]string, len(xs))
		for i, x := range xs {
			quoted[i] = jsonString(x)
		}
		return "[" + strings.Join(quoted, ", ") + "]"
	}
	add("kind", str(a.Kind))
	if len(a.Parties) > 1 {
		add("party", list(a.Parties)) // a coalition
	} else {
		add("party", str(a.Party))
	}
	add("tags", list(a.Tags))
	if len(a.Sources) > 0 {
		var srcs []string
		for _, s := range a.Sources {
			var parts []string
			for _, kv := range [][2]string{{"name", s.Name}, {"url", s.URL}, {"date", s.Date}, {"quote", s.Quote}} {
				if kv[1] != "" {
					parts = append(parts, jsonString(kv[0])+": "+jsonString(kv[1]))
				}
			}
			srcs = append(srcs, "{"+strings.Join(parts, ", ")+"}")
		}
		add("sources", "["+strings.Join(srcs, ", ")+"]")
	}
	if a.Weight != arguments.DefaultWeight {
		add("weight", strconv.FormatFloat(a.Weight, 'g', -1, 64))
	}
	if a.Ranked {
		add("rank", strconv.FormatInt(a.Rank, 10))
	}
	add("date", str(a.Date))
	add("standard", str(a.Proof.Standard))
	add("burden", str(a.Proof.Burden))
	add("burden_note", str(a.Proof.BurdenNote))
	add("scheme", str(a.Scheme))
	if len(fields) == 0 {
		return ""
	}
	return "{" + strings.Join(fields, ", ") + "}"
}

// jsonString is s as a JSON string, which is also a YAML double-quoted
// string, with braces escaped.
func jsonString(s string) string {
	return braces.Replace(jsonLine(s))
}

// braces writes the braces of a JSON string as escapes.
var braces = strings.NewReplacer("{", `\u007b`, "}", `\u007d`)
