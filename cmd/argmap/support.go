package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/semantics/bipolar"
)

// supportFlag is the --support of the commands that read a map's supports as
// attacks: eval, explain and solve, one flag so that they read a map alike.
func supportFlag() cli.Flag {
	return &cli.StringFlag{Name: "support", Value: bipolar.SupportedSecondary.String(), Usage: supportUsage}
}

// supportMode reads --support with bipolar's parser, whose error names the
// closest mode. Given --support deductive, it says on standard error what
// that name means now (see deductiveNote).
func supportMode(c *cli.Context) (bipolar.Mode, error) {
	name := c.String("support")
	mode, err := bipolar.ParseMode(name)
	if err != nil {
		return 0, usageError("--support: %v", err)
	}
	if mode == bipolar.Deductive && c.IsSet("support") {
		fmt.Fprint(c.App.ErrWriter, deductiveNote)
	}
	return mode, nil
}
