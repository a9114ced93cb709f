package importers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// jvalue is a JSON value with where it starts in the input and its path,
// for diagnostics.
type jvalue struct {
	kind   byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' boolean, 'z' null
	str    string
	num    json.Number
	keys   []string
	fields map[string]*jvalue
	elems  []*jvalue
	start  int
	path   string
}

// maxJSONDepth bounds the nesting of the JSON read: AIF needs 3 levels.
const maxJSONDepth = 64

// parseJSON reads one JSON value from data into a tree, with the byte
// offset of each value, or returns the offset and message of the first
// syntax error.
func parseJSON(data []byte) (*jvalue, int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	start := func() int {
		off := int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
			off++
		}
		return off
	}
	var read func(path string, depth int) (*jvalue, error)
	read = func(path string, depth int) (*jvalue, error) {
		off := start()
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		v := &jvalue{start: off, path: path}
		switch t := tok.(type) {
		case json.Delim:
			if depth >= maxJSONDepth {
				return nil, &depthError{off}
			}
			if t == '{' {
				v.kind, v.fields = 'o', map[string]*jvalue{}
				for dec.More() {
					ktok, err := dec.Token()
					if err != nil {
						return nil, err
					}
					key, _ := ktok.(string)
					e, err := read(path+pathKey(key), depth+1)
					if err != nil {
						return nil, err
					}
					if _, dup := v.fields[key]; !dup {
						v.keys = append(v.keys, key)
						v.fields[key] = e
					}
				}
			} else {
				v.kind = 'a'
				for i := 0; dec.More(); i++ {
					e, err := read(path+"["+strconv.Itoa(i)+"]", depth+1)
					if err != nil {
						return nil, err
					}
					v.elems = append(v.elems, e)
				}
			}
			if _, err := dec.Token(); err != nil { // the closing delimiter
				return nil, err
			}
		case string:
			v.kind, v.str = 's', t
		case json.Number:
			v.kind, v.num = 'n', t
		case bool:
			v.kind = 'b'
		case nil:
			v.kind = 'z'
		}
		return v, nil
	}
	root, err := read("$", 0)
	if err == nil {
		if _, e := dec.Token(); e != io.EOF {
			off := start()
			return nil, off, errors.New("more after the JSON value")
		}
		return root, 0, nil
	}
	var se *json.SyntaxError
	var de *depthError
	switch {
	case errors.As(err, &se):
		return nil, int(se.Offset) - 1, errors.New(strings.TrimPrefix(se.Error(), "json: "))
	case errors.As(err, &de):
		return nil, de.off, fmt.Errorf("JSON nested deeper than %d levels", maxJSONDepth)
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		return nil, len(data), errors.New("unexpected end of JSON input")
	}
	return nil, start(), errors.New(strings.TrimPrefix(err.Error(), "json: "))
}

type depthError struct{ off int }

func (e *depthError) Error() string { return "too deep" }

// field returns the field key of an object, or nil.
func (v *jvalue) field(key string) *jvalue {
	if v == nil || v.kind != 'o' {
		return nil
	}
	return v.fields[key]
}

// describe names the kind of a value for a message.
func (v *jvalue) describe() string {
	switch v.kind {
	case 'o':
		return "an object"
	case 'a':
		return "an array"
	case 's':
		return "a string"
	case 'n':
		return "a number"
	case 'b':
		return "a boolean"
	}
	return "null"
}

// idString is an AIF id: a string or a number, as AIFdb and OVA write
// them.
func (v *jvalue) idString() (string, bool) {
	switch v.kind {
	case 's':
		return v.str, true
	case 'n':
		return v.num.String(), true
	}
	return "", false
}

// pathKey is the step of a JSON path to the field key: ".key", or
// ["key"] for a key that is not a plain name.
func pathKey(key string) string {
	plain := key != ""
	for i, r := range key {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			plain = false
		}
	}
	if plain {
		return "." + key
	}
	return "[" + strconv.Quote(key) + "]"
}
