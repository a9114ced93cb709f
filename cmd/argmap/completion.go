package main

import (
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/internal/clidoc"
)

// shells are the shells argmap completion writes scripts for, in the order
// its help names them.
var shells = []struct {
	name  string
	write func(io.Writer, *clidoc.Program) error
}{
	{"bash", clidoc.WriteBash},
	{"zsh", clidoc.WriteZsh},
	{"fish", clidoc.WriteFish},
}

// completionShells returns the names of the shells argmap completion knows.
func completionShells() []string {
	var names []string
	for _, s := range shells {
		names = append(names, s.name)
	}
	return names
}

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script of bash, zsh or fish",
		ArgsUsage: "SHELL",
		Description: `Prints a script that makes the shell complete argmap's commands, their
flags, the values of flags such as --format and --semantics, and file and
directory names where a command takes them. The script is made from the
commands of this argmap binary: after an upgrade, load it again.

In bash (4 or later), for this shell, or for every new one:
  source <(argmap completion bash)
  argmap completion bash > ~/.local/share/bash-completion/completions/argmap

In zsh, after compinit, or as a completion function in $fpath:
  source <(argmap completion zsh)
  argmap completion zsh > "${fpath[1]}/_argmap"

In fish:
  argmap completion fish | source
  argmap completion fish > ~/.config/fish/completions/argmap.fish`,
		Action: runCompletion,
	}
}

func runCompletion(c *cli.Context) error {
	names := strings.Join(completionShells(), ", ")
	switch c.NArg() {
	case 0:
		return usageError("completion needs a shell: argmap completion SHELL, with SHELL one of %s", names)
	case 1:
	default:
		return usageError("completion takes one shell, not %d arguments: argmap completion SHELL", c.NArg())
	}
	name := c.Args().First()
	for _, s := range shells {
		if s.name == name {
			if err := s.write(c.App.Writer, describe(c.App)); err != nil {
				return &exitError{exitProblems, err}
			}
			return nil
		}
	}
	return usageError("unknown shell %q: use one of %s", name, names)
}
