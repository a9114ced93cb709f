package drawing

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Layout is where Graphviz put the parts of a graph, read from its json
// output: the boxes of the nodes, the splines of the edges, the frames of the
// clusters and the places of their labels. It is for measuring a layout (how
// often its arrows cross, say), not for drawing it: coordinates are
// Graphviz's, in points with y growing upwards.
type Layout struct {
	// Label is the graph's label (argmap's title and legend); its Width is
	// zero if the graph has none.
	Label    Box
	Nodes    []Node
	Edges    []Edge
	Clusters []Cluster
}

// Node is a node of a Layout.
type Node struct {
	Name, ID, Class string
	Shape           string // Graphviz's shape: "box", "circle", ...
	Box
}

// Edge is an edge of a Layout: its spline, from its tail to its head.
type Edge struct {
	ID, Class  string
	Tail, Head string // the names of the nodes
	// Splines are the edge's cubic Bézier splines, each a start point and
	// three points per segment; an edge has one unless Graphviz merged
	// edges.
	Splines [][]Point
	// Start and End are the tips of the arrowheads at the tail and the
	// head, where the edge has one (HasStart, HasEnd): the spline stops at
	// the base of an arrowhead.
	Start, End       Point
	HasStart, HasEnd bool
}

// Cluster is a cluster (argmap's group) of a Layout.
type Cluster struct {
	ID string
	// Box is the cluster's frame, Label its label (zero Width if none).
	Box, Label Box
}

type layoutObject struct {
	GVID     int    `json:"_gvid"`
	Name     string `json:"name"`
	ID       string `json:"id"`
	Class    string `json:"class"`
	Shape    string `json:"shape"`
	Pos      string `json:"pos"`
	WidthIn  string `json:"width"`
	HeightIn string `json:"height"`
	BB       string `json:"bb"`
	LP       string `json:"lp"`
	LWidth   string `json:"lwidth"`
	LHeight  string `json:"lheight"`
}

type layoutEdge struct {
	Tail  int    `json:"tail"`
	Head  int    `json:"head"`
	ID    string `json:"id"`
	Class string `json:"class"`
	Pos   string `json:"pos"`
}

type layoutJSON struct {
	layoutObject
	Objects     []layoutObject `json:"objects"`
	Edges       []layoutEdge   `json:"edges"`
	SubgraphCnt int            `json:"_subgraph_cnt"`
}

// ReadLayout reads a Layout from Graphviz's json output (-Tjson).
func ReadLayout(data []byte) (*Layout, error) {
	var g layoutJSON
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("drawing: reading Graphviz's json output: %w", err)
	}
	l := &Layout{}
	var err error
	if l.Label, err = labelBox(g.layoutObject); err != nil {
		return nil, err
	}
	sub := min(max(g.SubgraphCnt, 0), len(g.Objects))
	names := make(map[int]string, len(g.Objects))
	for i, o := range g.Objects {
		names[o.GVID] = o.Name
		if i < sub {
			c := Cluster{ID: o.ID}
			if o.BB != "" {
				bb, err := floats(o.BB, 4)
				if err != nil {
					return nil, fmt.Errorf("drawing: bounding box %q of %s: %w", o.BB, o.Name, err)
				}
				c.Box = Box{X: (bb[0] + bb[2]) / 2, Y: (bb[1] + bb[3]) / 2, Width: bb[2] - bb[0], Height: bb[3] - bb[1]}
			}
			if c.Label, err = labelBox(o); err != nil {
				return nil, err
			}
			// Subgraphs that are not clusters have no frame.
			if strings.HasPrefix(o.Name, "cluster") {
				l.Clusters = append(l.Clusters, c)
			}
			continue
		}
		n := Node{Name: o.Name, ID: o.ID, Class: o.Class, Shape: o.Shape}
		pos, err := floats(o.Pos, 2)
		if err != nil {
			return nil, fmt.Errorf("drawing: position %q of %s: %w", o.Pos, o.Name, err)
		}
		w, err := floats(o.WidthIn, 1)
		if err != nil {
			return nil, fmt.Errorf("drawing: width %q of %s: %w", o.WidthIn, o.Name, err)
		}
		h, err := floats(o.HeightIn, 1)
		if err != nil {
			return nil, fmt.Errorf("drawing: height %q of %s: %w", o.HeightIn, o.Name, err)
		}
		n.Box = Box{X: pos[0], Y: pos[1], Width: w[0] * 72, Height: h[0] * 72}
		l.Nodes = append(l.Nodes, n)
	}
	for _, e := range g.Edges {
		tail, ok1 := names[e.Tail]
		head, ok2 := names[e.Head]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("drawing: edge %q between unknown nodes %d and %d", e.ID, e.Tail, e.Head)
		}
		edge := Edge{ID: e.ID, Class: e.Class, Tail: tail, Head: head}
		if err := edge.readPos(e.Pos); err != nil {
			return nil, fmt.Errorf("drawing: spline of edge %s -> %s: %w", tail, head, err)
		}
		l.Edges = append(l.Edges, edge)
	}
	return l, nil
}

// labelBox is the box of an object's label: its centre lp and its size
// lwidth × lheight, in inches.
func labelBox(o layoutObject) (Box, error) {
	if o.LP == "" {
		return Box{}, nil
	}
	lp, err := floats(o.LP, 2)
	if err != nil {
		return Box{}, fmt.Errorf("drawing: label position %q of %s: %w", o.LP, o.Name, err)
	}
	w, err := floats(o.LWidth, 1)
	if err != nil {
		return Box{}, fmt.Errorf("drawing: label width %q of %s: %w", o.LWidth, o.Name, err)
	}
	h, err := floats(o.LHeight, 1)
	if err != nil {
		return Box{}, fmt.Errorf("drawing: label height %q of %s: %w", o.LHeight, o.Name, err)
	}
	return Box{X: lp[0], Y: lp[1], Width: w[0] * 72, Height: h[0] * 72}, nil
}

// readPos reads an edge's pos attribute: splines separated by ";", each
// "[s,X,Y ][e,X,Y ]P0 P1 P2 P3 ..." with the arrowheads' tips first.
func (e *Edge) readPos(pos string) error {
	for _, spline := range strings.Split(pos, ";") {
		var pts []Point
		for _, f := range strings.Fields(spline) {
			tip := byte(0)
			if len(f) > 2 && (f[0] == 's' || f[0] == 'e') && f[1] == ',' {
				tip, f = f[0], f[2:]
			}
			xy, err := floats(f, 2)
			if err != nil {
				return fmt.Errorf("point %q: %w", f, err)
			}
			p := Point{xy[0], xy[1]}
			switch tip {
			case 's':
				e.Start, e.HasStart = p, true
			case 'e':
				e.End, e.HasEnd = p, true
			default:
				pts = append(pts, p)
			}
		}
		if len(pts) == 0 {
			continue
		}
		if len(pts) < 4 || (len(pts)-1)%3 != 0 {
			return fmt.Errorf("a Bézier spline of %d points", len(pts))
		}
		e.Splines = append(e.Splines, pts)
	}
	return nil
}
