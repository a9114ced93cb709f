package exchange

import (
	"encoding/json"
	"io"
	"strconv"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/evaluate"
)

// JSONVersion is the version of the layout of the JSON export. Fields are
// only ever added; a change that removes or redefines one is a new version.
const JSONVersion = 1

// Document is the JSON export of a map, documented in the README and by
// schema/argmap-export.schema.json. Every list is in the map's order: file
// by file, as written.
type Document struct {
	Format      string `json:"format"`  // always "argmap"
	Version     int    `json:"version"` // JSONVersion
	Map         string `json:"map"`     // the root file, as argmap names it
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	// Files are the map's files: the root first, then the included ones in
	// the order they are first included.
	Files        []string         `json:"files"`
	Arguments    []JSONArgument   `json:"arguments"`
	Relations    []JSONRelation   `json:"relations"`
	Undercuts    []JSONUndercut   `json:"undercuts"`
	Questions    []JSONQuestion   `json:"questions"`
	Preferences  []JSONPreference `json:"preferences"`
	Priorities   *JSONPriorities  `json:"priorities,omitempty"`
	Standards    JSONStandards    `json:"standards"`
	Schemes      []JSONScheme     `json:"schemes"`
	Expectations []JSONExpect     `json:"expectations"`
	// Evaluation is the output of argmap eval --format json, when the
	// export was asked for one (--semantics).
	Evaluation *Evaluation `json:"evaluation,omitempty"`
}

// Position is where something is written: file, line and column, counted
// from 1 (columns in Unicode characters), as argmap check reports them.
type Position struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

func position(f *arguments.File, r diagnostic.Range) *Position {
	if f == nil || !r.Start.IsValid() {
		return nil
	}
	return &Position{File: f.Name, Line: r.Start.Line, Column: r.Start.Column}
}

// JSONArgument is an argument with every field the file gives (the weight
// always: its default is 0.5).
type JSONArgument struct {
	ID    string `json:"id"`
	Claim string `json:"claim"`
	Title string `json:"title,omitempty"`
	Kind  string `json:"kind,omitempty"`
	// Party is who puts it forward, a coalition's members joined by " + ";
	// Parties the party or the coalition's members, as written.
	Party      string       `json:"party,omitempty"`
	Parties    []string     `json:"parties,omitempty"`
	Tags       []string     `json:"tags,omitempty"`
	Sources    []JSONSource `json:"sources,omitempty"`
	Weight     float64      `json:"weight"`
	Rank       *int64       `json:"rank,omitempty"`
	Date       string       `json:"date,omitempty"`
	Standard   string       `json:"standard,omitempty"`
	Burden     string       `json:"burden,omitempty"`
	BurdenNote string       `json:"burden_note,omitempty"`
	Scheme     string       `json:"scheme,omitempty"`
	Note       string       `json:"note,omitempty"`
	Position   *Position    `json:"position,omitempty"`
}

// JSONSource is one source of an argument.
type JSONSource struct {
	Name  string `json:"name"`
	URL   string `json:"url,omitempty"`
	Date  string `json:"date,omitempty"`
	Quote string `json:"quote,omitempty"`
}

// JSONRelation is a support or an attack as written: in an argument's
// supports or attacks list, or as a [[relations]] entry. A relation given
// twice is listed twice.
type JSONRelation struct {
	Type string `json:"type"` // "support" or "attack"
	From string `json:"from"` // the source; for a linked reason, its members joined by "+"
	// Members are the members of a linked reason, as written.
	Members  []string  `json:"members,omitempty"`
	To       string    `json:"to"`
	Note     string    `json:"note,omitempty"`
	Entry    bool      `json:"entry"` // written as a [[relations]] entry
	Position *Position `json:"position,omitempty"`
}

// JSONUndercut is an undercut of a support or an attack.
type JSONUndercut struct {
	From     string     `json:"from"`
	Target   JSONTarget `json:"target"`
	Note     string     `json:"note,omitempty"`
	Position *Position  `json:"position,omitempty"`
}

// JSONTarget names the relation an undercut is aimed at.
type JSONTarget struct {
	Type    string   `json:"type"` // "support" or "attack"
	From    string   `json:"from"`
	Members []string `json:"members,omitempty"`
	To      string   `json:"to"`
}

// JSONQuestion is an entry that raises or answers a critical question.
type JSONQuestion struct {
	Type     string    `json:"type"` // "question" or "answer"
	From     string    `json:"from"`
	To       string    `json:"to"`
	Question string    `json:"question"`
	Note     string    `json:"note,omitempty"`
	Position *Position `json:"position,omitempty"`
}

// JSONPreference is a [[preferences]] entry.
type JSONPreference struct {
	Prefer    string    `json:"prefer"`
	Over      string    `json:"over"`
	Principle string    `json:"principle,omitempty"`
	Note      string    `json:"note,omitempty"`
	Position  *Position `json:"position,omitempty"`
}

// JSONPriorities is the map's [priorities] table.
type JSONPriorities struct {
	Derive    []string  `json:"derive"`
	Reduction string    `json:"reduction,omitempty"`
	Position  *Position `json:"position,omitempty"`
}

// JSONStandards are the thresholds of the proof standards in force.
type JSONStandards struct {
	Alpha float64 `json:"alpha"`
	Beta  float64 `json:"beta"`
	Gamma float64 `json:"gamma"`
}

// JSONScheme is an argument scheme the map defines.
type JSONScheme struct {
	Name       string         `json:"name"`
	Title      string         `json:"title,omitempty"`
	Premises   []string       `json:"premises,omitempty"`
	Conclusion string         `json:"conclusion,omitempty"`
	Questions  []JSONCritical `json:"questions"`
	Position   *Position      `json:"position,omitempty"`
}

// JSONCritical is a critical question of a scheme.
type JSONCritical struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Kind string `json:"kind,omitempty"`
}

// JSONExpect is an [expect.SEMANTICS] table.
type JSONExpect struct {
	Semantics string    `json:"semantics"`
	Support   string    `json:"support,omitempty"`
	In        []string  `json:"in"`
	Out       []string  `json:"out"`
	Undec     []string  `json:"undec"`
	Position  *Position `json:"position,omitempty"`
}

// NewDocument returns the JSON export of m, with the evaluation res when it
// is not nil.
func NewDocument(m *arguments.Map, res *evaluate.Result) *Document {
	d := &Document{Format: "argmap", Version: JSONVersion, Map: m.Root.Name, Title: m.Title, Description: m.Description,
		Files: []string{}, Arguments: []JSONArgument{}, Relations: []JSONRelation{}, Undercuts: []JSONUndercut{},
		Questions: []JSONQuestion{}, Preferences: []JSONPreference{}, Schemes: []JSONScheme{}, Expectations: []JSONExpect{},
		Standards: JSONStandards{m.Thresholds.Alpha, m.Thresholds.Beta, m.Thresholds.Gamma}}
	for _, f := range m.Files {
		d.Files = append(d.Files, f.Name)
	}
	for _, a := range m.Arguments {
		ja := JSONArgument{ID: a.ID, Claim: a.Claim, Title: a.Title, Kind: a.Kind, Party: a.Party, Parties: a.Parties, Tags: a.Tags, Weight: a.Weight, Date: a.Date,
			Standard: a.Proof.Standard, Burden: a.Proof.Burden, BurdenNote: a.Proof.BurdenNote, Scheme: a.Scheme, Note: a.Note,
			Position: position(a.File, a.Range)}
		if a.Ranked {
			rank := a.Rank
			ja.Rank = &rank
		}
		for _, s := range a.Sources {
			ja.Sources = append(ja.Sources, JSONSource(s))
		}
		d.Arguments = append(d.Arguments, ja)
	}
	for _, r := range m.Relations {
		jr := JSONRelation{Type: r.Type.String(), From: r.From, To: r.To, Note: r.Note, Entry: r.Entry, Position: position(r.File, r.FromRange)}
		if r.Linked() {
			jr.Members = append([]string(nil), r.Members...)
		}
		d.Relations = append(d.Relations, jr)
	}
	v := newView(m)
	typeOf := map[[2]string]string{}
	for _, r := range v.relations {
		k := [2]string{r.From, r.To}
		if _, ok := typeOf[k]; !ok {
			typeOf[k] = r.Type.String()
		}
	}
	for _, u := range m.Undercuts {
		t := JSONTarget{From: u.Support.From, To: u.Support.To}
		if ms := u.Support.Premises(); len(ms) > 1 {
			t.Members = ms
		}
		t.Type = typeOf[[2]string{u.Support.From, u.Support.To}]
		d.Undercuts = append(d.Undercuts, JSONUndercut{From: u.From, Target: t, Note: u.Note, Position: position(u.File, u.FromRange)})
	}
	for _, q := range m.QuestionRelations {
		d.Questions = append(d.Questions, JSONQuestion{Type: questionType(q.Type), From: q.From, To: q.To, Question: q.Question,
			Note: q.Note, Position: position(q.File, q.Range)})
	}
	for _, p := range m.Preferences {
		d.Preferences = append(d.Preferences, JSONPreference{Prefer: p.Prefer, Over: p.Over, Principle: p.Principle, Note: p.Note,
			Position: position(p.File, p.Range)})
	}
	if p := m.Priorities; p != nil {
		d.Priorities = &JSONPriorities{Derive: append([]string{}, p.Derive...), Reduction: p.Reduction, Position: position(p.File, p.Range)}
	}
	for _, s := range m.Schemes {
		js := JSONScheme{Name: s.Name, Title: s.Title, Premises: s.Premises, Conclusion: s.Conclusion, Questions: []JSONCritical{},
			Position: position(s.File, s.Range)}
		for _, q := range s.Questions {
			kind := ""
			if q.Kind != 0 {
				kind = q.Kind.String()
			}
			js.Questions = append(js.Questions, JSONCritical{ID: q.ID, Text: q.Text, Kind: kind})
		}
		d.Schemes = append(d.Schemes, js)
	}
	for _, e := range m.Expectations {
		je := JSONExpect{Semantics: e.Semantics, Support: e.Support, In: []string{}, Out: []string{}, Undec: []string{},
			Position: position(e.File, e.Range)}
		for _, l := range e.Labels {
			switch l.Label {
			case "in":
				je.In = append(je.In, l.ID)
			case "out":
				je.Out = append(je.Out, l.ID)
			default:
				je.Undec = append(je.Undec, l.ID)
			}
		}
		d.Expectations = append(d.Expectations, je)
	}
	if res != nil {
		d.Evaluation = NewEvaluation(res)
	}
	return d
}

func questionType(t arguments.QuestionType) string {
	if t == arguments.Answer {
		return "answer"
	}
	return "question"
}

// WriteJSON writes the JSON export of m (see Document), with the evaluation
// res when it is not nil, indented by two spaces.
func WriteJSON(w io.Writer, m *arguments.Map, res *evaluate.Result) error {
	return writeIndented(w, NewDocument(m, res))
}

func writeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Evaluation is the output of argmap eval --format json, documented in the
// README, and the "evaluation" of the JSON export.
type Evaluation struct {
	Map        string     `json:"map"`
	Semantics  string     `json:"semantics"`
	Support    string     `json:"support"`
	Without    []string   `json:"without"`
	Extensions [][]string `json:"extensions"`
	// TooManyExtensions: more extensions than are listed; Extensions is empty.
	TooManyExtensions bool                 `json:"too_many_extensions,omitempty"`
	Labels            map[string]string    `json:"labels,omitempty"`
	Scores            map[string]float64   `json:"scores,omitempty"`
	Arguments         []EvaluationArgument `json:"arguments"`
	// Preferences are the attacks the map's preferences decided.
	Preferences []EvaluationPreference `json:"preferences,omitempty"`
}

// EvaluationPreference is an attack that the map's preferences decided.
type EvaluationPreference struct {
	Attacker  string `json:"attacker"`
	Prevails  string `json:"prevails"`
	Reduction string `json:"reduction"` // "remove" or "reverse"
	Because   string `json:"because"`
}

// EvaluationArgument is the outcome of one argument.
type EvaluationArgument struct {
	ID        string   `json:"id"`
	Label     string   `json:"label,omitempty"`
	Credulous *bool    `json:"credulous,omitempty"`
	Skeptical *bool    `json:"skeptical,omitempty"`
	Score     *float64 `json:"score,omitempty"`
	// OpenQuestions are the ids of the critical questions of the argument's
	// scheme that no argument raises or answers.
	OpenQuestions []string `json:"open_questions,omitempty"`
}

// NewEvaluation returns the JSON form of the evaluation res.
func NewEvaluation(res *evaluate.Result) *Evaluation {
	out := &Evaluation{
		Map:               res.Map.Root.Name,
		Semantics:         res.Options.Method.String(),
		Support:           res.Options.Support.String(),
		Without:           append([]string{}, res.Options.Without...),
		Extensions:        append([][]string{}, res.Extensions...),
		TooManyExtensions: res.TooManyExtensions,
	}
	gradual := res.Options.Method.Gradual != 0
	if gradual {
		out.Scores = map[string]float64{}
	} else {
		out.Labels = map[string]string{}
	}
	for _, st := range res.Arguments {
		a := EvaluationArgument{ID: st.ID}
		if gradual {
			score := Round(st.Score)
			a.Score = &score
			out.Scores[st.ID] = score
		} else {
			a.Label = st.Label.String()
			credulous, skeptical := st.Credulous, st.Skeptical
			a.Credulous, a.Skeptical = &credulous, &skeptical
			out.Labels[st.ID] = a.Label
		}
		for _, q := range res.Map.Questions(res.Map.Argument(st.ID)) {
			if q.Open() {
				a.OpenQuestions = append(a.OpenQuestions, q.Question.ID)
			}
		}
		out.Arguments = append(out.Arguments, a)
	}
	for _, d := range res.Decisions {
		red := "remove"
		if d.Reversed {
			red = "reverse"
		}
		out.Preferences = append(out.Preferences, EvaluationPreference{Attacker: d.Attacker, Prevails: d.Preferred, Reduction: red, Because: d.Because(res.Map)})
	}
	for i := range out.Extensions {
		if out.Extensions[i] == nil {
			out.Extensions[i] = []string{}
		}
	}
	return out
}

// WriteEvaluation writes the evaluation res as argmap eval --format json
// does.
func WriteEvaluation(w io.Writer, res *evaluate.Result) error {
	return writeIndented(w, NewEvaluation(res))
}

// Round keeps six decimals of a score: more is noise of the fixpoint
// iteration, and byte-identical output matters more.
func Round(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 6, 64), 64)
	return v
}
