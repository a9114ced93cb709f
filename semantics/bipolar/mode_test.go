package bipolar

import (
	"slices"
	"testing"
)

func TestModeString(t *testing.T) {
	tests := []struct {
		m    Mode
		want string
	}{
		{SupportedSecondary, "supported-secondary"},
		{Deductive, "deductive"},
		{Necessary, "necessary"},
		{Ignore, "ignore"},
		{4, "Mode(4)"},
		{255, "Mode(255)"},
	}
	for _, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("Mode(%d).String() = %q, want %q", uint8(tt.m), got, tt.want)
		}
	}
}

// The zero value, the default, is the reading argmap has always had, whatever it is
// called: its verdicts on existing maps do not change.
func TestZeroModeIsSupportedSecondary(t *testing.T) {
	var m Mode
	if m != SupportedSecondary {
		t.Errorf("zero Mode is %v, want supported-secondary", m)
	}
}

func TestModes(t *testing.T) {
	want := []Mode{SupportedSecondary, Deductive, Necessary, Ignore}
	if got := Modes(); !slices.Equal(got, want) {
		t.Errorf("Modes() = %v, want %v", got, want)
	}
	// Every mode's name parses back to it.
	for _, m := range Modes() {
		if got, err := ParseMode(m.String()); err != nil || got != m {
			t.Errorf("ParseMode(%q) = %v, %v; want %v, nil", m.String(), got, err, m)
		}
	}
}

func TestParseMode(t *testing.T) {
	tests := []struct {
		name    string
		want    Mode
		wantErr bool
	}{
		{"supported-secondary", SupportedSecondary, false},
		{"deductive", Deductive, false},
		{"necessary", Necessary, false},
		{"ignore", Ignore, false},
		{"Supported-Secondary", SupportedSecondary, false},
		{"Deductive", Deductive, false},
		{"NECESSARY", Necessary, false},
		{"  ignore\t", Ignore, false},
		{"", 0, true},
		{"deduct", 0, true},
		{"none", 0, true},
		{"Mode(3)", 0, true},
		{"supported", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseMode(tt.name)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseMode(%q) = %v, %v; want %v, error %v", tt.name, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseModeError(t *testing.T) {
	_, err := ParseMode("deduct")
	want := `unknown support mode "deduct": want supported-secondary, deductive, necessary or ignore`
	if err == nil || err.Error() != want {
		t.Errorf("ParseMode(%q) error = %v, want %q", "deduct", err, want)
	}
}

func TestNames(t *testing.T) {
	want := []string{"supported-secondary", "deductive", "necessary", "ignore"}
	if got := Names(); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
}
