// Package page fits a drawing (package drawing) to sheets of paper: the
// page sizes argmap render knows (A4, Letter, A5, ..., or any width and
// height with a unit), the orientation and margins, the scale at which a
// drawing goes on the page, and where a drawing taller than a page is cut
// into pages: between rows of boxes, never through a box or a line of text
// where that can be avoided.
//
// Lengths are in points (1/72 inch), as in package drawing. This package
// draws nothing: packages pdf, png and svg place the drawing as a Layout
// says.
package page

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Size is a sheet of paper, in points, as it is named: the ISO and US
// sizes are portrait (taller than wide).
type Size struct {
	Name          string // "A4", or the size as given: "210x297mm"
	Width, Height float64
}

// Sizes are the named page sizes, the default first.
func Sizes() []Size {
	return []Size{
		{"A4", mm(210), mm(297)},
		{"Letter", 8.5 * 72, 11 * 72},
		{"A5", mm(148), mm(210)},
		{"A3", mm(297), mm(420)},
		{"Legal", 8.5 * 72, 14 * 72},
	}
}

func mm(v float64) float64 { return v * 72 / 25.4 }

// Units are the units of lengths, by name, in points.
var units = map[string]float64{"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72, "pt": 1}

// Bounds of a page's side, in points: an inch, and 200 inches (the largest
// page PDF viewers are required to show).
const (
	MinSide = 72.0
	MaxSide = 14400.0
)

var sizePattern = regexp.MustCompile(`^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(mm|cm|in|pt)?[x×*]([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(mm|cm|in|pt)$`)

// noUnit is a size written without its unit.
var noUnit = regexp.MustCompile(`^[0-9.]+[x×*][0-9.]+$`)

// sizeHelp is how to write a size, for errors.
const sizeHelp = "a4, letter, a5, a3, legal, or WIDTHxHEIGHT with a unit: 210x297mm, 8.5x11in, 595x842pt"

// ParseSize reads a page size: a name of Sizes (in any case), or a width
// and height with a unit of mm, cm, in or pt, such as "210x297mm",
// "8.5x11in" or "595x842pt" (case and spaces do not matter; the width may
// have its own unit, "8.5inx297mm"). Each side must be 1 to 200 inches.
func ParseSize(s string) (Size, error) {
	norm := strings.ToLower(strings.Join(strings.Fields(s), ""))
	for _, sz := range Sizes() {
		if norm == strings.ToLower(sz.Name) {
			return sz, nil
		}
	}
	m := sizePattern.FindStringSubmatch(norm)
	if m == nil {
		if noUnit.MatchString(norm) {
			return Size{}, fmt.Errorf("page size %q has no unit: write %smm, %sin or %spt", s, norm, norm, norm)
		}
		return Size{}, fmt.Errorf("unknown page size %q: use %s", s, sizeHelp)
	}
	wUnit := m[2]
	if wUnit == "" {
		wUnit = m[4]
	}
	w, errW := strconv.ParseFloat(m[1], 64)
	h, errH := strconv.ParseFloat(m[3], 64)
	if errW != nil || errH != nil {
		return Size{}, fmt.Errorf("unknown page size %q: use %s", s, sizeHelp)
	}
	w *= units[wUnit]
	h *= units[m[4]]
	for _, side := range []float64{w, h} {
		if side < MinSide-1e-9 || side > MaxSide+1e-9 {
			return Size{}, fmt.Errorf("page size %q is out of range: each side must be 1 to 200 inches (25.4 to 5080 mm)", s)
		}
	}
	return Size{Name: norm, Width: w, Height: h}, nil
}

// ParseLength reads a length with a unit of mm, cm, in or pt, such as
// "15mm" or "0.5in", in points. Zero may be written without a unit.
func ParseLength(s string) (float64, error) {
	norm := strings.ToLower(strings.Join(strings.Fields(s), ""))
	if norm == "0" {
		return 0, nil
	}
	for name, unit := range units {
		if num, ok := strings.CutSuffix(norm, name); ok {
			v, err := strconv.ParseFloat(num, 64)
			if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) || strings.ContainsAny(num, "eE+-_xXpP") {
				break
			}
			return v * unit, nil
		}
	}
	return 0, fmt.Errorf("bad length %q: use a number with a unit, such as 15mm, 1.5cm, 0.5in or 36pt", s)
}

// Fit is how a drawing is fitted to the page.
type Fit int

const (
	// FitWidth scales the drawing to the width between the margins; a
	// drawing taller than the page goes on to more pages.
	FitWidth Fit = iota
	// FitPage scales the drawing to fit between the margins of one page.
	FitPage
)

// Fits are the names of the fits, the default first.
func Fits() []string { return []string{"width", "page"} }

func (f Fit) String() string { return Fits()[f] }

// Spec is the page a drawing is fitted to.
type Spec struct {
	Size Size
	// Orientation is "portrait" or "landscape", which turns the page if
	// it is the other way, or "" for the page as Size is: portrait for a
	// named size, as given for a width and height.
	Orientation string
	Fit         Fit
	// Margin is the space left blank at each edge of the page, in points.
	Margin float64
	// MinText is the size, in points, below which no text may be scaled.
	MinText float64
}

// DefaultMargin is the margin of a page unless told otherwise: 15 mm.
var DefaultMargin = mm(15)

// DefaultMinText is the smallest text size allowed unless told otherwise,
// in points.
const DefaultMinText = 7.0

// Page is the page's width and height, in its orientation.
func (s Spec) Page() (w, h float64) {
	w, h = s.Size.Width, s.Size.Height
	if s.Orientation == "landscape" && w < h || s.Orientation == "portrait" && w > h {
		w, h = h, w
	}
	return w, h
}

// Text is the width and height between the margins.
func (s Spec) Text() (w, h float64) {
	w, h = s.Page()
	return w - 2*s.Margin, h - 2*s.Margin
}

// Check reports a spec whose margins leave too little of the page: less
// than an inch either way.
func (s Spec) Check() error {
	w, h := s.Text()
	if w < 72-1e-9 || h < 72-1e-9 {
		pw, ph := s.Page()
		return fmt.Errorf("a margin of %s leaves %s × %s of a %s × %s page: leave at least an inch (25.4 mm) each way",
			Millimetres(s.Margin), Millimetres(w), Millimetres(h), Millimetres(pw), Millimetres(ph))
	}
	if s.MinText <= 0 {
		return fmt.Errorf("the smallest text size must be more than 0 points")
	}
	return nil
}

// Describe names the page for messages: "A4 portrait", "210x297mm
// landscape".
func (s Spec) Describe() string {
	w, h := s.Page()
	o := "portrait"
	if w > h {
		o = "landscape"
	}
	return s.Size.Name + " " + o
}

// Millimetres writes a length of points in millimetres, for messages:
// "180 mm".
func Millimetres(pt float64) string {
	return strconv.FormatFloat(math.Round(pt*25.4/72*10)/10, 'f', -1, 64) + " mm"
}

// Scale is the scale at which a drawing of content w × h points goes on
// the page: to the width between the margins (and, with FitPage, to the
// height), never enlarged.
func (s Spec) Scale(w, h float64) float64 {
	tw, th := s.Text()
	scale := 1.0
	if w > 0 {
		scale = min(scale, tw/w)
	}
	if s.Fit == FitPage && h > 0 {
		scale = min(scale, th/h)
	}
	return scale
}

// Orientations are the names of the orientations, the default first.
func Orientations() []string { return []string{"portrait", "landscape"} }

// SizeNames lists the named page sizes in lower case, as the command line
// takes them.
func SizeNames() []string {
	var ns []string
	for _, s := range Sizes() {
		ns = append(ns, strings.ToLower(s.Name))
	}
	return ns
}
