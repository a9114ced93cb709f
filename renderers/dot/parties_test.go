package dot

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/renderers/fonts"
)

// clusters returns the arguments of each cluster of a DOT graph, and the
// text of its title, in the order of the clusters.
func clusters(t *testing.T, out string) (members [][]string, titles []string) {
	t.Helper()
	node := regexp.MustCompile(`(?m)^\t\t"([^"]+)" \[`)
	for _, part := range strings.Split(out, "\tsubgraph cluster_")[1:] {
		body, _, _ := strings.Cut(part, "\n\t}\n")
		var ids []string
		for _, m := range node.FindAllStringSubmatch(body, -1) {
			ids = append(ids, m[1])
		}
		members = append(members, ids)
		label := body[strings.Index(body, "label=<"):]
		titles = append(titles, labelText(label[:strings.Index(label, "]\n")]))
	}
	return members, titles
}

// labelText is the text of an HTML-like label, label=<...>, without its
// markup.
func labelText(label string) string {
	label = strings.TrimSpace(label)
	label = strings.TrimSuffix(strings.TrimSuffix(label, "]"), ">")
	_, label, _ = strings.Cut(label, "label=<")
	return unescape(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(label, ""))
}

// boxText is the text of an argument's box.
func boxText(t *testing.T, out, id string) string {
	t.Helper()
	line := nodeLine(t, out, id)
	return labelText(line[strings.Index(line, "label=<"):])
}

// legendText is the text of the graph's label: its title and legend.
func legendText(t *testing.T, out string) string {
	t.Helper()
	return labelText(graphLine(t, out))
}

// TestPartyMarks checks the marks: given out by first appearance, to each
// party of a coalition, beside the party's name in the box and in the
// legend; none for a map of fewer than two parties, or when left out.
func TestPartyMarks(t *testing.T) {
	m := load(t, filepath.Join("testdata", "parties.toml"))
	out := write(t, m, Options{})
	for id, want := range map[string]string{
		"strike":      "CLAIM ■ United States + ▲ United Kingdom",
		"allies":      "TESTIMONY▲ United Kingdom + ■ United States", // on a line of its own, as written
		"attack":      "EVIDENCE ■ United States",
		"sovereignty": "LAW◆ Government of the United Mexican States", // too long for the kind's line
		"court":       "PRECEDENT ▼ International Court of Justice",
		"untagged":    "ARGUMENTAn argument",
	} {
		if got := boxText(t, out, id); !strings.HasPrefix(got, want) {
			t.Errorf("box %s reads %q, want it to start %q", id, got, want)
		}
	}
	legend := legendText(t, out)
	if want := "parties:■United States▲United Kingdom◆Government of the United Mexican States▼International Court of Justice"; !strings.Contains(legend, want) {
		t.Errorf("legend %q lacks %q", legend, want)
	}
	// The colours: the light theme's first four, the party's in the box.
	for _, c := range []string{"#0072b2", "#d55e00", "#009e73", "#cc79a7"} {
		if !strings.Contains(graphLine(t, out), `COLOR="`+c+`">`) {
			t.Errorf("no mark in %s in the legend", c)
		}
	}
	if line := nodeLine(t, out, "court"); !strings.Contains(line, `<FONT POINT-SIZE="9" COLOR="#cc79a7">▼ </FONT>`) {
		t.Errorf("court's mark is not ▼ in #cc79a7: %s", line)
	}
	// Print: shapes in black.
	print := write(t, m, Options{Theme: "print"})
	if !strings.Contains(nodeLine(t, print, "court"), `COLOR="#000000">▼ </FONT>`) || strings.Contains(print, "#cc79a7") {
		t.Error("the print theme's marks are not black")
	}

	// Left out: the name after a dot, as before, and no legend entries.
	none := write(t, m, Options{NoPartyMarks: true})
	if got := boxText(t, none, "attack"); !strings.HasPrefix(got, "EVIDENCE · United States") {
		t.Errorf("without marks, attack reads %q", got)
	}
	if got := boxText(t, none, "sovereignty"); !strings.HasPrefix(got, "LAWGovernment of the United Mexican States") {
		t.Errorf("without marks, sovereignty reads %q", got)
	}
	if strings.Contains(none, "parties:") || strings.ContainsAny(none, strings.Join(markShapes, "")) {
		t.Error("marks or a party legend with NoPartyMarks")
	}

	// One party, or none: nothing to tell apart.
	for _, src := range []string{
		"[arguments.a]\nclaim = \"A.\"\nparty = \"Mexico\"\n[arguments.b]\nclaim = \"B.\"\nparty = [\"mexico\"]\nattacks = [\"a\"]\n",
		"[arguments.a]\nclaim = \"A.\"\n[arguments.b]\nclaim = \"B.\"\nattacks = [\"a\"]\n",
	} {
		out := write(t, loadString(t, src), Options{})
		if strings.Contains(out, "parties:") || strings.ContainsAny(out, strings.Join(markShapes, "")) {
			t.Errorf("marks for a map of one party or none:\n%s", src)
		}
	}
}

// TestMarksAssigned checks that marks are given out by first appearance,
// whatever the parties are called, and repeat only after 84 (12 in print).
func TestMarksAssigned(t *testing.T) {
	var b strings.Builder
	const n = 90
	for i := range n {
		fmt.Fprintf(&b, "[arguments.a%d]\nclaim = \"A.\"\nparty = \"%c party %d\"\n", i, 'Z'-i%26, i)
		if i > 0 {
			fmt.Fprintf(&b, "attacks = [\"a%d\"]\n", i-1)
		}
	}
	m := loadString(t, b.String())
	for _, theme := range Themes() {
		out := write(t, m, Options{Theme: theme})
		w := &writer{m: m, theme: newTheme(theme), parties: partiesOf(m)}
		distinct := map[partyMark]int{}
		for i := range n {
			mk := w.mark(fmt.Sprintf("%c party %d", 'Z'-i%26, i))
			if want := markShapes[i%len(markShapes)]; mk.shape != want {
				t.Errorf("%s: party %d has %s, want %s", theme, i, mk.shape, want)
			}
			if j, seen := distinct[mk]; seen && i-j < min(84, len(markShapes)*len(w.theme.parties)) {
				t.Errorf("%s: parties %d and %d share a mark", theme, j, i)
			}
			distinct[mk] = i
			if !strings.Contains(nodeLine(t, out, fmt.Sprintf("a%d", i)), `COLOR="`+mk.color+`">`+mk.shape+` </FONT>`) {
				t.Errorf("%s: a%d lacks its mark %v", theme, i, mk)
			}
		}
	}
}

// TestGroupByParty checks the frames by party: one per party and per
// coalition (however it is written), titled with the marks and names, the
// party named in no box inside, and the frame in the party's colour.
func TestGroupByParty(t *testing.T) {
	m := load(t, filepath.Join("testdata", "parties.toml"))
	for _, opts := range []Options{{GroupBy: "party"}, {GroupBy: "party", NoPartyMarks: true}, {GroupBy: "party", Theme: "print"}} {
		out := write(t, m, opts)
		members, titles := clusters(t, out)
		wantMembers := [][]string{{"strike", "allies"}, {"attack"}, {"sovereignty", "consent"}, {"court"}}
		wantTitles := []string{"■ United States + ▲ United Kingdom", "■ United States", "◆ Government of the United Mexican States", "▼ International Court of Justice"}
		if opts.NoPartyMarks {
			wantTitles = []string{"United States + United Kingdom", "United States", "Government of the United Mexican States", "International Court of Justice"}
		}
		if !slices.EqualFunc(members, wantMembers, slices.Equal) || !slices.Equal(titles, wantTitles) {
			t.Errorf("%+v: clusters %q titled %q, want %q titled %q", opts, members, titles, wantMembers, wantTitles)
		}
		for _, a := range m.Arguments {
			box := boxText(t, out, a.ID)
			for _, p := range []string{"United", "Government", "Court"} {
				if strings.Contains(box, p) && !strings.Contains(a.Claim, p) {
					t.Errorf("%+v: box %s repeats its party: %q", opts, a.ID, box)
				}
			}
		}
	}
	out := write(t, m, Options{GroupBy: "party"})
	for n, color := range map[int]string{1: "#b0b4ba", 2: "#0072b2", 3: "#009e73"} {
		if !strings.Contains(out, fmt.Sprintf(`id="argmap.group.%d" class="group" style="rounded,filled" color="%s"`, n, color)) {
			t.Errorf("frame %d is not in %s", n, color)
		}
	}
	// Without clusters (a map laid out at given places), boxes keep their
	// party.
	places := map[string]Place{}
	for _, a := range m.Arguments {
		places[a.ID] = Place{}
	}
	if box := boxText(t, write(t, m, Options{GroupBy: "party", Places: places}), "attack"); !strings.Contains(box, "United States") {
		t.Errorf("without frames, attack reads %q", box)
	}
}

// TestGroupByTag checks the frames by tag: by the first tag, or the first
// of a family; tags that differ in case are one; an argument without one is
// in no frame.
func TestGroupByTag(t *testing.T) {
	m := load(t, filepath.Join("testdata", "parties.toml"))
	tests := []struct {
		groupBy string
		members [][]string
		titles  []string
		several []string
	}{
		{"tag", [][]string{{"strike", "court"}, {"attack"}, {"sovereignty"}, {"consent"}},
			[]string{"legal basis: self-defence", "issue: armed attack", "issue: sovereignty", "legal basis: consent"},
			[]string{"strike", "sovereignty", "consent"}},
		{"tag:legal basis", [][]string{{"strike", "court"}, {"sovereignty"}, {"consent"}},
			[]string{"legal basis: self-defence", "legal basis: non-intervention", "legal basis: consent"},
			[]string{"consent"}},
		{"tag: Issue ", [][]string{{"strike", "attack"}, {"sovereignty"}},
			[]string{"issue: armed attack", "issue: sovereignty"}, nil},
		{"tag:none", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.groupBy, func(t *testing.T) {
			members, titles := clusters(t, write(t, m, Options{GroupBy: tt.groupBy}))
			if !slices.EqualFunc(members, tt.members, slices.Equal) || !slices.Equal(titles, tt.titles) {
				t.Errorf("clusters %q titled %q, want %q titled %q", members, titles, tt.members, tt.titles)
			}
			if got := SeveralGroups(m, tt.groupBy); !slices.Equal(got, tt.several) {
				t.Errorf("SeveralGroups = %q, want %q", got, tt.several)
			}
		})
	}
	if got := TagFamilies(m); !slices.Equal(got, []string{"legal basis", "issue"}) {
		t.Errorf("TagFamilies = %q", got)
	}
	for g, want := range map[string]bool{"": true, "party": true, "tag": true, "tag:legal basis": true, "tag:x": true,
		"tag:": false, "tag: ": false, "tags": false, "colour": false, "Party": false} {
		if ValidGrouping(g) != want {
			t.Errorf("ValidGrouping(%q) = %v", g, !want)
		}
	}
	var b bytes.Buffer
	if err := Write(&b, m, Options{GroupBy: "tag:"}); err == nil || !strings.Contains(err.Error(), "tag:FAMILY") {
		t.Errorf("tag: is not an error: %v", err)
	}
}

// TestPartyNeverBreaksInWords sets random party names, coalitions too, in
// box headers and frame titles, and checks against what a header must be:
// every word of a name whole on one line; a name that fits in a line on
// one line; the header one line when kind and party fit in one.
func TestPartyNeverBreaksInWords(t *testing.T) {
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	meas := measurer{fs}
	words := []string{"US", "Government", "of", "the", "United", "Mexican", "States", "(reconstructed)", "Sarukhán,", "former",
		"ambassador", "Bundesverfassungsgericht", "Internationaler", "Strafgerichtshof", "—", "Organisation", "for", "Security",
		"Co-operation", "in", "Europe", strings.Repeat("Überlänge", 6)}
	rng := rand.New(rand.NewPCG(1, 14))
	for i := range 2000 {
		var names []string
		for range 1 + rng.IntN(3) {
			var ws []string
			for range 1 + rng.IntN(8) {
				ws = append(ws, words[rng.IntN(len(words))])
			}
			names = append(names, strings.Join(ws, " "))
		}
		w := &writer{meas: meas, theme: newTheme("light"), marked: i%2 == 0, parties: &parties{index: map[string]int{}}}
		for j, n := range names {
			w.parties.index[fold(n)] = j
		}
		detail := style{size: detailSize, color: "#5f6368"}
		lead := []run{{text: "TESTIMONY", style: style{size: detailSize, bold: true, color: "#b35900"}}}
		if i%3 == 0 {
			lead = append([]run{{text: "UNDECIDED", style: style{size: detailSize, bold: true, color: "#b26b00"}}}, lead...)
		}
		sep := run{text: "·", style: detail}
		if w.marked {
			sep = run{}
		}
		party := w.partyRuns(names, detail)
		lines, width := meas.header(lead, party, sep, detailWidth)
		texts := make([]string, len(lines))
		for k, l := range lines {
			for _, r := range l {
				texts[k] += r.text
			}
			texts[k] = strings.TrimSpace(texts[k])
		}
		all := strings.Join(texts, " ")
		for _, n := range names {
			for _, word := range strings.Fields(n) {
				if !slices.ContainsFunc(texts, func(line string) bool { return slices.Contains(strings.Fields(line), word) }) {
					t.Fatalf("%q: the word %q is broken: %q", names, word, texts)
				}
			}
		}
		// A name that fits in a line, with its mark before it and the "+"
		// after it, is on one line.
		for j, n := range names {
			width := meas.width(n, detail)
			if w.marked {
				ms := style{size: detailSize + 1}
				width += meas.graphvizWidth("■", ms) + meas.width(" ", ms)
			}
			if j < len(names)-1 {
				width += meas.width(" +", detail)
			}
			if width <= detailWidth && !slices.ContainsFunc(texts, func(line string) bool { return strings.Contains(line, n) }) {
				t.Fatalf("%q: the name %q, which fits in a line, is broken: %q", names, n, texts)
			}
		}
		for _, line := range texts {
			if strings.HasPrefix(line, "+") {
				t.Fatalf("%q: a line starts with the joiner: %q", names, texts)
			}
		}
		if !strings.Contains(all, strings.Join(names, " + ")) && !w.marked {
			t.Fatalf("%q: the parties are not all there in order: %q", names, texts)
		}
		// Graphviz places a run after non-ASCII text by its estimate, so
		// a mark after a name that is not ASCII starts a line (see fill).
		one := meas.words(slices.Concat(lead, []run{sep}, party))
		placeable := !w.marked || isASCII(strings.Join(names[:len(names)-1], ""))
		if lineWidth(one) <= detailWidth && placeable && len(lines) != 1 {
			t.Fatalf("%q: kind and party fit in a line, but take %d: %q", names, len(lines), texts)
		}
		widest := 0.0
		for _, l := range lines {
			var ws []word
			for _, r := range l {
				ws = append(ws, meas.words([]run{r})...)
			}
			widest = maxf(widest, lineWidth(ws))
		}
		if width+0.01 < widest-3 { // a run's trailing space is not counted in width
			t.Fatalf("%q: width %.2f, widest line %.2f", names, width, widest)
		}
	}
}

// TestPartyOfOneHugeWord checks the bound on what is kept whole: a "name"
// of one word wider than three lines, which no party has, is broken, so
// that a file cannot make a box as wide as its text.
func TestPartyOfOneHugeWord(t *testing.T) {
	huge := strings.Repeat("Überlänge", 400)
	src := fmt.Sprintf("[arguments.a]\nclaim = \"A.\"\nparty = %q\n[arguments.b]\nclaim = \"B.\"\nparty = \"%s\"\nattacks = [\"a\"]\n", huge[:90], huge)
	m := loadString(t, src)
	for _, opts := range []Options{{}, {GroupBy: "party"}, {NoPartyMarks: true}} {
		out := write(t, m, opts)
		for _, width := range regexp.MustCompile(`WIDTH="([0-9]+)"`).FindAllStringSubmatch(out, -1) {
			if w, _ := strconv.Atoi(width[1]); float64(w) > wholeLines*2*claimWidth+1 {
				t.Errorf("%+v: a cell %s points wide", opts, width[1])
			}
		}
		if box := boxText(t, write(t, m, Options{}), "a"); !strings.Contains(box, huge[:90]) {
			t.Errorf("a 90-byte word is broken: %q", box)
		}
	}
}
