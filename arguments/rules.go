package arguments

import "github.com/argmap/argmap/diagnostic"

// rules is the registry of every diagnostic code the map format reports.
// Codes are stable: scripts and CI configurations match on them.
var rules = diagnostic.NewRules([]diagnostic.Rule{
	{Code: "toml-syntax", Severity: diagnostic.Error, Summary: "The file is not valid TOML."},
	{Code: "not-text", Severity: diagnostic.Error, Summary: "The file is not UTF-8 text (binary, UTF-16, Latin-1, ...)."},
	{Code: "too-deep", Severity: diagnostic.Error, Summary: "Arrays or tables are nested too deeply."},
	{Code: "read-error", Severity: diagnostic.Error, Summary: "A file could not be read."},
	{Code: "unknown-key", Severity: diagnostic.Error, Summary: "A key the format does not know."},
	{Code: "wrong-type", Severity: diagnostic.Error, Summary: "A value of the wrong type."},
	{Code: "bad-value", Severity: diagnostic.Error, Summary: "A value outside what the format allows."},
	{Code: "missing-claim", Severity: diagnostic.Error, Summary: "An argument without a claim, or with an empty one."},
	{Code: "missing-field", Severity: diagnostic.Error, Summary: "A required field is missing."},
	{Code: "bad-id", Severity: diagnostic.Error, Summary: "An argument id that is not allowed."},
	{Code: "unknown-argument", Severity: diagnostic.Error, Summary: "A reference to an argument that the map does not define."},
	{Code: "duplicate-id", Severity: diagnostic.Error, Summary: "An argument id defined twice in the map."},
	{Code: "support-and-attack", Severity: diagnostic.Error, Summary: "An argument that both supports and attacks the same target."},
	{Code: "unknown-support", Severity: diagnostic.Error, Summary: "An undercut aimed at a support or attack that the map does not have."},
	{Code: "collective-attack", Severity: diagnostic.Error, Summary: "An attack from a set of arguments (from = [...]), which argmap does not have."},
	{Code: "duplicate-member", Severity: diagnostic.Warning, Summary: "A linked reason that names a member twice."},
	{Code: "single-member-reason", Severity: diagnostic.Warning, Summary: "A linked reason (from = [...]) with a single member."},
	{Code: "failed-expectation", Severity: diagnostic.Error, Summary: "An argument whose label under a semantics is not the one the map expects."},
	{Code: "unknown-scheme", Severity: diagnostic.Error, Summary: "An argument scheme that is neither built in nor defined by the map."},
	{Code: "unknown-question", Severity: diagnostic.Error, Summary: "A critical question that the scheme of the argument questioned does not have."},
	{Code: "no-scheme", Severity: diagnostic.Error, Summary: "A question or answer relation on an argument without a scheme."},
	{Code: "duplicate-scheme", Severity: diagnostic.Error, Summary: "A scheme defined twice in the map."},
	{Code: "duplicate-question", Severity: diagnostic.Error, Summary: "Two critical questions of one scheme with the same id."},
	{Code: "missing-include", Severity: diagnostic.Error, Summary: "An included file that does not exist."},
	{Code: "include-cycle", Severity: diagnostic.Error, Summary: "A file that includes itself, directly or through other files."},
	{Code: "outside-root", Severity: diagnostic.Error, Summary: "An include, or a symlink below a checked directory, that leads outside the include root."},
	{Code: "no-maps", Severity: diagnostic.Error, Summary: "A directory to check that holds no map (no *.toml file)."},
	{Code: "no-arguments", Severity: diagnostic.Error, Summary: "A map without any argument."},
	{Code: "unknown-standard", Severity: diagnostic.Error, Summary: "A proof standard that is not one of the known standards."},
	{Code: "bad-burden", Severity: diagnostic.Error, Summary: "A burden of proof other than \"pro\" or \"con\"."},
	{Code: "bad-threshold", Severity: diagnostic.Error, Summary: "A threshold of the proof standards outside [0, 1], or given two values."},
	{Code: "preference-cycle", Severity: diagnostic.Error, Summary: "Preferences that put arguments over each other in a circle."},
	{Code: "self-preference", Severity: diagnostic.Error, Summary: "An argument preferred over itself."},
	{Code: "unknown-kind", Severity: diagnostic.Warning, Summary: "An argument kind that is not one of the known kinds."},
	{Code: "self-attack", Severity: diagnostic.Warning, Summary: "An argument that attacks itself."},
	{Code: "self-support", Severity: diagnostic.Warning, Summary: "An argument that supports itself."},
	{Code: "duplicate-relation", Severity: diagnostic.Warning, Summary: "The same relation given twice."},
	{Code: "support-cycle", Severity: diagnostic.Warning, Summary: "Arguments that support each other in a circle (circular reasoning)."},
	{Code: "redefined-scheme", Severity: diagnostic.Warning, Summary: "A scheme of the map that replaces a built-in scheme of the same name."},
	{Code: "isolated-argument", Severity: diagnostic.Warning, Summary: "An argument with no relation to any other."},
	{Code: "unmeetable-standard", Severity: diagnostic.Warning, Summary: "A proof standard that can never be met: nothing supports its argument, no supporter weighs enough, or a threshold excludes it."},
	{Code: "preference-without-attack", Severity: diagnostic.Warning, Summary: "A preference that decides no attack of the map."},
	{Code: "nothing-to-derive", Severity: diagnostic.Warning, Summary: "A principle to derive preferences from that no argument gives a rank or date for."},
	{Code: "duplicate-party", Severity: diagnostic.Warning, Summary: "A coalition (party = [...]) that names a party twice."},
	{Code: "duplicate-tag", Severity: diagnostic.Warning, Summary: "An argument that gives a tag twice."},
	{Code: "empty-note", Severity: diagnostic.Warning, Summary: "An argument's or a relation's note that is empty or blank."},
	{Code: "long-title", Severity: diagnostic.Warning, Summary: "An argument title longer than a few words, or of more than one line."},
})

// Rules returns every diagnostic rule of the format, in documentation
// order.
func Rules() []diagnostic.Rule { return rules.All() }

// NewDiagnostic builds a diagnostic of the rule code at r, taking its
// severity from the format's rules so that a code and its severity can
// never disagree. It panics if code is not a rule's: that is a programming
// error.
func NewDiagnostic(code string, r diagnostic.Range, detail string, format string, args ...any) diagnostic.Diagnostic {
	return rules.New(code, r, detail, format, args...)
}
