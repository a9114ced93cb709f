// Package schema holds the JSON Schema of the argmap file format; its tests keep it in step with the examples.
package schema

import _ "embed"

// JSON is the JSON Schema (draft-07) of an argmap file, argmap.schema.json.
//
//go:embed argmap.schema.json
var JSON []byte

// ID is the schema's $id.
const ID = "https://github.com/argmap/argmap/schema/argmap.schema.json"

// ExportJSON is the JSON Schema (draft-07) of argmap export --format json,
// argmap-export.schema.json.
//
//go:embed argmap-export.schema.json
var ExportJSON []byte

// ExportID is the export schema's $id.
const ExportID = "https://github.com/argmap/argmap/schema/argmap-export.schema.json"
