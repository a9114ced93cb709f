package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// subsetTrueType returns a copy of a TrueType font (the font index of a
// collection) that keeps only the glyphs in keep (and the glyphs they are built from, and glyph 0), and only
// the tables a PDF viewer needs to draw glyphs by index, with cmap, OS/2 and
// a post table without glyph names. Glyph indexes are
// unchanged: the glyphs not kept are empty, so the font's hmtx and the
// PDF's widths stay valid.
func subsetTrueType(font []byte, index int, keep map[uint16]bool) ([]byte, error) {
	tables, err := readTables(font, index)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || loca == nil || glyf == nil {
		return nil, errors.New("truetype: missing head, maxp, loca or glyf table")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(i int) (int, error) {
		var o int
		if longLoca {
			if 4*i+4 > len(loca) {
				return 0, errors.New("truetype: loca table too short")
			}
			o = int(binary.BigEndian.Uint32(loca[4*i:]))
		} else {
			if 2*i+2 > len(loca) {
				return 0, errors.New("truetype: loca table too short")
			}
			o = 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
		}
		if o > len(glyf) {
			return 0, errors.New("truetype: loca points past the glyf table")
		}
		return o, nil
	}
	glyph := func(gid int) ([]byte, error) {
		a, err := offset(gid)
		if err != nil {
			return nil, err
		}
		b, err := offset(gid + 1)
		if err != nil {
			return nil, err
		}
		if b < a {
			return nil, fmt.Errorf("truetype: glyph %d has a negative length", gid)
		}
		return glyf[a:b], nil
	}

	// The glyphs to keep, with the components of composite glyphs.
	set := map[int]bool{0: true}
	var queue []int
	queue = append(queue, 0)
	for g := range keep {
		if int(g) < numGlyphs && !set[int(g)] {
			set[int(g)] = true
			queue = append(queue, int(g))
		}
	}
	for len(queue) > 0 {
		g := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		data, err := glyph(g)
		if err != nil {
			return nil, err
		}
		comps, err := components(data)
		if err != nil {
			return nil, fmt.Errorf("truetype: glyph %d: %w", g, err)
		}
		for _, c := range comps {
			if c < numGlyphs && !set[c] {
				set[c] = true
				queue = append(queue, c)
			}
		}
	}

	// The new glyf and a long-format loca.
	var newGlyf []byte
	newLoca := make([]byte, 4*(numGlyphs+1))
	for g := range numGlyphs {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if !set[g] {
			continue
		}
		data, err := glyph(g)
		if err != nil {
			return nil, err
		}
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*numGlyphs:], uint32(len(newGlyf)))

	newHead := slices.Clone(head)
	binary.BigEndian.PutUint16(newHead[50:], 1) // long loca
	binary.BigEndian.PutUint32(newHead[8:], 0)  // checkSumAdjustment, set below
	out := map[string][]byte{"head": newHead, "loca": newLoca, "glyf": newGlyf}
	// The cmap and OS/2 tables are not needed to draw glyphs by index, but
	// they are small, and some tools reject a font without them.
	for _, tag := range []string{"hhea", "hmtx", "maxp", "cvt ", "fpgm", "prep", "cmap", "OS/2"} {
		if t, ok := tables[tag]; ok {
			out[tag] = t
		}
	}
	// The metrics of the glyphs not kept are zeros: viewers take advances
	// from the PDF's widths, and a large font's metrics (156 KB for Droid
	// Sans Fallback) compress to almost nothing.
	if hhea, hmtx := out["hhea"], out["hmtx"]; len(hhea) >= 36 && hmtx != nil {
		long := int(binary.BigEndian.Uint16(hhea[34:]))
		m := slices.Clone(hmtx)
		for g := range numGlyphs {
			if set[g] {
				continue
			}
			at, n := 4*g, 4 // advance and left side bearing
			if g >= long {
				at, n = 4*long+2*(g-long), 2 // left side bearing only
			}
			if at+n <= len(m) {
				clear(m[at : at+n])
			}
		}
		out["hmtx"] = m
	}
	// A version 3 post table: the original's metrics without the glyph
	// names, which are large and unused.
	if post := tables["post"]; len(post) >= 32 {
		p := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000)
		out["post"] = p
	}
	if out["hhea"] == nil || out["hmtx"] == nil {
		return nil, errors.New("truetype: missing hhea or hmtx table")
	}
	font = writeTables(out)
	// head's checkSumAdjustment makes the whole font sum to a constant.
	headAt := tableOffset(font, "head")
	binary.BigEndian.PutUint32(font[headAt+8:], 0xB1B0AFBA-checksum(font))
	return font, nil
}

// components returns the glyphs a composite glyph is made of, or nothing
// for a simple glyph.
func components(data []byte) ([]int, error) {
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil, nil
	}
	const (
		argsAreWords   = 0x0001
		haveScale      = 0x0008
		moreComponents = 0x0020
		haveXYScale    = 0x0040
		have2x2        = 0x0080
	)
	var out []int
	p := 10
	for {
		if p+4 > len(data) {
			return nil, errors.New("truncated composite glyph")
		}
		flags := binary.BigEndian.Uint16(data[p:])
		out = append(out, int(binary.BigEndian.Uint16(data[p+2:])))
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&have2x2 != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			return out, nil
		}
	}
}

// readTables reads the table directory of a TrueType font, or of the font
// index of a TrueType collection, whose tables' offsets are from the start
// of the file.
func readTables(font []byte, index int) (map[string][]byte, error) {
	if len(font) < 12 {
		return nil, errors.New("truetype: file too short")
	}
	dir := 0
	if string(font[:4]) == "ttcf" {
		n := int(binary.BigEndian.Uint32(font[8:]))
		if index < 0 || index >= n || 16+4*index > len(font) {
			return nil, fmt.Errorf("truetype: no font %d in a collection of %d", index, n)
		}
		dir = int(binary.BigEndian.Uint32(font[12+4*index:]))
		if dir+12 > len(font) {
			return nil, errors.New("truetype: collection entry out of the file")
		}
	}
	if v := binary.BigEndian.Uint32(font[dir:]); v != 0x00010000 && v != 0x74727565 /* "true" */ {
		return nil, fmt.Errorf("truetype: not a TrueType font (version %#x)", v)
	}
	n := int(binary.BigEndian.Uint16(font[dir+4:]))
	if dir+12+16*n > len(font) {
		return nil, errors.New("truetype: table directory too short")
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		e := font[dir+12+16*i:]
		tag := string(e[:4])
		off, length := int(binary.BigEndian.Uint32(e[8:])), int(binary.BigEndian.Uint32(e[12:]))
		if off < 0 || length < 0 || off+length > len(font) {
			return nil, fmt.Errorf("truetype: table %q out of the file", tag)
		}
		tables[tag] = font[off : off+length]
	}
	return tables, nil
}

// writeTables builds a font file of the given tables, sorted by tag, each
// aligned on four bytes, with its directory and checksums.
func writeTables(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := 16 << entrySelector
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-searchRange))
	for i, tag := range tags {
		data := tables[tag]
		e := out[12+16*i:]
		copy(e, tag)
		binary.BigEndian.PutUint32(e[4:], checksum(data))
		binary.BigEndian.PutUint32(e[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(e[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// tableOffset returns where a table of a font written by writeTables
// begins.
func tableOffset(font []byte, tag string) int {
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		e := font[12+16*i:]
		if string(e[:4]) == tag {
			return int(binary.BigEndian.Uint32(e[8:]))
		}
	}
	return -1
}

// checksum is the TrueType checksum: the sum of the data as big-endian
// 32-bit words, the last one padded with zeros.
func checksum(data []byte) uint32 {
	var sum uint32
	for i := 0; i < len(data); i += 4 {
		var w [4]byte
		copy(w[:], data[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
