package main

import (
	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/internal/clidoc"
)

func manCommand() *cli.Command {
	return &cli.Command{
		Name:  "man",
		Usage: "print argmap's manual page, in roff",
		Description: `Prints the manual page of argmap, made from the commands of this binary:
every command with its description and options. Read it with
  argmap man | man -l -
or install it where man finds it:
  argmap man > ~/.local/share/man/man1/argmap.1
docs/argmap.1 in argmap's repository is this page.`,
		Action: runMan,
	}
}

func runMan(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("man takes no arguments")
	}
	if err := clidoc.WriteMan(c.App.Writer, describe(c.App)); err != nil {
		return &exitError{exitProblems, err}
	}
	return nil
}
