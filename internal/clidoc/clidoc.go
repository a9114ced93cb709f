// Package clidoc describes a command-line program — its commands, their
// flags and what their values and arguments are — and writes what is
// generated from such a description: completion scripts for bash, zsh and
// fish, and a manual page in roff.
//
// A Program is built from the program's own command definitions (argmap
// builds it from its urfave/cli App), so that the scripts and the page
// always list the commands and flags the binary has. The writers are
// deterministic: the same Program gives the same bytes.
package clidoc

import (
	"strings"
	"unicode/utf8"
)

// Program is a command-line program with commands, as "argmap check".
type Program struct {
	Name        string // the name users type, as "argmap"
	Usage       string // one line: what the program does
	Description string // paragraphs, separated by blank lines; lines indented by two spaces or more are kept as they are
	Flags       []Flag // the flags that come before the command
	Commands    []Command
	// Sections are more sections of the manual page, after the commands:
	// EXIT STATUS, ENVIRONMENT, SEE ALSO.
	Sections []Section
}

// Command is one command of a Program.
type Command struct {
	Name        string
	Aliases     []string
	Usage       string // one line
	ArgsUsage   string // the positional arguments, as "PATH..."
	UsageText   string // synopsis lines that replace "NAME COMMAND [OPTIONS] ARGS", one a line
	Description string // as Program.Description
	Flags       []Flag
	Args        Values // what the positional arguments are
}

// Names returns the command's name and its aliases.
func (c Command) Names() []string { return append([]string{c.Name}, c.Aliases...) }

// Flag is a flag of a command or of the program. A name of one letter is a
// short flag (-f), a longer one a long flag (--format).
type Flag struct {
	Names       []string // the first is the flag's name, the others its aliases
	Usage       string   // one line
	Placeholder string   // the name of the value in the usage, as "FORMAT"; empty for a flag that takes no value
	Default     string   // the value when the flag is not given, if worth saying
	Repeatable  bool     // the flag may be given more than once
	Values      Values   // what the value is; Kind None for a flag that takes no value
}

// TakesValue reports whether the flag takes a value (--format json), unlike
// a boolean flag (--strict).
func (f Flag) TakesValue() bool { return f.Placeholder != "" }

// Spellings returns the flag's names as they are typed: "--format", "-f".
func (f Flag) Spellings() []string {
	var out []string
	for _, n := range f.Names {
		out = append(out, dashed(n))
	}
	return out
}

func dashed(name string) string {
	if utf8.RuneCountInString(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// Kind is what a value or an argument is, for completion.
type Kind int

// The kinds of values.
const (
	None  Kind = iota // nothing to complete: free text, a number, an id
	Files             // a file name (Values.Pattern, if set, says which files; directories complete too)
	Dirs              // a directory name
	Words             // one of Values.Words
	// CommandNames are the program's command names (argmap help COMMAND).
	CommandNames
)

// Values says what a flag's value or a command's arguments are.
type Values struct {
	Kind    Kind
	Words   []string // the words of Kind Words
	Pattern string   // for Kind Files: a glob the files must match, as "*.toml", or empty for any file
}

// Section is a section of the manual page.
type Section struct {
	Title string // as "EXIT STATUS"
	Text  string // as Program.Description
}

// oneLine returns s with its runs of white space, line breaks included,
// made single spaces, and the backquotes of urfave/cli's placeholders
// ("write to `OUT`") removed.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "`", "")), " ")
}

// commandNames returns the name and aliases of every command, in order.
func (p *Program) commandNames() []string {
	var names []string
	for _, c := range p.Commands {
		names = append(names, c.Names()...)
	}
	return names
}
