package bipolar

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/suggest"
)

// Mode is how a support edge is read, which decides the attacks it gives rise to; see
// the package documentation for the definitions. The zero value is [SupportedSecondary],
// argmap's default.
type Mode uint8

// The modes. Each is named after the attacks it derives, or the kind of support that
// the literature derives them from.
const (
	// SupportedSecondary, the default, derives the supported and secondary attacks of
	// Cayrol & Lagasquie-Schiex's bipolar argumentation frameworks (2005, 2010).
	SupportedSecondary Mode = iota
	// Deductive reads a support as deductive support: accepting the supporter commits
	// to the supported, and it derives supported and mediated attacks (Boella et al.
	// 2010; Cayrol & Lagasquie-Schiex 2013).
	Deductive
	// Necessary reads a support as necessary support: the supported cannot be accepted
	// without the supporter, and it derives secondary and extended attacks (Nouioua &
	// Risch 2010, 2011; Cayrol & Lagasquie-Schiex 2013).
	Necessary
	// Ignore gives supports no attack.
	Ignore
)

var modeNames = [...]string{
	SupportedSecondary: "supported-secondary",
	Deductive:          "deductive",
	Necessary:          "necessary",
	Ignore:             "ignore",
}

// Modes returns every mode, in the order of the constants.
func Modes() []Mode {
	return []Mode{SupportedSecondary, Deductive, Necessary, Ignore}
}

// valid reports whether m is one of the constants.
func (m Mode) valid() bool { return m <= Ignore }

// String returns the name of the mode, "supported-secondary", "deductive", "necessary"
// or "ignore", or "Mode(N)" for a value that is not a mode.
func (m Mode) String() string {
	if !m.valid() {
		return "Mode(" + strconv.Itoa(int(m)) + ")"
	}
	return modeNames[m]
}

// Names returns the names of the modes, in the order of [Modes], for messages and
// help texts.
func Names() []string {
	names := make([]string, 0, len(modeNames))
	for _, m := range Modes() {
		names = append(names, modeNames[m])
	}
	return names
}

// ParseMode returns the mode called name: "supported-secondary", "deductive",
// "necessary" or "ignore", in any case and with surrounding white space ignored.
func ParseMode(name string) (Mode, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	for _, m := range Modes() {
		if key == modeNames[m] {
			return m, nil
		}
	}
	hint := ""
	if best := suggest.Closest(key, Names()); best != "" {
		hint = fmt.Sprintf(" (did you mean %s?)", best)
	}
	return 0, fmt.Errorf("unknown support mode %q: want supported-secondary, deductive, necessary or ignore%s", name, hint)
}
