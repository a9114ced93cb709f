package fonts

import (
	"encoding/binary"
	"errors"
	"slices"
)

// ranges is a set of characters: sorted, disjoint, inclusive ranges.
type ranges [][2]rune

// has reports whether r is in the set.
func (rs ranges) has(r rune) bool {
	i, found := slices.BinarySearchFunc(rs, r, func(x [2]rune, r rune) int {
		switch {
		case x[1] < r:
			return -1
		case x[0] > r:
			return 1
		}
		return 0
	})
	return found && i < len(rs)
}

// normalize sorts the ranges and merges those that touch.
func (rs *ranges) normalize() {
	s := *rs
	slices.SortFunc(s, func(a, b [2]rune) int { return int(a[0] - b[0]) })
	out := s[:0]
	for _, x := range s {
		if n := len(out); n > 0 && x[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], x[1])
			continue
		}
		out = append(out, x)
	}
	*rs = out
}

// cmapRanges reads the characters a font's cmap table maps to glyphs other
// than 0, from its Unicode subtable: format 12 (full Unicode) if it has
// one, else format 4 (the Basic Multilingual Plane).
func cmapRanges(cmap []byte) (ranges, error) {
	if len(cmap) < 4 {
		return nil, errors.New("cmap too short")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	best, bestRank := -1, 0
	for i := range n {
		e := 4 + 8*i
		if e+8 > len(cmap) {
			break
		}
		platform, encoding := binary.BigEndian.Uint16(cmap[e:]), binary.BigEndian.Uint16(cmap[e+2:])
		off := int(binary.BigEndian.Uint32(cmap[e+4:]))
		if off+2 > len(cmap) {
			continue
		}
		format := binary.BigEndian.Uint16(cmap[off:])
		rank := 0
		switch {
		case format == 12 && (platform == 0 || (platform == 3 && encoding == 10)):
			rank = 3
		case format == 4 && (platform == 0 || (platform == 3 && encoding == 1)):
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return nil, errors.New("no Unicode cmap subtable")
	}
	sub := cmap[best:]
	var out ranges
	switch binary.BigEndian.Uint16(sub) {
	case 12:
		if len(sub) < 16 {
			return nil, errors.New("cmap format 12 too short")
		}
		groups := int(binary.BigEndian.Uint32(sub[12:]))
		if 16+12*groups > len(sub) {
			return nil, errors.New("cmap format 12 truncated")
		}
		for g := range groups {
			p := sub[16+12*g:]
			lo, hi, gid := rune(binary.BigEndian.Uint32(p)), rune(binary.BigEndian.Uint32(p[4:])), binary.BigEndian.Uint32(p[8:])
			if lo > hi || hi > 0x10ffff {
				continue
			}
			if gid == 0 {
				lo++ // the first character maps to the missing glyph
			}
			if lo <= hi {
				out = append(out, [2]rune{lo, hi})
			}
		}
	case 4:
		if len(sub) < 14 {
			return nil, errors.New("cmap format 4 too short")
		}
		segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
		if 16+8*segs > len(sub) {
			return nil, errors.New("cmap format 4 truncated")
		}
		ends, starts := sub[14:], sub[16+2*segs:]
		deltas, rangeOffs := sub[16+4*segs:], sub[16+6*segs:]
		for s := range segs {
			end, start := rune(binary.BigEndian.Uint16(ends[2*s:])), rune(binary.BigEndian.Uint16(starts[2*s:]))
			delta, ro := binary.BigEndian.Uint16(deltas[2*s:]), int(binary.BigEndian.Uint16(rangeOffs[2*s:]))
			if start > end || start == 0xffff {
				continue
			}
			if ro == 0 {
				// Glyph = character + delta: 0 for at most one character.
				zero := rune(uint16(-delta))
				if zero >= start && zero <= end {
					if zero > start {
						out = append(out, [2]rune{start, zero - 1})
					}
					if zero < end {
						out = append(out, [2]rune{zero + 1, end})
					}
				} else {
					out = append(out, [2]rune{start, end})
				}
				continue
			}
			// Glyphs from the glyph index array, character by character.
			base := 16 + 6*segs + 2*s + ro
			for c := start; c <= end; c++ {
				p := base + 2*int(c-start)
				if p+2 > len(sub) {
					break
				}
				if binary.BigEndian.Uint16(sub[p:]) != 0 {
					out = append(out, [2]rune{c, c})
				}
			}
		}
	default:
		return nil, errors.New("unknown cmap format")
	}
	out.normalize()
	return out, nil
}
