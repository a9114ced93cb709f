package diagnostic

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/argmap/argmap/internal/termtext"
)

// jsonReport is the stable JSON output of argmap check, documented in the
// README. Fields are only ever added.
type jsonReport struct {
	Version     int              `json:"version"` // of this JSON layout
	Errors      int              `json:"errors"`
	Warnings    int              `json:"warnings"`
	Files       int              `json:"files"`
	Maps        int              `json:"maps"`
	Arguments   int              `json:"arguments"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

type jsonLocation struct {
	File      string `json:"file"`
	Line      int    `json:"line,omitempty"`
	Column    int    `json:"column,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
}

type jsonDiagnostic struct {
	jsonLocation
	Severity Severity      `json:"severity"`
	Code     string        `json:"code"`
	Message  string        `json:"message"`
	Help     string        `json:"help,omitempty"`
	Related  []jsonRelated `json:"related,omitempty"`
}

type jsonRelated struct {
	jsonLocation
	Message string `json:"message"`
}

func location(r Range) jsonLocation {
	return jsonLocation{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column}
}

func writeJSON(w io.Writer, in Report) error {
	out := jsonReport{
		Version:     1,
		Errors:      in.Diagnostics.Count(Error),
		Warnings:    in.Diagnostics.Count(Warning),
		Files:       in.Totals.Files,
		Maps:        in.Totals.Maps,
		Arguments:   in.Totals.Arguments,
		Diagnostics: make([]jsonDiagnostic, 0, len(in.Diagnostics)),
	}
	for _, d := range in.Diagnostics {
		jd := jsonDiagnostic{jsonLocation: location(d.Range), Severity: d.Severity, Code: d.Code, Message: d.Summary, Help: d.Detail}
		for _, r := range d.Related {
			jd.Related = append(jd.Related, jsonRelated{location(r.Range), r.Message})
		}
		out.Diagnostics = append(out.Diagnostics, jd)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeGitHub writes GitHub Actions workflow commands, which the Actions
// runner turns into annotations on the files of a pull request:
//
//	::error file=debate.toml,line=12,col=14,endLine=12,endColumn=21,title=argmap unknown-argument::no argument "strik" in this map
func writeGitHub(w io.Writer, in Report) error {
	ew := &errWriter{w: w}
	for _, d := range in.Diagnostics {
		props := "file=" + ghProperty(filepath.ToSlash(d.Range.Filename))
		if d.Range.Start.IsValid() {
			props += fmt.Sprintf(",line=%d,col=%d", d.Range.Start.Line, d.Range.Start.Column)
			if d.Range.End.IsValid() {
				props += fmt.Sprintf(",endLine=%d,endColumn=%d", d.Range.End.Line, d.Range.End.Column)
			}
		}
		props += ",title=" + ghProperty("argmap "+d.Code)
		// The runner shows the message to people, in the log and on the
		// pull request: its parts are escaped as for a terminal
		// (termtext), and only the line breaks between them stay.
		msg := termtext.Escape(d.Summary)
		if d.Detail != "" {
			msg += "\n" + termtext.Escape(d.Detail)
		}
		for _, r := range d.Related {
			msg += "\n" + termtext.Escape(r.Range.String()+": "+r.Message)
		}
		ew.printf("::%s %s::%s\n", d.Severity, props, ghData(msg))
	}
	return ew.err
}

// ghData escapes a workflow command's message, as the Actions toolkit does.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
