package drawing

import (
	"fmt"
	"strings"
)

// ReadLayoutDOT reads a Layout from Graphviz's dot output (-Tdot): the
// graph as given, with the layout's attributes added (pos, width and height
// of the nodes, pos of the edges, bb and lp of the graph and its clusters).
// Graphviz writes it faster than its json output, for a caller that needs
// only the layout. Edges are in the order of the output.
func ReadLayoutDOT(data []byte) (*Layout, error) {
	p := &dotParser{src: string(data)}
	l := &Layout{}
	if err := p.graph(l); err != nil {
		return nil, fmt.Errorf("drawing: reading Graphviz's dot output: %w", err)
	}
	return l, nil
}

// dotParser reads the DOT that Graphviz writes: statements of IDs, quoted
// strings (with \" escapes, and long ones continued after a backslash and
// a newline), HTML strings, and the punctuation { } [ ] = , ; ->.
type dotParser struct {
	src string
	pos int
}

// token kinds
const (
	tokEOF = iota
	tokID  // an ID, a number, a quoted or an HTML string: its value
	tokPunct
)

type token struct {
	kind int
	text string
	html bool // an HTML string
}

func (p *dotParser) next() (token, error) {
	for p.pos < len(p.src) && strings.ContainsRune(" \t\r\n", rune(p.src[p.pos])) {
		p.pos++
	}
	if p.pos >= len(p.src) {
		return token{kind: tokEOF}, nil
	}
	c := p.src[p.pos]
	switch {
	case c == '-' && strings.HasPrefix(p.src[p.pos:], "->"), c == '-' && strings.HasPrefix(p.src[p.pos:], "--"):
		p.pos += 2
		return token{kind: tokPunct, text: "->"}, nil
	case strings.IndexByte("{}[]=,;:", c) >= 0:
		p.pos++
		return token{kind: tokPunct, text: string(c)}, nil
	case c == '"':
		var b strings.Builder
		for i := p.pos + 1; i < len(p.src); i++ {
			switch p.src[i] {
			case '\\':
				if i+1 < len(p.src) && p.src[i+1] == '"' {
					b.WriteByte('"')
					i++
					continue
				}
				if i+1 < len(p.src) && p.src[i+1] == '\n' {
					i++ // a continued line
					continue
				}
				if i+2 < len(p.src) && p.src[i+1] == '\r' && p.src[i+2] == '\n' {
					i += 2
					continue
				}
				b.WriteByte('\\')
			case '"':
				p.pos = i + 1
				return token{kind: tokID, text: b.String()}, nil
			default:
				b.WriteByte(p.src[i])
			}
		}
		return token{}, fmt.Errorf("unterminated string at offset %d", p.pos)
	case c == '<':
		depth := 0
		for i := p.pos; i < len(p.src); i++ {
			switch p.src[i] {
			case '<':
				depth++
			case '>':
				depth--
				if depth == 0 {
					t := token{kind: tokID, text: p.src[p.pos+1 : i], html: true}
					p.pos = i + 1
					return t, nil
				}
			}
		}
		return token{}, fmt.Errorf("unterminated HTML string at offset %d", p.pos)
	}
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 || c == '-' && p.pos == start {
			p.pos++
			continue
		}
		break
	}
	if p.pos == start {
		return token{}, fmt.Errorf("unexpected %q at offset %d", c, p.pos)
	}
	return token{kind: tokID, text: p.src[start:p.pos]}, nil
}

func (p *dotParser) peek() (token, error) {
	save := p.pos
	t, err := p.next()
	p.pos = save
	return t, err
}

func (p *dotParser) expect(punct string) error {
	t, err := p.next()
	if err != nil {
		return err
	}
	if t.kind != tokPunct || t.text != punct {
		return fmt.Errorf("want %q at offset %d, have %q", punct, p.pos, t.text)
	}
	return nil
}

// graph reads "[strict] (di)graph [ID] { statements }".
func (p *dotParser) graph(l *Layout) error {
	for {
		t, err := p.next()
		if err != nil {
			return err
		}
		if t.kind == tokPunct && t.text == "{" {
			break
		}
		if t.kind != tokID {
			return fmt.Errorf("unexpected %q before the graph's statements", t.text)
		}
	}
	attrs := map[string]string{}
	if err := p.statements(l, attrs, map[string]string{}, ""); err != nil {
		return err
	}
	var err error
	l.Label, err = labelOf(attrs)
	return err
}

// statements reads statements up to the closing brace. graphAttrs collects
// the graph's (or cluster's) attributes; nodeDefaults are the node
// attributes in force; cluster is the name of the cluster read, or "".
func (p *dotParser) statements(l *Layout, graphAttrs, nodeDefaults map[string]string, cluster string) error {
	defaults := map[string]string{}
	for k, v := range nodeDefaults {
		defaults[k] = v
	}
	for {
		t, err := p.next()
		if err != nil {
			return err
		}
		switch {
		case t.kind == tokEOF:
			return fmt.Errorf("unexpected end")
		case t.kind == tokPunct && t.text == "}":
			return nil
		case t.kind == tokPunct && t.text == ";":
			continue
		case t.kind != tokID:
			return fmt.Errorf("unexpected %q at offset %d", t.text, p.pos)
		case !t.html && (t.text == "graph" || t.text == "node" || t.text == "edge"):
			as, err := p.attrList()
			if err != nil {
				return err
			}
			dst := map[string]map[string]string{"graph": graphAttrs, "node": defaults, "edge": {}}[t.text]
			for k, v := range as {
				dst[k] = v
			}
		case !t.html && t.text == "subgraph":
			name := ""
			n, err := p.peek()
			if err != nil {
				return err
			}
			if n.kind == tokID {
				p.next()
				name = n.text
			}
			if err := p.expect("{"); err != nil {
				return err
			}
			sub := map[string]string{}
			if err := p.statements(l, sub, defaults, name); err != nil {
				return err
			}
			if strings.HasPrefix(name, "cluster") {
				c, err := clusterOf(sub)
				if err != nil {
					return fmt.Errorf("cluster %s: %w", name, err)
				}
				l.Clusters = append(l.Clusters, c)
			}
		default:
			n, err := p.peek()
			if err != nil {
				return err
			}
			switch {
			case n.kind == tokPunct && n.text == "=":
				p.next()
				v, err := p.next()
				if err != nil {
					return err
				}
				graphAttrs[t.text] = v.text
			case n.kind == tokPunct && n.text == "->":
				p.next()
				head, err := p.next()
				if err != nil {
					return err
				}
				if head.kind != tokID {
					return fmt.Errorf("an edge from %s to %q", t.text, head.text)
				}
				as, err := p.optAttrList()
				if err != nil {
					return err
				}
				e := Edge{ID: as["id"], Class: as["class"], Tail: t.text, Head: head.text}
				if err := e.readPos(as["pos"]); err != nil {
					return fmt.Errorf("spline of edge %s -> %s: %w", t.text, head.text, err)
				}
				l.Edges = append(l.Edges, e)
			default:
				as, err := p.optAttrList()
				if err != nil {
					return err
				}
				for k, v := range defaults {
					if _, ok := as[k]; !ok {
						as[k] = v
					}
				}
				if err := l.addNode(t.text, as); err != nil {
					return err
				}
			}
		}
	}
}

// optAttrList reads an attribute list if one follows.
func (p *dotParser) optAttrList() (map[string]string, error) {
	n, err := p.peek()
	if err != nil {
		return nil, err
	}
	if n.kind == tokPunct && n.text == "[" {
		return p.attrList()
	}
	return map[string]string{}, nil
}

// attrList reads "[a=b, c=d ...]".
func (p *dotParser) attrList() (map[string]string, error) {
	if err := p.expect("["); err != nil {
		return nil, err
	}
	as := map[string]string{}
	for {
		t, err := p.next()
		if err != nil {
			return nil, err
		}
		if t.kind == tokPunct && t.text == "]" {
			return as, nil
		}
		if t.kind == tokPunct && (t.text == "," || t.text == ";") {
			continue
		}
		if t.kind != tokID {
			return nil, fmt.Errorf("unexpected %q in an attribute list", t.text)
		}
		if err := p.expect("="); err != nil {
			return nil, err
		}
		v, err := p.next()
		if err != nil {
			return nil, err
		}
		if v.kind != tokID {
			return nil, fmt.Errorf("attribute %s without a value", t.text)
		}
		as[t.text] = v.text
	}
}

// addNode adds a node with its layout attributes; a node named again (to
// set attributes, or placed in a cluster first) is updated.
func (l *Layout) addNode(name string, as map[string]string) error {
	if as["pos"] == "" {
		return nil // declared, and placed by another statement
	}
	n := Node{Name: name, ID: as["id"], Class: as["class"], Shape: as["shape"]}
	pos, err := floats(as["pos"], 2)
	if err != nil {
		return fmt.Errorf("position %q of %s: %w", as["pos"], name, err)
	}
	w, err := floats(as["width"], 1)
	if err != nil {
		return fmt.Errorf("width %q of %s: %w", as["width"], name, err)
	}
	h, err := floats(as["height"], 1)
	if err != nil {
		return fmt.Errorf("height %q of %s: %w", as["height"], name, err)
	}
	n.Box = Box{X: pos[0], Y: pos[1], Width: w[0] * 72, Height: h[0] * 72}
	for i := range l.Nodes {
		if l.Nodes[i].Name == name {
			l.Nodes[i] = n
			return nil
		}
	}
	l.Nodes = append(l.Nodes, n)
	return nil
}

// labelOf is the box of a graph's label, from its lp, lwidth and lheight.
func labelOf(as map[string]string) (Box, error) {
	return labelBox(layoutObject{Name: "the graph", LP: as["lp"], LWidth: as["lwidth"], LHeight: as["lheight"]})
}

func clusterOf(as map[string]string) (Cluster, error) {
	c := Cluster{ID: as["id"]}
	if as["bb"] != "" {
		bb, err := floats(as["bb"], 4)
		if err != nil {
			return c, fmt.Errorf("bounding box %q: %w", as["bb"], err)
		}
		c.Box = Box{X: (bb[0] + bb[2]) / 2, Y: (bb[1] + bb[3]) / 2, Width: bb[2] - bb[0], Height: bb[3] - bb[1]}
	}
	var err error
	c.Label, err = labelBox(layoutObject{Name: "cluster", LP: as["lp"], LWidth: as["lwidth"], LHeight: as["lheight"]})
	return c, err
}
