package drawing

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// testdata/notes.json is Graphviz's json output for
// renderers/dot/testdata/notes.dot: a map with notes and a list of
// sources, two of whose addresses are links (HREF cells) and one, a
// javascript: address, is not.

func TestLinks(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "notes.json"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var linked []string
	for _, sh := range d.Shapes {
		if sh.Link == "" {
			continue
		}
		if sh.Kind != Text {
			t.Errorf("a %v has a link", sh.Kind)
		}
		if sh.Text != sh.Link {
			t.Errorf("text %q links to %q", sh.Text, sh.Link)
		}
		linked = append(linked, sh.Link)
	}
	want := []string{"https://www.reuters.com/world/americas/", "https://www.un.org/en/about-us/un-charter/chapter-7"}
	if !slices.Equal(linked, want) {
		t.Errorf("links %q, want %q", linked, want)
	}
}

func TestLinkCells(t *testing.T) {
	text := func(s ...string) []Shape {
		var shapes []Shape
		for _, t := range s {
			shapes = append(shapes, Shape{Kind: Text, Text: t}, Shape{Kind: Polygon})
		}
		return shapes
	}
	const label = `<TABLE><TR><TD><FONT>[1]</FONT></TD><TD><FONT>Reuters, </FONT><FONT><B>2025</B></FONT></TD></TR>` +
		`<TR><TD> </TD><TD HREF="https://a.example/x?b=1&amp;c=2" TITLE="t"><FONT>https://a.example/</FONT></TD></TR>` +
		`<TR><TD> </TD><TD HREF="https://a.example/x?b=1&amp;c=2"><FONT>x?b=1&amp;c=2</FONT></TD></TR>` +
		`<TR><TD><TABLE><TR><TD>&lt;nested&gt;</TD></TR></TABLE></TD><TD href="https://b.example">B</TD></TR></TABLE>`
	links := func(shapes []Shape) []string {
		link(shapes, label)
		var out []string
		for _, sh := range shapes {
			out = append(out, sh.Link)
		}
		return out
	}
	tests := []struct {
		name   string
		shapes []Shape
		want   []string // the link of each text
	}{
		// Graphviz drew a text for a cell of white space, or none; it
		// split a run of two fonts in two.
		{"as drawn", text("[1]", "Reuters, ", "2025", " ", "https://a.example/", "x?b=1&c=2", "<nested>", "B"),
			[]string{"", "", "", "", "", "", "", "", "https://a.example/x?b=1&c=2", "", "https://a.example/x?b=1&c=2", "", "", "", "https://b.example", ""}},
		{"no texts for spaces", text("[1]", "Reuters, 2025", "https://a.example/", "x?b=1&c=2", "<nested>", "B"),
			[]string{"", "", "", "", "https://a.example/x?b=1&c=2", "", "https://a.example/x?b=1&c=2", "", "", "", "https://b.example", ""}},
		// Texts that do not follow the cells: no links at all.
		{"another text", text("[1]", "Reuters, 2025", "https://a.example/", "y", "<nested>", "B"), make([]string, 12)},
		{"a text missing", text("[1]", "Reuters, 2025", "https://a.example/"), make([]string, 6)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := links(tt.shapes); !slices.Equal(got, tt.want) {
				t.Errorf("links\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
	// A label without links changes nothing.
	shapes := text("a", "b")
	link(shapes, "<TABLE><TR><TD>a</TD><TD>b</TD></TR></TABLE>")
	for _, sh := range shapes {
		if sh.Link != "" {
			t.Error("a label without links linked a text")
		}
	}
}
