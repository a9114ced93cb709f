package arguments

import (
	"fmt"
	"slices"
	"strings"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/graph"
)

// A Scheme is an argumentation scheme: the form of a presumptive argument,
// with the critical questions that can be asked of an argument of that form
// (Walton, Reed & Macagno 2008). argmap has a library of them (Schemes); a
// map may define its own under [schemes.NAME].
type Scheme struct {
	Name       string // "expert-opinion"
	Title      string // "Argument from expert opinion"
	Premises   []string
	Conclusion string
	Questions  []*CriticalQuestion

	// File and Range are where a map defines the scheme; File is nil for a
	// built-in scheme.
	File  *File
	Range diagnostic.Range
}

// Question returns the scheme's critical question id, or nil.
func (s *Scheme) Question(id string) *CriticalQuestion {
	for _, q := range s.Questions {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// questionIDs returns the ids of the scheme's questions, in order.
func (s *Scheme) questionIDs() []string {
	ids := make([]string, len(s.Questions))
	for i, q := range s.Questions {
		ids[i] = q.ID
	}
	return ids
}

// A CriticalQuestion is one critical question of a scheme.
type CriticalQuestion struct {
	ID   string // short, kebab-case: "expertise"
	Text string
	Kind QuestionKind

	Range diagnostic.Range // where a map defines it
}

// QuestionKind says how a critical question acts on an argument once raised,
// as Carneades distinguishes them (Gordon, Prakken & Walton 2007).
type QuestionKind uint8

const (
	// Exception: the question defeats the argument only if the argument
	// that raises it stands, and no answer to it stands.
	Exception QuestionKind = iota + 1
	// Assumption: once raised, the proponent must support it: the argument
	// falls unless an argument answering the question stands.
	Assumption
)

// String returns "exception" or "assumption".
func (k QuestionKind) String() string {
	switch k {
	case Exception:
		return "exception"
	case Assumption:
		return "assumption"
	}
	return fmt.Sprintf("QuestionKind(%d)", uint8(k))
}

// Schemes returns the built-in schemes, in documentation order. The
// schemes are copies: the caller may change them.
func Schemes() []*Scheme {
	out := make([]*Scheme, len(builtinSchemes))
	for i, s := range builtinSchemes {
		c := *s
		c.Premises = slices.Clone(s.Premises)
		c.Questions = make([]*CriticalQuestion, len(s.Questions))
		for j, q := range s.Questions {
			qc := *q
			c.Questions[j] = &qc
		}
		out[i] = &c
	}
	return out
}

func builtinScheme(name string) *Scheme {
	for _, s := range builtinSchemes {
		if s.Name == name {
			return s
		}
	}
	return nil
}

func schemeNames(m *Map) []string {
	var names []string
	for _, s := range builtinSchemes {
		names = append(names, s.Name)
	}
	for _, s := range m.Schemes {
		if builtinScheme(s.Name) == nil {
			names = append(names, s.Name)
		}
	}
	return names
}

// Scheme returns the scheme called name for the map: its own definition if
// it has one, else the built-in scheme, else nil.
func (m *Map) Scheme(name string) *Scheme {
	for _, s := range m.Schemes {
		if s.Name == name {
			return s
		}
	}
	return builtinScheme(name)
}

// QuestionType is what a question relation does: raise or answer.
type QuestionType uint8

const (
	Raise  QuestionType = iota + 1 // type = "question": the argument raises the critical question
	Answer                         // type = "answer": the argument answers it
)

// String returns "question" or "answer", as the format writes them.
func (t QuestionType) String() string {
	if t == Answer {
		return "answer"
	}
	return "question"
}

// A QuestionRelation is a [[relations]] entry of type "question" or
// "answer": From raises, or answers, the critical question Question of the
// scheme of argument To.
type QuestionRelation struct {
	Type     QuestionType
	From, To string
	Question string
	Note     string

	File                              *File
	FromRange, ToRange, QuestionRange diagnostic.Range
	Range                             diagnostic.Range // the entry
}

// QuestionStatus is the state of one critical question of an argument.
type QuestionStatus struct {
	Question *CriticalQuestion
	Raised   []*QuestionRelation // the entries that raise it, in map order
	Answered []*QuestionRelation // the entries that answer it
}

// Open reports whether the question is neither raised nor answered.
func (s QuestionStatus) Open() bool { return len(s.Raised) == 0 && len(s.Answered) == 0 }

// Questions returns the critical questions of argument a's scheme, in the
// scheme's order, with the relations of the map that raise and answer each;
// nil if a has no scheme the map knows. Only relations whose arguments exist
// are counted.
func (m *Map) Questions(a *Argument) []QuestionStatus {
	if a == nil || a.Scheme == "" {
		return nil
	}
	s := m.Scheme(a.Scheme)
	if s == nil {
		return nil
	}
	out := make([]QuestionStatus, len(s.Questions))
	for i, q := range s.Questions {
		out[i].Question = q
	}
	for _, r := range m.QuestionRelations {
		if r.To != a.ID || m.Argument(r.From) == nil {
			continue
		}
		for i, q := range s.Questions {
			if q.ID != r.Question {
				continue
			}
			if r.Type == Raise {
				out[i].Raised = append(out[i].Raised, r)
			} else {
				out[i].Answered = append(out[i].Answered, r)
			}
		}
	}
	return out
}

// addQuestions adds the critical questions raised in the map to its graph
// (see Map.Graph). For each question raised against an argument A:
//
//   - an exception raised by x gets a question node of its own, raised by x,
//     with a premise edge from x (it needs x: whatever attacks x attacks it,
//     as for an inference) and an attack from each direct attacker of x (so
//     that it needs x also when the supports are ignored); it attacks A;
//   - an assumption gets one question node, raised by every argument that
//     raises it, standing or not; it attacks A.
//
// Each argument that answers the question attacks its question nodes. A
// question nobody raised adds nothing: an answer to it has no effect.
func (m *Map) addQuestions(g *graph.Graph) {
	type key struct {
		arg      string
		question string
	}
	var order []key
	raisers := map[key][]int{}
	answers := map[key][]int{}
	for _, r := range m.QuestionRelations {
		from, ok1 := g.Node(r.From)
		_, ok2 := g.Node(r.To)
		a := m.Argument(r.To)
		if !ok1 || !ok2 || a == nil || a.Scheme == "" {
			continue
		}
		s := m.Scheme(a.Scheme)
		if s == nil || s.Question(r.Question) == nil {
			continue
		}
		k := key{r.To, r.Question}
		if r.Type == Raise {
			if _, seen := raisers[k]; !seen {
				order = append(order, k)
			}
			if !slices.Contains(raisers[k], from) {
				raisers[k] = append(raisers[k], from)
			}
		} else {
			answers[k] = append(answers[k], from)
		}
	}
	if len(order) == 0 {
		return
	}
	attackers := map[int][]int{} // the direct attackers of each raiser of an exception
	for _, e := range g.Edges() {
		if e.Relation == graph.Attack {
			attackers[e.To] = append(attackers[e.To], e.From)
		}
	}
	type pending struct {
		q, raiser int
	}
	var exceptions []pending
	for _, k := range order {
		target, _ := g.Node(k.arg)
		q := m.Scheme(m.Argument(k.arg).Scheme).Question(k.question)
		name := k.arg + "?" + k.question
		var nodes []int
		if q.Kind == Assumption {
			nodes = append(nodes, g.AddQuestion(name, raisers[k]...))
		} else {
			for _, x := range raisers[k] {
				n := g.AddQuestion(name, x)
				g.AddEdge(x, n, graph.Premise)
				exceptions = append(exceptions, pending{n, x})
				nodes = append(nodes, n)
			}
		}
		for _, n := range nodes {
			g.AddEdge(n, target, graph.Attack)
			for _, y := range answers[k] {
				g.AddEdge(y, n, graph.Attack)
			}
		}
	}
	// The attacks on the raisers, questions' included, once all are known.
	for _, e := range g.Edges() {
		if e.Relation == graph.Attack && g.Kind(e.From) == graph.Question {
			attackers[e.To] = append(attackers[e.To], e.From)
		}
	}
	for _, p := range exceptions {
		for _, z := range attackers[p.raiser] {
			g.AddEdge(z, p.q, graph.Attack) // itself too, when its raiser is the argument it questions
		}
	}
}

// Parsing.

var (
	schemeKeys   = []string{"title", "premises", "conclusion", "questions"}
	questionKeys = []string{"id", "text", "kind"}
)

const schemeHelp = `Write [schemes.NAME] with title = "...", premises = ["..."], conclusion = "..." and [[schemes.NAME.questions]] entries of id, text and kind.`

// schemes reads the [schemes.NAME] tables of a file.
func (p *parser) schemes(e entry) {
	table, ok := e.value.(map[string]any)
	if !ok {
		p.wrongType(e, "`schemes` must be a table of argument schemes", schemeHelp)
		return
	}
	for _, se := range entries(table, e.node) {
		header := se.node.at()
		s := &Scheme{Name: se.name, File: p.file, Range: p.file.Source.Range(header.start, header.end)}
		if !ValidID(se.name) {
			p.report("bad-id", se.node.key, idRule, "%q is not an allowed scheme name", se.name)
		}
		t, ok := se.value.(map[string]any)
		if !ok {
			p.wrongType(se, fmt.Sprintf("scheme %q must be a table", se.name), schemeHelp)
			continue
		}
		for _, f := range entries(t, se.node) {
			switch f.name {
			case "title":
				s.Title, _ = p.str(f, "the scheme's title")
			case "conclusion":
				s.Conclusion, _ = p.str(f, "the scheme's conclusion")
			case "premises":
				s.Premises = p.strings(f, "the scheme's premises")
			case "questions":
				s.Questions = p.criticalQuestions(f, s)
			default:
				p.unknownKey(f, fmt.Sprintf("scheme %q", se.name), didYouMean(f.name, schemeKeys), schemeKeys)
			}
		}
		p.file.Schemes = append(p.file.Schemes, s)
	}
}

// strings reads an array of strings.
func (p *parser) strings(e entry, what string) []string {
	list, ok := array(e)
	if !ok {
		p.wrongType(e, fmt.Sprintf("`%s` is %s and must be an array of strings", e.name, what), fmt.Sprintf(`Write %s = ["...", ...].`, e.name))
		return nil
	}
	var out []string
	for _, el := range list {
		s, ok := el.value.(string)
		if !ok {
			p.report("wrong-type", valueSpan(el.node), fmt.Sprintf(`Write %s = ["...", ...].`, e.name), "`%s` lists strings, not %s", e.name, typeName(el.value))
			continue
		}
		out = append(out, s)
	}
	return out
}

func (p *parser) criticalQuestions(e entry, s *Scheme) []*CriticalQuestion {
	list, ok := array(e)
	if !ok {
		p.wrongType(e, "`questions` must be an array of tables", schemeHelp)
		return nil
	}
	var out []*CriticalQuestion
	first := map[string]diagnostic.Range{}
	for _, el := range list {
		t, ok := el.value.(map[string]any)
		if !ok {
			p.wrongType(el, "each critical question must be a table", schemeHelp)
			continue
		}
		at := el.node.at()
		q := &CriticalQuestion{Kind: Exception, Range: p.file.Source.Range(at.start, at.end)}
		var idAt diagnostic.Range
		for _, f := range entries(t, el.node) {
			sp := valueSpan(f.node)
			switch f.name {
			case "id":
				q.ID, _ = p.str(f, "the question's id")
				idAt = p.file.Source.Range(sp.start, sp.end)
				if q.ID != "" && !ValidID(q.ID) {
					p.report("bad-id", sp, idRule, "%q is not an allowed critical question id", q.ID)
				}
			case "text":
				q.Text, _ = p.str(f, "the question asked")
			case "kind":
				k, ok := p.str(f, `"exception" or "assumption"`)
				if !ok {
					continue
				}
				switch k {
				case "exception":
					q.Kind = Exception
				case "assumption":
					q.Kind = Assumption
				default:
					detail := didYouMean(k, []string{"exception", "assumption"})
					if detail == "" {
						detail = `A critical question's kind is "exception" (it defeats the argument if an argument raising it stands) or "assumption" (once raised, the argument needs an answer that stands).`
					}
					p.report("bad-value", sp, detail, "unknown critical question kind %q", k)
				}
			default:
				p.unknownKey(f, fmt.Sprintf("a critical question of scheme %q", s.Name), didYouMean(f.name, questionKeys), questionKeys)
			}
		}
		if _, has := t["id"]; !has {
			p.report("missing-field", at, `Give the question an id, such as id = "expertise": relations name it.`, "critical question has no `id`")
			continue
		}
		if q.ID == "" {
			continue
		}
		if r, dup := first[q.ID]; dup {
			d := NewDiagnostic("duplicate-question", idAt, "Each critical question of a scheme needs its own id: relations name it.",
				"scheme %q has two critical questions %q", s.Name, q.ID)
			d.Related = []diagnostic.Related{{Range: r, Message: "first defined here"}}
			p.diags = append(p.diags, d)
			continue
		}
		first[q.ID] = idAt
		out = append(out, q)
	}
	return out
}

// questionRelation reads a [[relations]] entry of type "question" or "answer".
func (p *parser) questionRelation(typ QuestionType, table map[string]any, n *node) {
	at := n.at()
	r := &QuestionRelation{Type: typ, File: p.file, Range: p.file.Source.Range(at.start, at.end)}
	for _, f := range entries(table, n) {
		sp := valueSpan(f.node)
		rng := p.file.Source.Range(sp.start, sp.end)
		switch f.name {
		case "from":
			r.From = p.ref(f, "the id of the argument that raises or answers the question", "the relation's", `Write the id of the argument that raises or answers the question: from = "id".`)
			r.FromRange = rng
		case "to":
			r.To = p.ref(f, "the id of the argument questioned", "the relation's", `Write the id of the argument whose scheme has the question: to = "id".`)
			r.ToRange = rng
		case "question":
			r.Question, _ = p.str(f, "the id of a critical question of the scheme of `to`")
			r.QuestionRange = rng
		case "type":
		case "note":
			r.Note = p.note(f, "a note on the relation")
		default:
			keys := append(slices.Clone(relationKeys), "question")
			p.unknownKey(f, "a relation", didYouMean(f.name, keys), keys)
		}
	}
	var missing []string
	for _, name := range []string{"from", "to", "question"} {
		if _, present := table[name]; !present {
			missing = append(missing, "`"+name+"`")
		}
	}
	if len(missing) > 0 {
		p.report("missing-field", at, fmt.Sprintf(`A relation of type %q needs from = "id", to = "id" and question = "ID", a critical question of the scheme of to.`, typ),
			"relation of type %q has no %s", typ, strings.Join(missing, " and no "))
		return
	}
	if r.From != "" && r.To != "" && r.Question != "" {
		p.file.QuestionRelations = append(p.file.QuestionRelations, r)
	}
}

// Checks.

// checkSchemes reports the misuses of schemes and critical questions:
// unknown schemes and questions, questions of arguments without a scheme,
// custom schemes that redefine a built-in one or each other.
func checkSchemes(c *checker) {
	m := c.m
	seen := map[string]*Scheme{}
	m.Schemes = m.Schemes[:0]
	for _, f := range m.Files {
		for _, s := range f.Schemes {
			if first, dup := seen[s.Name]; dup {
				d := NewDiagnostic("duplicate-scheme", s.Range, "A scheme can be defined only once in a map: rename one of them.",
					"scheme %q is defined twice", s.Name)
				d.Related = []diagnostic.Related{{Range: first.Range, Message: "first defined here"}}
				c.report(d)
				continue
			}
			seen[s.Name] = s
			m.Schemes = append(m.Schemes, s)
			if builtinScheme(s.Name) != nil {
				c.report(NewDiagnostic("redefined-scheme", s.Range,
					fmt.Sprintf("The map's definition replaces argmap's built-in %q in this map; give it another name to keep both.", s.Name),
					"scheme %q redefines a built-in scheme", s.Name))
			}
		}
	}
	names := schemeNames(m)
	for _, a := range m.Arguments {
		if a.Scheme == "" || m.Scheme(a.Scheme) != nil {
			continue
		}
		detail := didYouMean(a.Scheme, names)
		if detail == "" {
			detail = "Known schemes: " + strings.Join(names, ", ") + "; or define it under [schemes." + tomlKey(a.Scheme) + "]."
		}
		c.report(NewDiagnostic("unknown-scheme", a.SchemeRange, detail, "unknown argument scheme %q", a.Scheme))
	}
	for _, r := range m.QuestionRelations {
		a := m.Argument(r.To)
		if a == nil {
			if c.complete {
				c.unknown(r.To, r.ToRange, "The `to` of a question or answer must be the id of an argument of this map.")
			}
		}
		if m.Argument(r.From) == nil && c.complete {
			c.unknown(r.From, r.FromRange, "The `from` of a question or answer must be the id of an argument of this map.")
		}
		if a == nil {
			continue
		}
		if a.Scheme == "" {
			c.report(NewDiagnostic("no-scheme", r.ToRange,
				fmt.Sprintf(`Critical questions belong to a scheme: add scheme = "..." to [arguments.%s], or make the relation an attack.`, tomlKey(a.ID)),
				"%q has no scheme, so it has no critical question %q", a.ID, r.Question))
			continue
		}
		s := m.Scheme(a.Scheme)
		if s == nil || s.Question(r.Question) != nil {
			continue
		}
		detail := didYouMean(r.Question, s.questionIDs())
		if detail == "" {
			detail = fmt.Sprintf("The critical questions of %s are: %s.", s.Name, strings.Join(s.questionIDs(), ", "))
		}
		c.report(NewDiagnostic("unknown-question", r.QuestionRange, detail,
			"scheme %q of %q has no critical question %q", s.Name, a.ID, r.Question))
	}
}
