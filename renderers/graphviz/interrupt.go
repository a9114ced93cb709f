package graphviz

import (
	"bytes"
	"errors"
	"fmt"
)

// How a render is stopped when its context ends.
//
// wazero's own way, RuntimeConfig.WithCloseOnContextDone, makes compiled
// code leave for Go at the head of every loop: it made Graphviz's renders
// 4.4 to 5.6 times slower (BenchmarkRender, wazero v1.10.1; wazero issue
// #2466 reports 10-20x on C code). Instead, the module is instrumented when
// it is loaded: every function of Graphviz starts by counting down a
// global of its own, and when the count reaches zero, every pollEvery
// calls, it calls the host function poll, which returns to Go. Poll
// checks the context of the call under way and, if it has ended, stops
// the call; it also yields, so that with a single processor the timer of
// a deadline or the handler of a signal can run, and the garbage
// collector can stop the world. Graphviz calls functions all through its
// layouts, so a render stops within a few milliseconds of its context's
// end; a loop with no call in it is not interrupted, but Graphviz's loops
// that long call functions.
//
// The instrumented module needs a host function to call, and adding an
// import would renumber every function. So poll takes the place of an
// import the module already has and Graphviz never calls: the callback
// of a Go device plugin's refresh (go-graphviz's plugins; this package
// installs none).
const (
	// pollImport is the import poll stands for: it must have the type
	// (i32) -> ().
	pollImport = "wasm_bridge_DeviceCallbacks_Refresh"
	// pollEvery is how many function calls there are between polls: a
	// poll costs about a microsecond, and Graphviz makes tens of millions
	// of calls a second.
	pollEvery = 1 << 16
)

// errStopped is the panic value of poll when the context has ended.
var errStopped = errors.New("render stopped")

// instrument returns wasm with each defined function starting by the
// countdown described above. poll is the function index of pollImport.
func instrument(wasm []byte, poll uint32) ([]byte, error) {
	r := &reader{b: wasm}
	if string(r.bytes(8)) != "\x00asm\x01\x00\x00\x00" {
		return nil, errors.New("not a WebAssembly 1.0 module")
	}
	out := bytes.NewBuffer(make([]byte, 0, len(wasm)+len(wasm)/8))
	out.Write(wasm[:8])
	var importedGlobals uint32
	counter := uint32(0) // the countdown's global index, once known
	haveGlobals := false
	for r.err == nil && r.pos < len(r.b) {
		start := r.pos
		id := r.byte()
		size := int(r.u32())
		body := r.pos
		end := body + size
		if r.err != nil || end > len(r.b) {
			return nil, errors.New("truncated section")
		}
		switch id {
		case 2: // imports: count the globals among them
			n := r.u32()
			for range n {
				r.bytes(int(r.u32()))
				r.bytes(int(r.u32()))
				switch kind := r.byte(); kind {
				case 0:
					r.u32()
				case 1:
					r.byte()
					r.limits()
				case 2:
					r.limits()
				case 3:
					r.byte()
					r.byte()
					importedGlobals++
				default:
					return nil, fmt.Errorf("import of unknown kind %d", kind)
				}
			}
			out.Write(wasm[start:end])
		case 6: // globals: add the countdown at the end
			n := r.u32()
			counter = importedGlobals + n
			haveGlobals = true
			var sec bytes.Buffer
			sec.Write(leb(uint64(n + 1)))
			sec.Write(wasm[r.pos:end])
			sec.Write([]byte{0x7f, 0x01, 0x41}) // i32, mutable, i32.const
			sec.Write(sleb(pollEvery))
			sec.WriteByte(0x0b) // end
			writeSection(out, 6, sec.Bytes())
		case 10: // code: start each body with the countdown
			if !haveGlobals {
				return nil, errors.New("the module has no global section")
			}
			g := leb(uint64(counter))
			var pro []byte
			pro = append(append(append(pro, 0x23), g...), 0x41, 0x01, 0x6b) // global.get; i32.const 1; i32.sub
			pro = append(append(pro, 0x24), g...)                           // global.set
			pro = append(append(pro, 0x23), g...)                           // global.get
			pro = append(pro, 0x45, 0x04, 0x40, 0x41, 0x00, 0x10)           // i32.eqz; if; i32.const 0; call
			pro = append(pro, leb(uint64(poll))...)
			pro = append(append(pro, 0x41), sleb(pollEvery)...) // i32.const
			pro = append(append(append(pro, 0x24), g...), 0x0b) // global.set; end
			n := r.u32()
			var sec bytes.Buffer
			sec.Grow(size + int(n)*(len(pro)+2))
			sec.Write(leb(uint64(n)))
			for range n {
				fsize := int(r.u32())
				fstart := r.pos
				fend := fstart + fsize
				if r.err != nil || fend > end {
					return nil, errors.New("truncated function body")
				}
				// The locals: a count of runs of a count and a type.
				for range r.u32() {
					r.u32()
					r.byte()
				}
				if r.err != nil || r.pos > fend {
					return nil, errors.New("bad function locals")
				}
				sec.Write(leb(uint64(fsize + len(pro))))
				sec.Write(wasm[fstart:r.pos])
				sec.Write(pro)
				sec.Write(wasm[r.pos:fend])
				r.pos = fend
			}
			writeSection(out, 10, sec.Bytes())
		default:
			out.Write(wasm[start:end])
		}
		if r.err != nil {
			return nil, r.err
		}
		r.pos = end
	}
	if r.err != nil {
		return nil, r.err
	}
	return out.Bytes(), nil
}

func writeSection(out *bytes.Buffer, id byte, body []byte) {
	out.WriteByte(id)
	out.Write(leb(uint64(len(body))))
	out.Write(body)
}

// leb encodes v as an unsigned LEB128 number.
func leb(v uint64) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			c |= 0x80
		}
		b = append(b, c)
		if v == 0 {
			return b
		}
	}
}

// sleb encodes a non-negative v as a signed LEB128 number.
func sleb(v int64) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 && c&0x40 == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
