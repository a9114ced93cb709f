package fonts

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options say where fallback faces come from, for the characters DejaVu
// Sans lacks.
type Options struct {
	// Files are font files (TrueType or OpenType, or collections of them)
	// to take characters from first, in this order: the --font flag and
	// the ARGMAP_FONTS variable.
	Files []string
	// System takes the characters that no other face has from the
	// system's fonts: fontconfig's (fc-match) where it is installed, else
	// those in the platform's font directories (see FontDirs).
	System bool
}

// FilesFromEnv splits the value of ARGMAP_FONTS, a list of font files
// separated as the platform separates PATH (":", or ";" on Windows).
func FilesFromEnv(value string) []string {
	var out []string
	for _, f := range filepath.SplitList(value) {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// CheckFile reports whether path is a font file that a fallback face can
// come from: a TrueType or OpenType font, or a collection of them.
func CheckFile(path string) error {
	_, err := numFonts(path)
	return err
}

// fallback is the list of fallback faces, looked up when first needed,
// and the face chosen for each character.
type fallback struct {
	opts Options

	mu     sync.Mutex
	listed [2]bool           // regular, bold: candidates listed
	cands  [2][]*candidate   // in order of preference
	chosen [2]map[rune]*Face // nil for a character no face has
	errs   []string          // files that could not be read, for the warning
}

// candidate is a font that may be a fallback face.
type candidate struct {
	path    string
	index   int
	cover   ranges // the characters it has; nil: not known before it is read
	face    *Face  // once read
	failed  bool   // could not be read: skipped
	fromEnv bool   // named by the user
}

func newFallback(opts Options) *fallback {
	return &fallback{opts: opts, chosen: [2]map[rune]*Face{{}, {}}}
}

// face returns the fallback face for r, or nil if no face has it.
func (fb *fallback) face(r rune, bold bool) *Face {
	k := 0
	if bold {
		k = 1
	}
	fb.mu.Lock()
	defer fb.mu.Unlock()
	if f, ok := fb.chosen[k][r]; ok {
		return f
	}
	if !fb.listed[k] {
		fb.cands[k] = fb.list(bold)
		fb.listed[k] = true
	}
	var found *Face
	for _, c := range fb.cands[k] {
		if c.failed || (c.cover != nil && !c.cover.has(r)) {
			continue
		}
		if c.face == nil {
			f, err := readFace(c.path, c.index)
			if err != nil {
				c.failed = true
				if c.fromEnv {
					fb.errs = append(fb.errs, err.Error())
				}
				continue
			}
			c.face = f
		}
		if c.face.Has(r) {
			found = c.face
			break
		}
	}
	fb.chosen[k][r] = found
	return found
}

// readErrors returns the errors of reading the fonts the user named.
func (fb *fallback) readErrors() []string {
	fb.mu.Lock()
	defer fb.mu.Unlock()
	return slices.Clone(fb.errs)
}

// list returns the candidates, in order: the user's files, then the
// system's fonts.
func (fb *fallback) list(bold bool) []*candidate {
	var out []*candidate
	for _, path := range fb.opts.Files {
		n, err := numFonts(path)
		if err != nil {
			out = append(out, &candidate{path: path, failed: true})
			fb.errs = append(fb.errs, err.Error())
			continue
		}
		for i := range n {
			out = append(out, &candidate{path: path, index: i, fromEnv: true})
		}
	}
	if !fb.opts.System {
		return out
	}
	sys, err := fontconfig(bold)
	if err != nil {
		sys = scanDirs(FontDirs(), bold)
	}
	return append(out, sys...)
}

// readFace reads a face of a font file.
func readFace(path string, index int) (*Face, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	f, err := newFace("", data, index, false)
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", err, path)
	}
	f.Path = path
	f.Bold = weight(data, index) >= 600
	return f, nil
}

// fontconfigTimeout bounds fc-match, which may build its cache the first
// time it runs.
const fontconfigTimeout = 20 * time.Second

// fontconfig lists the system's fonts as fontconfig would fall back on
// them for sans-serif text (bold, or regular): fc-match -s, which sorts
// every font by its closeness to the pattern and leaves out those that add
// no character to the ones before them. Italic and oblique faces are left
// out, and so are formats other than TrueType and CFF-based OpenType
// (bitmap and Type 1 fonts).
func fontconfig(bold bool) ([]*candidate, error) {
	fc, err := exec.LookPath("fc-match")
	if err != nil {
		return nil, err
	}
	pattern := "sans-serif:slant=0"
	if bold {
		pattern += ":weight=bold"
	}
	ctx, cancel := context.WithTimeout(context.Background(), fontconfigTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, fc, "-s", "--format", `%{file}\t%{index}\t%{fontformat}\t%{slant}\t%{charset}\n`, pattern).Output()
	if err != nil {
		return nil, fmt.Errorf("fonts: fc-match: %w", err)
	}
	return parseFontconfig(out), nil
}

// parseFontconfig reads fc-match's lines of file, index, format, slant and
// character set.
func parseFontconfig(out []byte) []*candidate {
	var cands []*candidate
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 5 || f[0] == "" {
			continue
		}
		index, err := strconv.Atoi(f[1])
		if err != nil || index < 0 || index > 0xffff {
			continue
		}
		if f[2] != "TrueType" && f[2] != "CFF" {
			continue
		}
		if slant, err := strconv.Atoi(f[3]); err != nil || slant != 0 {
			continue
		}
		cover, err := parseCharset(f[4])
		if err != nil || cover == nil {
			continue
		}
		cands = append(cands, &candidate{path: f[0], index: index, cover: cover})
	}
	return cands
}

// parseCharset reads fontconfig's character set: hexadecimal code points
// and ranges of them, "20-7e a0 ...".
func parseCharset(s string) (ranges, error) {
	var out ranges
	for _, f := range strings.Fields(s) {
		lo, hi, ok := strings.Cut(f, "-")
		if !ok {
			hi = lo
		}
		a, err1 := strconv.ParseUint(lo, 16, 32)
		b, err2 := strconv.ParseUint(hi, 16, 32)
		if err1 != nil || err2 != nil || a > b || b > 0x10ffff {
			return nil, fmt.Errorf("fonts: bad character range %q", f)
		}
		out = append(out, [2]rune{rune(a), rune(b)})
	}
	out.normalize()
	return out, nil
}

// FontDirs returns the platform's font directories, for a system without
// fontconfig: the user's first, then the system's.
func FontDirs() []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	switch runtime.GOOS {
	case "windows":
		if local := os.Getenv("LOCALAPPDATA"); local != "" {
			dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
		}
		dirs = append(dirs, filepath.Join(cmp.Or(os.Getenv("WINDIR"), `C:\Windows`), "Fonts"))
	case "darwin", "ios":
		if home != "" {
			dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		}
		dirs = append(dirs, "/Library/Fonts", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental")
	default:
		if data := os.Getenv("XDG_DATA_HOME"); data != "" {
			dirs = append(dirs, filepath.Join(data, "fonts"))
		} else if home != "" {
			dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"))
		}
		if home != "" {
			dirs = append(dirs, filepath.Join(home, ".fonts"))
		}
		dirs = append(dirs, "/usr/local/share/fonts", "/usr/share/fonts")
	}
	return dirs
}

// preferred are words in the names of font files that make good fallback
// faces for the scripts DejaVu Sans lacks, best first: a file whose name
// has one comes before the others.
var preferred = []string{"notosanscjk", "sourcehansans", "droidsansfallback", "wqy-zenhei", "wqy-microhei",
	"pingfang", "hiragino", "msyh", "yugoth", "malgun", "simsun", "msgothic", "notosans", "arialuni"}

// scanDirs lists the fonts in the directories, reading the character set
// of each from its cmap table. The order is fixed: files whose names are
// preferred first, then by directory and path; regular faces before the
// others of the same file for regular text, bold ones for bold text;
// italic and oblique files last.
func scanDirs(dirs []string, bold bool) []*candidate {
	type found struct {
		c    *candidate
		rank int // lower first
		dir  int
	}
	var all []found
	seen := map[string]bool{}
	for di, dir := range dirs {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".ttf", ".otf", ".ttc", ".otc":
			default:
				return nil
			}
			if real, err := filepath.EvalSymlinks(path); err == nil {
				if seen[real] {
					return nil
				}
				seen[real] = true
			}
			faces, err := scanFile(path)
			if err != nil {
				return nil
			}
			name := strings.ToLower(filepath.Base(path))
			rank := len(preferred)
			for i, p := range preferred {
				if strings.Contains(name, p) {
					rank = i
					break
				}
			}
			rank *= 4
			if strings.Contains(name, "italic") || strings.Contains(name, "oblique") {
				rank += 3
			}
			for _, f := range faces {
				r := rank
				if (f.weight >= 600) != bold {
					r++
				}
				all = append(all, found{&candidate{path: path, index: f.index, cover: f.cover}, r, di})
			}
			return nil
		})
	}
	slices.SortStableFunc(all, func(a, b found) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.dir, b.dir), cmp.Compare(a.c.path, b.c.path), cmp.Compare(a.c.index, b.c.index))
	})
	out := make([]*candidate, len(all))
	for i, f := range all {
		out[i] = f.c
	}
	return out
}

// scanned is what scanFile reads of a face.
type scanned struct {
	index  int
	weight int
	cover  ranges
}

// scanFile reads the character set and weight of each face of a font file,
// reading only its table directories, cmap and OS/2 tables.
func scanFile(path string) ([]scanned, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	offsets, err := fontOffsets(f)
	if err != nil {
		return nil, err
	}
	var out []scanned
	for i, off := range offsets {
		tables, err := tableDirectory(f, off)
		if err != nil {
			continue
		}
		cm, ok := tables["cmap"]
		if !ok || cm[1] > 16<<20 {
			continue
		}
		data := make([]byte, cm[1])
		if _, err := f.ReadAt(data, int64(cm[0])); err != nil {
			continue
		}
		cover, err := cmapRanges(data)
		if err != nil || len(cover) == 0 {
			continue
		}
		w := 400
		if os2, ok := tables["OS/2"]; ok && os2[1] >= 6 {
			var b [2]byte
			if _, err := f.ReadAt(b[:], int64(os2[0])+4); err == nil {
				w = int(binary.BigEndian.Uint16(b[:]))
			}
		}
		out = append(out, scanned{index: i, weight: w, cover: cover})
	}
	return out, nil
}

// numFonts returns the number of faces in a font file: 1, or the number
// in a collection.
func numFonts(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("fonts: %w", err)
	}
	defer f.Close()
	offsets, err := fontOffsets(f)
	if err != nil {
		return 0, fmt.Errorf("fonts: %s: %w", path, err)
	}
	return len(offsets), nil
}

// fontOffsets returns where the table directory of each face of a font
// file begins.
func fontOffsets(r io.ReaderAt) ([]uint32, error) {
	var h [12]byte
	if _, err := r.ReadAt(h[:], 0); err != nil {
		return nil, errors.New("not a font file: too short")
	}
	switch tag := string(h[:4]); tag {
	case "\x00\x01\x00\x00", "OTTO", "true":
		return []uint32{0}, nil
	case "ttcf":
		n := binary.BigEndian.Uint32(h[8:])
		if n == 0 || n > 1024 {
			return nil, fmt.Errorf("a collection of %d fonts", n)
		}
		b := make([]byte, 4*n)
		if _, err := r.ReadAt(b, 12); err != nil {
			return nil, errors.New("collection header too short")
		}
		out := make([]uint32, n)
		for i := range out {
			out[i] = binary.BigEndian.Uint32(b[4*i:])
		}
		return out, nil
	default:
		return nil, fmt.Errorf("not a TrueType or OpenType font (%q)", tag)
	}
}

// tableDirectory reads a face's table directory: each table's offset and
// length.
func tableDirectory(r io.ReaderAt, off uint32) (map[string][2]uint32, error) {
	var h [12]byte
	if _, err := r.ReadAt(h[:], int64(off)); err != nil {
		return nil, err
	}
	n := int(binary.BigEndian.Uint16(h[4:]))
	b := make([]byte, 16*n)
	if _, err := r.ReadAt(b, int64(off)+12); err != nil {
		return nil, err
	}
	out := make(map[string][2]uint32, n)
	for i := range n {
		e := b[16*i:]
		out[string(e[:4])] = [2]uint32{binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])}
	}
	return out, nil
}

// isCFF reports whether a face of a font file has PostScript (CFF)
// outlines.
func isCFF(data []byte, index int) bool {
	offs, err := fontOffsets(bytes.NewReader(data))
	if err != nil || index >= len(offs) {
		return false
	}
	t, err := tableDirectory(bytes.NewReader(data), offs[index])
	if err != nil {
		return false
	}
	_, cff := t["CFF "]
	_, cff2 := t["CFF2"]
	return cff || cff2
}

// weight returns a face's weight class (400 regular, 700 bold) from its
// OS/2 table; 400 if it has none.
func weight(data []byte, index int) int {
	offs, err := fontOffsets(bytes.NewReader(data))
	if err != nil || index >= len(offs) {
		return 400
	}
	t, err := tableDirectory(bytes.NewReader(data), offs[index])
	if err != nil {
		return 400
	}
	os2, ok := t["OS/2"]
	if !ok || os2[1] < 6 || int(os2[0])+6 > len(data) {
		return 400
	}
	return int(binary.BigEndian.Uint16(data[os2[0]+4:]))
}

// postScriptName keeps the characters a PDF name may hold without escapes.
func postScriptName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7f && !strings.ContainsRune("()<>[]{}/%#", r) {
			b.WriteRune(r)
		}
	}
	return cmp.Or(b.String(), "Fallback")
}
