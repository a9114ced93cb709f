package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// buildVersion is what the Go toolchain recorded about this build of
// argmap, as debug.ReadBuildInfo returns it.
type buildVersion struct {
	// Module is the main module's version: the version named to go install
	// (go install github.com/argmap/argmap/cmd/argmap@v1.2.3), or, for a
	// build in a Git checkout, the tag at HEAD or a pseudo-version made of
	// the commit. It is "devel" when the toolchain recorded none ("(devel)",
	// as go run and go build -buildvcs=false leave it).
	Module string
	// Revision, Time and Modified describe the commit of a build in a
	// checkout (vcs.revision, vcs.time, vcs.modified); Revision is empty
	// otherwise.
	Revision string
	Time     string
	Modified bool
	// Go and Platform are the toolchain's version and GOOS/GOARCH.
	Go, Platform string
}

// readBuildVersion extracts a buildVersion from build information; info
// may be nil, as debug.ReadBuildInfo returns for a binary built without
// module support.
func readBuildVersion(info *debug.BuildInfo) buildVersion {
	v := buildVersion{Module: "devel"}
	if info == nil {
		return v
	}
	if m := info.Main.Version; m != "" && m != "(devel)" {
		v.Module = m
	}
	v.Go = info.GoVersion
	var goos, goarch string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		case "GOOS":
			goos = s.Value
		case "GOARCH":
			goarch = s.Value
		}
	}
	if goos != "" && goarch != "" {
		v.Platform = goos + "/" + goarch
	}
	return v
}

// currentVersion is the buildVersion of the running binary.
func currentVersion() buildVersion {
	info, _ := debug.ReadBuildInfo()
	return readBuildVersion(info)
}

// version is argmap's module version, as the Go toolchain recorded it: the
// version that SARIF output and argmap solve report.
func version() string { return currentVersion().Module }

// String is what argmap --version prints: the module version on the first
// line, as "argmap version v1.2.3", then the commit of a build in a Git
// checkout and the toolchain:
//
//	argmap version v1.2.3
//	commit 51f7390c8a1e2b5c0a4f1d7e9b3c6a8d0e2f4a6b (2026-01-02T03:04:05Z, with uncommitted changes)
//	built with go1.26.8 for linux/amd64
func (v buildVersion) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "argmap version %s\n", v.Module)
	if v.Revision != "" {
		fmt.Fprintf(&b, "commit %s", v.Revision)
		var notes []string
		if v.Time != "" {
			notes = append(notes, v.Time)
		}
		if v.Modified {
			notes = append(notes, "with uncommitted changes")
		}
		if len(notes) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(notes, ", "))
		}
		b.WriteByte('\n')
	}
	if v.Go != "" {
		b.WriteString("built with " + v.Go)
		if v.Platform != "" {
			b.WriteString(" for " + v.Platform)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// versionFlag is argmap's --version. It replaces urfave/cli's, which prints
// the module version alone, through a variable of the package that every
// App shares.
func versionFlag() cli.Flag {
	return &cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: "print the version, the commit it was built from, and the Go toolchain"}
}

// runApp is what argmap does without a command: print the version with
// --version, else the help.
func runApp(c *cli.Context) error {
	if c.Bool("version") {
		return printVersion(c.App.Writer, currentVersion())
	}
	return cli.ShowAppHelp(c)
}

func printVersion(w io.Writer, v buildVersion) error {
	_, err := io.WriteString(w, v.String())
	return err
}
