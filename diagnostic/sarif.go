package diagnostic

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
)

// SARIF 2.1.0, the OASIS format that code-scanning tools (GitHub code
// scanning, VS Code's SARIF viewer, ...) read. Only the properties argmap
// fills are modelled.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	homepage     = "https://github.com/argmap/argmap"
	rulesHelpURI = homepage + "/blob/main/docs/format.md#what-argmap-check-reports"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	HelpURI              string       `json:"helpUri"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifMessage    `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation struct {
		URI string `json:"uri"`
	} `json:"artifactLocation"`
	Region *sarifRegion `json:"region,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

func sarifLevel(s Severity) string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// fileURI turns a file name into a SARIF artifact URI: relative names stay
// relative (so code-scanning tools resolve them against the repository),
// absolute ones become file URIs.
func fileURI(name string) string {
	slashed := filepath.ToSlash(name)
	if filepath.IsAbs(name) {
		return (&url.URL{Scheme: "file", Path: slashed}).String()
	}
	return (&url.URL{Path: slashed}).String()
}

func sarifLoc(r Range) sarifLocation {
	var loc sarifLocation
	loc.PhysicalLocation.ArtifactLocation.URI = fileURI(r.Filename)
	if r.Start.IsValid() {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: r.Start.Line, StartColumn: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column}
	}
	return loc
}

func writeSARIF(w io.Writer, in Report) error {
	rules := in.Rules
	ruleIndex := map[string]int{}
	// rules is an array even when empty, as SARIF requires.
	driver := sarifDriver{Name: "argmap", Version: in.Version, InformationURI: homepage, Rules: []sarifRule{}}
	for i, r := range rules {
		sr := sarifRule{ID: r.Code, ShortDescription: sarifMessage{r.Summary}, HelpURI: rulesHelpURI}
		sr.DefaultConfiguration.Level = sarifLevel(r.Severity)
		driver.Rules = append(driver.Rules, sr)
		ruleIndex[r.Code] = i
	}
	run := sarifRun{Tool: sarifTool{driver}, ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	for _, d := range in.Diagnostics {
		text := d.Summary
		if d.Detail != "" {
			text += ". " + strings.TrimSuffix(d.Detail, ".") + "."
		}
		// -1 is SARIF's "no rule known": a code missing from in.Rules
		// must not point at another rule.
		index, ok := ruleIndex[d.Code]
		if !ok {
			index = -1
		}
		res := sarifResult{
			RuleID:    d.Code,
			RuleIndex: index,
			Level:     sarifLevel(d.Severity),
			Message:   sarifMessage{text},
			Locations: []sarifLocation{sarifLoc(d.Range)},
		}
		for i, r := range d.Related {
			loc := sarifLoc(r.Range)
			id := i + 1
			loc.ID = &id
			loc.Message = &sarifMessage{r.Message}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}
