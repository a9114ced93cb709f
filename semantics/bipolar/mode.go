package bipolar

import (
	"fmt"
	"strconv"
	"strings"
)

// Mode is how a support edge is read, which decides the attacks it gives rise to; see
// the package documentation for the definitions. The zero value is [Deductive], the
// default.
type Mode uint8

// The modes.
const (
	Deductive Mode = iota // accepting the supporter commits to the supported (Boella et al. 2010)
	Necessary             // the supported cannot be accepted without the supporter (Nouioua & Risch 2010)
	Ignore                // supports give rise to no attack
)

var modeNames = [...]string{
	Deductive: "deductive",
	Necessary: "necessary",
	Ignore:    "ignore",
}

// Modes returns every mode, in the order of the constants.
func Modes() []Mode {
	return []Mode{Deductive, Necessary, Ignore}
}

// valid reports whether m is one of the constants.
func (m Mode) valid() bool { return m <= Ignore }

// String returns the name of the mode, "deductive", "necessary" or "ignore", or
// "Mode(N)" for a value that is not a mode.
func (m Mode) String() string {
	if !m.valid() {
		return "Mode(" + strconv.Itoa(int(m)) + ")"
	}
	return modeNames[m]
}

// ParseMode returns the mode called name: "deductive", "necessary" or "ignore", in any
// case and with surrounding white space ignored.
func ParseMode(name string) (Mode, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	for _, m := range Modes() {
		if key == modeNames[m] {
			return m, nil
		}
	}
	return 0, fmt.Errorf("unknown support mode %q: want deductive, necessary or ignore", name)
}
