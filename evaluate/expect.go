package evaluate

import (
	"context"
	"fmt"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/semantics/bipolar"
)

// CheckExpectations evaluates the map under the semantics of each of its
// [expect.SEMANTICS] tables and reports every argument whose label is not
// the expected one, at its id in the expectation's list. The map should be
// free of errors.
func CheckExpectations(ctx context.Context, m *arguments.Map) arguments.Diagnostics {
	var diags arguments.Diagnostics
	type reading struct {
		method  Method
		support bipolar.Mode
	}
	results := map[reading]*Result{} // tables may repeat a semantics
	for _, x := range m.Expectations {
		method, err := ParseMethod(x.Semantics)
		if err == nil && method.Gradual != 0 {
			err = fmt.Errorf("%s is a gradual semantics, which scores arguments rather than labelling them", method)
		}
		if err != nil {
			diags = append(diags, arguments.NewDiagnostic("bad-value", x.Range, "Expectations are for grounded, complete, preferred, stable, semi-stable, stage or ideal semantics.", "%v", err))
			continue
		}
		opt := Options{Method: method}
		if x.Support != "" {
			mode, err := bipolar.ParseMode(x.Support)
			if err != nil {
				diags = append(diags, arguments.NewDiagnostic("bad-value", x.SupportRange, `The support modes are "deductive", "necessary" and "ignore".`, "%v", err))
				continue
			}
			opt.Support = mode
		}
		key := reading{opt.Method, opt.Support}
		r := results[key]
		if r == nil {
			r, err = Evaluate(ctx, m, opt)
			if err != nil {
				diags = append(diags, arguments.NewDiagnostic("failed-expectation", x.Range, "", "cannot evaluate the map under %s semantics: %v", method, err))
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
				fmt.Sprintf("See why with: argmap explain %s %s --semantics %s", m.Root.Name, l.ID, method),
				"%q is expected %s under %s semantics, but it is %s", l.ID, l.Label, method, st.Label))
		}
	}
	return diags
}
