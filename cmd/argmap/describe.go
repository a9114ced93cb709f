package main

import (
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/iccma"
	"github.com/argmap/argmap/importers"
	"github.com/argmap/argmap/internal/clidoc"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/exchange"
	"github.com/argmap/argmap/semantics/bipolar"
)

// describe returns the description of argmap that argmap completion and
// argmap man write, made from app's command definitions: every visible
// command, with every visible flag, as argmap help lists them. app must
// be set up (cli.App.Setup, which Run does), so that it has its help
// command and flag.
func describe(app *cli.App) *clidoc.Program {
	p := &clidoc.Program{
		Name:        app.Name,
		Usage:       app.Usage,
		Description: manDescription,
		Flags:       describeFlags(nil, app.VisibleFlags()),
		Sections:    manSections,
	}
	for _, c := range app.VisibleCommands() {
		flags := c.VisibleFlags()
		if !c.HideHelp && cli.HelpFlag != nil && !slices.ContainsFunc(flags, func(f cli.Flag) bool { return f.Names()[0] == cli.HelpFlag.Names()[0] }) {
			flags = append(flags, cli.HelpFlag) // urfave/cli adds it when the command runs
		}
		p.Commands = append(p.Commands, clidoc.Command{
			Name:        c.Name,
			Aliases:     c.Aliases,
			Usage:       c.Usage,
			ArgsUsage:   c.ArgsUsage,
			UsageText:   c.UsageText,
			Description: c.Description,
			Flags:       describeFlags(c, flags),
			Args:        argValues(c),
		})
	}
	return p
}

// describeFlags describes the flags of cmd, or the global flags when cmd is nil.
func describeFlags(cmd *cli.Command, flags []cli.Flag) []clidoc.Flag {
	var out []clidoc.Flag
	for _, f := range flags {
		d := clidoc.Flag{Names: f.Names()}
		doc, ok := f.(cli.DocGenerationFlag)
		if ok {
			placeholder, usage := unquoteUsage(doc.GetUsage())
			d.Usage = usage
			if doc.TakesValue() {
				d.Placeholder = cmpOr(placeholder, strings.ToUpper(f.Names()[0]))
				d.Default = strings.Trim(cmpOr(doc.GetDefaultText(), doc.GetValue()), `"`)
				d.Values = flagValues(cmd, f)
			}
		}
		switch f.(type) {
		case *cli.StringSliceFlag, *cli.IntSliceFlag, *cli.Int64SliceFlag, *cli.Float64SliceFlag, *cli.UintSliceFlag, *cli.Uint64SliceFlag:
			d.Repeatable = true
		}
		out = append(out, d)
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// flagValues says what the value of a flag of cmd is, for completion: the
// words it may be, or a file or a directory. The words are those that the
// command's own checks accept, from the same functions; TestCompletionValues
// runs each command with each of them, and with a wrong value, to keep
// them so. A flag without an entry takes free text, a number or ids.
func flagValues(cmd *cli.Command, f cli.Flag) clidoc.Values {
	name := f.Names()[0]
	switch name { // the flags that every command that has them shares
	case "include-root":
		return clidoc.Values{Kind: clidoc.Dirs}
	case "support":
		return words(bipolar.Names())
	}
	if cmd == nil {
		return clidoc.Values{}
	}
	switch cmd.Name + " --" + name {
	case "check --format":
		return words(diagnostic.Formats())
	case "render --format":
		return words(renderFormatNames())
	case "export --format":
		return words(exchange.FormatNames())
	case "import --from":
		return words(importers.Formats())
	case "export --semantics":
		return words(evaluate.MethodNames())
	case "render --output", "solve --file", "export --output", "import --output":
		return clidoc.Values{Kind: clidoc.Files}
	case "render --direction":
		return words(dot.Directions())
	case "render --group-by":
		return words(dot.Groupings())
	case "render --theme":
		return words(dot.Themes())
	case "render --notes":
		return words(dot.NoteModes())
	case "render --sources":
		return words(dot.SourceModes())
	case "render --semantics", "questions --semantics":
		return words(labellingSemantics())
	case "eval --semantics", "explain --semantics":
		return words(evaluate.MethodNames())
	case "eval --format", "explain --format", "grade --format", "questions --format":
		return words([]string{"text", "json"})
	case "grade --key":
		return clidoc.Values{Kind: clidoc.Files, Pattern: "*.toml"}
	case "solve --task":
		var tasks []string
		for _, t := range iccma.Tasks() {
			tasks = append(tasks, t.String())
		}
		return words(tasks)
	}
	if takesFile(f) {
		return clidoc.Values{Kind: clidoc.Files}
	}
	return clidoc.Values{}
}

// takesFile reports whether a flag's definition says that its value is a
// file (TakesFile, which urfave/cli has no method for).
func takesFile(f cli.Flag) bool {
	switch f := f.(type) {
	case *cli.StringFlag:
		return f.TakesFile
	case *cli.StringSliceFlag:
		return f.TakesFile
	case *cli.PathFlag:
		return f.TakesFile
	case *cli.GenericFlag:
		return f.TakesFile
	}
	return false
}

// unquoteUsage splits a flag's usage as urfave/cli's help does: the word
// in backquotes is the name of the value ("write to `OUT`"), and the usage
// is shown without the backquotes.
func unquoteUsage(usage string) (name, text string) {
	before, rest, ok := strings.Cut(usage, "`")
	if !ok {
		return "", usage
	}
	name, after, ok := strings.Cut(rest, "`")
	if !ok {
		return "", usage
	}
	return name, before + name + after
}

// labellingSemantics are the semantics that label arguments accepted,
// rejected or undecided, which render draws and questions reads: not the
// gradual ones, which score arguments.
func labellingSemantics() []string {
	var names []string
	for _, n := range evaluate.MethodNames() {
		if m, err := evaluate.ParseMethod(n); err == nil && m.Gradual == 0 {
			names = append(names, n)
		}
	}
	return names
}

// argValues says what the positional arguments of cmd are: argument maps
// for the commands that read them, command names for help, shells for
// completion, files for a command not named here.
func argValues(cmd *cli.Command) clidoc.Values {
	switch cmd.Name {
	case "check", "render", "export", "eval", "explain", "grade", "questions", "serve":
		return clidoc.Values{Kind: clidoc.Files, Pattern: "*.toml"}
	case "help":
		return clidoc.Values{Kind: clidoc.CommandNames}
	case "completion":
		return words(completionShells())
	case "man", "solve":
		return clidoc.Values{}
	}
	if cmd.ArgsUsage == "" {
		return clidoc.Values{}
	}
	return clidoc.Values{Kind: clidoc.Files}
}

func words(w []string) clidoc.Values { return clidoc.Values{Kind: clidoc.Words, Words: w} }

// manDescription is the DESCRIPTION of argmap's manual page.
const manDescription = `argmap maps legal and political arguments. A debate is described in TOML
files: each argument (a claim, with its kind, party and source) and which
argument supports or attacks which, with the structures lawyers use:
linked tests, exceptions, priorities, argument schemes with critical
questions, proof standards. argmap check validates the files and names the
file, line and column of every problem; argmap render draws them; argmap
eval and argmap explain say which arguments stand under the semantics of
argumentation theory, and why; argmap serve puts a live map in a browser.

The file format is described in docs/format.md, and the commands in
README.md, of argmap's source repository.`

// manSections are the sections of argmap's manual page after the commands.
var manSections = []clidoc.Section{
	{Title: "Exit status", Text: `  0    all is well: no errors (warnings are allowed, unless --strict)
  1    problems were found: errors, or warnings with --strict; a file that
       cannot be read; eval, explain and solve: a bound or --timeout
       reached; render: a map too large, a drawing that failed or timed out
  2    usage error: an unknown command or flag, a missing path, a bad value
  130  render interrupted by SIGINT, nothing written
  143  render interrupted by SIGTERM, nothing written

argmap solve follows ICCMA: 0 whenever the task is solved (YES or NO).
argmap grade exits 0 when the answer was graded, whatever its score.`},
	{Title: "Environment", Text: `ARGMAP_RENDER_SERVER
  off: render draws in its own process, without the background Graphviz
  server; on: use the server even when CI is set; require: fail when no
  server answers (for benchmarks and tests).

CI
  when set, as CI services set it, render does without the server unless
  ARGMAP_RENDER_SERVER=on.

XDG_CACHE_HOME, HOME
  render keeps the compiled Graphviz in the user's cache directory,
  $XDG_CACHE_HOME/argmap or ~/.cache/argmap on Linux.

GOGC
  the garbage collector's setting; argmap sets 400 unless it is set.`},
	{Title: "See also", Text: `The README and docs/format.md in argmap's repository,
https://github.com/argmap/argmap; argmap completion bash|zsh|fish for
shell completion.`},
}
