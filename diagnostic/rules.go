package diagnostic

import "fmt"

// Rule describes one kind of diagnostic.
type Rule struct {
	Code     string
	Severity Severity
	Summary  string // what the rule finds, for documentation and SARIF
}

// Rules is a format's registry of rules: every code it reports, each with
// the severity a diagnostic of that code always has. Codes are stable:
// scripts and CI configurations match on them. A Rules never changes once
// built, so one may be shared freely (a package keeps its own in a
// variable, as arguments and iccma do).
type Rules struct {
	list  []Rule
	index map[string]int // code → position in list
}

// NewRules returns the registry of rules, which keeps their order, the
// order of documentation. It panics on an empty or repeated code and on a
// rule without a severity: a registry is written in code, and such a
// mistake is a programming error.
func NewRules(rules []Rule) *Rules {
	rs := &Rules{list: make([]Rule, len(rules)), index: make(map[string]int, len(rules))}
	copy(rs.list, rules)
	for i, r := range rs.list {
		if r.Code == "" || r.Severity == 0 {
			panic(fmt.Sprintf("diagnostic: rule %d (%q) has no code or no severity", i, r.Code))
		}
		if _, dup := rs.index[r.Code]; dup {
			panic("diagnostic: rule code " + r.Code + " registered twice")
		}
		rs.index[r.Code] = i
	}
	return rs
}

// All returns the rules in their order. The slice is the caller's.
func (rs *Rules) All() []Rule { return append([]Rule(nil), rs.list...) }

// Lookup returns the rule of code, and whether there is one.
func (rs *Rules) Lookup(code string) (Rule, bool) {
	i, ok := rs.index[code]
	if !ok {
		return Rule{}, false
	}
	return rs.list[i], true
}

// New builds a diagnostic of the rule code at r, with the summary
// fmt.Sprintf(format, args...) and the detail (what to do; may be empty).
// Its severity is the rule's, so that a code and its severity can never
// disagree. It panics if code is not registered: that is a programming
// error.
func (rs *Rules) New(code string, r Range, detail string, format string, args ...any) Diagnostic {
	rule, ok := rs.Lookup(code)
	if !ok {
		panic("diagnostic: code " + code + " is not in the rule registry")
	}
	return Diagnostic{Severity: rule.Severity, Code: code, Summary: fmt.Sprintf(format, args...), Detail: detail, Range: r}
}
