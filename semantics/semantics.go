package semantics

import (
	"fmt"
	"strconv"
	"strings"
)

// Semantics is an argumentation semantics: a rule that picks the sets of arguments
// (extensions) that can be accepted together.
type Semantics uint8

// The semantics, with their ICCMA codes. The zero value is not a semantics.
const (
	Grounded   Semantics = iota + 1 // GR: the least complete extension
	Complete                        // CO: admissible sets containing every argument they defend
	Preferred                       // PR: maximal admissible (equivalently, complete) sets
	Stable                          // ST: conflict-free sets attacking every argument outside
	SemiStable                      // SST: complete extensions with maximal range
	Stage                           // STG: conflict-free sets with maximal range
	Ideal                           // ID: the largest admissible set inside every preferred extension
)

var semanticsNames = [...]struct{ long, code string }{
	Grounded:   {"grounded", "GR"},
	Complete:   {"complete", "CO"},
	Preferred:  {"preferred", "PR"},
	Stable:     {"stable", "ST"},
	SemiStable: {"semi-stable", "SST"},
	Stage:      {"stage", "STG"},
	Ideal:      {"ideal", "ID"},
}

// All returns every semantics, in the order of the constants.
func All() []Semantics {
	return []Semantics{Grounded, Complete, Preferred, Stable, SemiStable, Stage, Ideal}
}

// valid reports whether s is one of the constants.
func (s Semantics) valid() bool { return s >= Grounded && s <= Ideal }

// String returns the long name, such as "semi-stable", or "Semantics(N)" for a value that
// is not a semantics.
func (s Semantics) String() string {
	if !s.valid() {
		return "Semantics(" + strconv.Itoa(int(s)) + ")"
	}
	return semanticsNames[s].long
}

// Code returns the ICCMA code, such as "SST", or "Semantics(N)" for a value that is not a
// semantics.
func (s Semantics) Code() string {
	if !s.valid() {
		return "Semantics(" + strconv.Itoa(int(s)) + ")"
	}
	return semanticsNames[s].code
}

// ParseSemantics returns the semantics called name, which is a long name ("grounded",
// "complete", "preferred", "stable", "semi-stable", "stage", "ideal") or an ICCMA code
// ("GR", "CO", "PR", "ST", "SST", "STG", "ID"), in any case. "semistable" is accepted for
// "semi-stable".
func ParseSemantics(name string) (Semantics, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "semistable" {
		return SemiStable, nil
	}
	for _, s := range All() {
		if key == semanticsNames[s].long || key == strings.ToLower(semanticsNames[s].code) {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown semantics %q: want one of grounded (GR), complete (CO), "+
		"preferred (PR), stable (ST), semi-stable (SST), stage (STG), ideal (ID)", name)
}
