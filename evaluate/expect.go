package evaluate

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/internal/suggest"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// CheckMap adds to diags, the diagnostics of loading m, the problems of m's
// [expect.SEMANTICS] tables, and returns them sorted. The mistakes of the
// tables themselves (see CheckExpectationTables) are reported whatever else
// is wrong with the map, so that one run shows them all; the arguments whose
// label is not the expected one (see CheckExpectations) only when the map is
// complete and diags hold no error in its files, since a map with errors is
// not evaluated: its relations are not all known.
func CheckMap(ctx context.Context, m *arguments.Map, diags diagnostic.Diagnostics) diagnostic.Diagnostics {
	if len(m.Expectations) == 0 {
		return diags
	}
	if !m.Complete() || hasErrorsIn(diags, m) {
		diags = append(diags, CheckExpectationTables(m)...)
	} else {
		diags = append(diags, CheckExpectations(ctx, m)...)
	}
	diags.Sort()
	return diags
}

// hasErrorsIn reports whether one of diags is an error in a file of m.
func hasErrorsIn(diags diagnostic.Diagnostics, m *arguments.Map) bool {
	files := map[string]bool{}
	for _, f := range m.Files {
		files[f.Name] = true
	}
	for _, d := range diags {
		if d.Severity == diagnostic.Error && files[d.Range.Filename] {
			return true
		}
	}
	return false
}

// CheckExpectationTables reports the mistakes of the map's
// [expect.SEMANTICS] tables that need no evaluation: a semantics that does
// not label arguments (an unknown name, or a gradual semantics) and an
// unknown support mode. It works on any map, incomplete or with errors.
func CheckExpectationTables(m *arguments.Map) diagnostic.Diagnostics {
	var diags diagnostic.Diagnostics
	for _, x := range m.Expectations {
		if _, d := expectedReading(x); d != nil {
			diags = append(diags, *d)
		}
	}
	return diags
}

// CheckExpectations reports the mistakes of the map's [expect.SEMANTICS]
// tables, as CheckExpectationTables does, then evaluates the map under the
// semantics of each other table and reports every argument whose label is
// not the expected one, at its id in the expectation's list. The map should
// be free of errors.
func CheckExpectations(ctx context.Context, m *arguments.Map) diagnostic.Diagnostics {
	var diags diagnostic.Diagnostics
	type reading struct {
		method  Method
		support bipolar.Mode
	}
	results := map[reading]*Result{} // tables may repeat a semantics
	for _, x := range m.Expectations {
		opt, d := expectedReading(x)
		if d != nil {
			diags = append(diags, *d)
			continue
		}
		key := reading{opt.Method, opt.Support}
		r := results[key]
		if r == nil {
			var err error
			r, err = Evaluate(ctx, m, opt)
			if err != nil {
				diags = append(diags, arguments.NewDiagnostic("failed-expectation", x.Range, "", "cannot evaluate the map under %s semantics: %v", opt.Method, err))
				continue
			}
			results[key] = r
		}
		for _, l := range x.Labels {
			st, ok := r.Status(l.ID)
			if !ok || st.Label.String() == l.Label {
				continue // an unknown id is reported by the format's checks
			}
			diags = append(diags, arguments.NewDiagnostic("failed-expectation", l.Range,
				fmt.Sprintf("See why with: argmap explain %s %s --semantics %s", m.Root.Name, l.ID, opt.Method),
				"%q is expected %s under %s semantics, but it is %s", l.ID, l.Label, opt.Method, st.Label))
		}
	}
	return diags
}

// expectedReading returns the options an expectation is evaluated with, or
// the diagnostic of why it cannot be: its semantics does not label
// arguments, or its support mode is unknown.
// ExpectationOptions returns the reading an [expect.SEMANTICS] table asks
// for, its semantics and support mode, or the diagnostic of a table that
// names a semantics or a support mode that labels no argument.
func ExpectationOptions(x *arguments.Expectation) (Options, *diagnostic.Diagnostic) {
	return expectedReading(x)
}

func expectedReading(x *arguments.Expectation) (Options, *diagnostic.Diagnostic) {
	// Only Dung semantics and carneades label arguments in, out or undec: the
	// message and its help name those alone, although ParseMethod knows more.
	var names []string
	for _, s := range semantics.All() {
		names = append(names, s.String())
	}
	names = append(names, carneadesName) // labels too: by the proof standards
	help := "Expectations are for " + joinList(names, "or", false) + " semantics."
	method, err := ParseMethod(x.Semantics)
	switch {
	case err != nil:
		d := arguments.NewDiagnostic("bad-value", x.Range, didYouMean(x.Semantics, names)+help, "unknown semantics %q", x.Semantics)
		return Options{}, &d
	case method.Gradual != 0:
		d := arguments.NewDiagnostic("bad-value", x.Range, help, "%s is a gradual semantics, which scores arguments rather than labelling them", method)
		return Options{}, &d
	}
	opt := Options{Method: method}
	if x.Support != "" {
		mode, err := bipolar.ParseMode(x.Support)
		if err != nil {
			modes := bipolar.Names()
			d := arguments.NewDiagnostic("bad-value", x.SupportRange,
				didYouMean(x.Support, modes)+"The support modes are "+joinList(modes, "and", true)+".", "unknown support mode %q", x.Support)
			return Options{}, &d
		}
		opt.Support = mode
	}
	return opt, nil
}

// didYouMean returns "Did you mean "best"? " for the candidate closest to
// word, or "" when none is close enough to be a likely typo.
func didYouMean(word string, candidates []string) string {
	if best := suggest.Closest(word, candidates); best != "" {
		return fmt.Sprintf("Did you mean %q? ", best)
	}
	return ""
}

// joinList writes "a, b or c" (conj "or"), each word quoted if quote is set.
func joinList(words []string, conj string, quote bool) string {
	list := make([]string, len(words))
	for i, w := range words {
		list[i] = w
		if quote {
			list[i] = strconv.Quote(w)
		}
	}
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " " + conj + " " + list[len(list)-1]
}
