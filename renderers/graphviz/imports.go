package graphviz

import (
	"errors"
	"fmt"

	"github.com/tetratelabs/wazero/api"
)

// funcImport is a function the module imports.
type funcImport struct {
	module, name    string
	params, results []api.ValueType
}

// functionImports reads the function imports of a WebAssembly module from
// its type and import sections. wazero's CompiledModule.ImportedFunctions
// gives the same, but builds the definitions of all of the module's 2,600
// functions to do it, which costs a quarter of the engine's start-up.
func functionImports(wasm []byte) ([]funcImport, error) {
	r := &reader{b: wasm}
	if string(r.bytes(4)) != "\x00asm" || string(r.bytes(4)) != "\x01\x00\x00\x00" {
		return nil, errors.New("not a WebAssembly 1.0 module")
	}
	var types [][2][]api.ValueType
	for r.err == nil && r.pos < len(r.b) {
		id := r.byte()
		size := int(r.u32())
		end := r.pos + size
		if r.err != nil || end > len(r.b) {
			return nil, errors.New("truncated section")
		}
		switch id {
		case 1: // types
			n := int(r.u32())
			for range n {
				if r.byte() != 0x60 {
					return nil, errors.New("bad function type")
				}
				params := r.bytes(int(r.u32()))
				results := r.bytes(int(r.u32()))
				types = append(types, [2][]api.ValueType{params, results})
			}
		case 2: // imports
			var out []funcImport
			n := int(r.u32())
			for range n {
				module := string(r.bytes(int(r.u32())))
				name := string(r.bytes(int(r.u32())))
				switch kind := r.byte(); kind {
				case 0: // function
					t := int(r.u32())
					if t >= len(types) {
						return nil, fmt.Errorf("import %s.%s: no type %d", module, name, t)
					}
					out = append(out, funcImport{module, name, types[t][0], types[t][1]})
				case 1: // table: element type, limits
					r.byte()
					r.limits()
				case 2: // memory: limits
					r.limits()
				case 3: // global: value type, mutability
					r.byte()
					r.byte()
				default:
					return nil, fmt.Errorf("import %s.%s: unknown kind %d", module, name, kind)
				}
			}
			if r.err != nil {
				return nil, r.err
			}
			return out, nil
		}
		r.pos = end
	}
	if r.err != nil {
		return nil, r.err
	}
	return nil, nil
}

// reader reads the binary format, remembering the first error.
type reader struct {
	b   []byte
	pos int
	err error
}

func (r *reader) byte() byte {
	if r.err != nil || r.pos >= len(r.b) {
		r.fail()
		return 0
	}
	c := r.b[r.pos]
	r.pos++
	return c
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || r.pos+n > len(r.b) {
		r.fail()
		return nil
	}
	b := r.b[r.pos : r.pos+n]
	r.pos += n
	return b
}

// u32 reads an unsigned LEB128 number.
func (r *reader) u32() uint32 {
	var v uint32
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.fail()
	return 0
}

func (r *reader) limits() {
	if r.byte()&1 != 0 {
		r.u32()
	}
	r.u32()
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated module")
	}
}
