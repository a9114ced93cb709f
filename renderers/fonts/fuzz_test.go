package fonts

import (
	"strings"
	"testing"
)

// FuzzCmapRanges reads cmap tables, which come from font files the user
// names (--font, ARGMAP_FONTS) or finds on the system: any bytes give a
// sorted set of characters or an error, never a panic.
func FuzzCmapRanges(f *testing.F) {
	tables, err := tableDirectory(strings.NewReader(string(regularTTF)), 0)
	if err != nil {
		f.Fatal(err)
	}
	cm := tables["cmap"]
	f.Add(regularTTF[cm[0] : cm[0]+cm[1]])
	f.Add([]byte{0, 0, 0, 1, 0, 3, 0, 10, 0, 0, 0, 12, 0, 12, 0, 0, 0, 0, 0, 28, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0x4e, 0, 0, 0, 0x4e, 0x10, 0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := cmapRanges(data)
		if err != nil {
			return
		}
		for i, r := range rs {
			if r[0] > r[1] || r[1] > 0x10ffff || (i > 0 && r[0] <= rs[i-1][1]+1) {
				t.Fatalf("range %d %v of %v", i, r, rs)
			}
		}
	})
}

// FuzzParseCharset reads fontconfig's character sets.
func FuzzParseCharset(f *testing.F) {
	f.Add("20-7e a0-2e9 4e00")
	f.Add("ffffffff-1")
	f.Fuzz(func(t *testing.T, s string) {
		rs, err := parseCharset(s)
		if err != nil {
			return
		}
		for i, r := range rs {
			if r[0] > r[1] || r[1] > 0x10ffff || (i > 0 && r[0] <= rs[i-1][1]+1) {
				t.Fatalf("range %d %v of %v", i, r, rs)
			}
		}
	})
}
