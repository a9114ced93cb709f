package importers

import (
	"strconv"
	"strings"

	"github.com/argmap/argmap/diagnostic"
)

// ReadAPX reads an argumentation framework in the apx format of ASPARTIX
// and ICCMA 2017–2021: facts "arg(a)." declaring the arguments and
// "att(a,b)." saying that a attacks b, with "%" comments; facts may share a
// line and spread over several. An argument's name is a constant (letters,
// digits and '_') or a quoted string. The facts "support(a,b)." of bipolar
// frameworks are read as supports. Each argument is an argmap argument
// whose id is its name (or, when the name is no argmap id, one derived from
// it); the comment lines "% ID CLAIM" that argmap export writes, the claim a
// JSON string, give the claims back; otherwise the claim is the name.
func ReadAPX(name string, data []byte) (*Map, diagnostic.Diagnostics) {
	p := newProblems(name, data)
	data = blankBOM(data)
	b := newBuilder(p)
	type fact struct {
		pred       string
		args       []string
		start, end int
		argStarts  []int
	}
	var facts []fact
	claims := map[string]string{}
	s := &scanner{data: data}
	for {
		s.skipSpace(func(line string) {
			if _, id, claim, ok := solverComment(line, "%"); ok {
				claims[id] = claim
			}
		})
		if s.eof() {
			break
		}
		start := s.pos
		pred := s.ident()
		if pred == "" {
			p.at("apx-syntax", s.pos, s.pos+1, "An apx file is facts arg(a). and att(a,b).", "unexpected %s", s.show())
			return b.done()
		}
		f := fact{pred: pred, start: start}
		s.skipSpace(nil)
		if !s.consume('(') {
			p.at("apx-syntax", s.pos, s.pos+1, "", "expected \"(\" after %q, found %s", pred, s.show())
			return b.done()
		}
		for {
			s.skipSpace(nil)
			at := s.pos
			arg, err := s.term()
			if err != "" {
				p.at("apx-syntax", s.pos, s.pos+1, "An argument is a name of letters, digits and '_', or a quoted string.", "%s", err)
				return b.done()
			}
			f.args, f.argStarts = append(f.args, arg), append(f.argStarts, at)
			s.skipSpace(nil)
			if s.consume(',') {
				continue
			}
			if s.consume(')') {
				break
			}
			p.at("apx-syntax", s.pos, s.pos+1, "", "expected \",\" or \")\", found %s", s.show())
			return b.done()
		}
		closed := s.pos // just after ")"
		s.skipSpace(nil)
		if !s.consume('.') {
			p.at("apx-syntax", closed, closed, "Each fact ends with a full stop: arg(a).", "%s(...) is not ended by \".\"", pred)
			return b.done()
		}
		f.end = s.pos
		want := map[string]int{"arg": 1, "att": 2, "support": 2}
		n, known := want[pred]
		switch {
		case !known:
			p.at("apx-syntax", start, start+len(pred), "An apx file has the facts arg/1 and att/2 (and support/2 for supports).", "unknown fact %s/%d", pred, len(f.args))
			return b.done()
		case len(f.args) != n:
			p.at("apx-syntax", start, f.end, "", "%s takes %d argument(s), not %d", pred, n, len(f.args))
			return b.done()
		}
		facts = append(facts, f)
	}
	var names []string
	declared := map[string]int{}
	for _, f := range facts {
		if f.pred == "arg" {
			if _, dup := declared[f.args[0]]; !dup {
				declared[f.args[0]] = len(names)
				names = append(names, f.args[0])
			}
		}
	}
	texts := make([]string, len(names))
	for i, n := range names {
		texts[i] = claims[n]
	}
	ids := IDs(names, texts, "argument")
	for i, id := range ids {
		claim := texts[i]
		if claim == "" {
			claim = names[i]
		}
		b.argument(&Argument{ID: id, Claim: claim})
	}
	for _, f := range facts {
		if f.pred == "arg" {
			continue
		}
		var ends [2]string
		ok := true
		for i, a := range f.args {
			k, found := declared[a]
			if !found {
				p.at("apx-syntax", f.argStarts[i], f.argStarts[i]+len(a), "Declare each argument with arg(...) before or after the attacks.",
					"%s names %s, which no arg(...) declares", f.pred, strconv.Quote(a))
				ok = false
				break
			}
			ends[i] = ids[k]
		}
		if ok {
			typ := "attack"
			if f.pred == "support" {
				typ = "support"
			}
			b.relation(typ, []string{ends[0]}, ends[1], "", f.start, f.end)
		}
	}
	return b.done()
}

// scanner reads the tokens of an apx file.
type scanner struct {
	data []byte
	pos  int
}

func (s *scanner) eof() bool { return s.pos >= len(s.data) }

// skipSpace skips spaces and comments, handing each comment line to
// comment when it is not nil.
func (s *scanner) skipSpace(comment func(line string)) {
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			s.pos++
		case c == '%':
			end := s.pos
			for end < len(s.data) && s.data[end] != '\n' {
				end++
			}
			if comment != nil {
				comment(string(s.data[s.pos:end]))
			}
			s.pos = end
		default:
			return
		}
	}
}

func isNameByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// ident reads a name of letters, digits and '_'.
func (s *scanner) ident() string {
	start := s.pos
	for s.pos < len(s.data) && isNameByte(s.data[s.pos]) {
		s.pos++
	}
	return string(s.data[start:s.pos])
}

func (s *scanner) consume(c byte) bool {
	if s.pos < len(s.data) && s.data[s.pos] == c {
		s.pos++
		return true
	}
	return false
}

// term reads a name or a quoted string, or returns what is wrong.
func (s *scanner) term() (string, string) {
	if s.pos < len(s.data) && s.data[s.pos] == '"' {
		start := s.pos
		s.pos++
		for s.pos < len(s.data) && s.data[s.pos] != '"' && s.data[s.pos] != '\n' {
			if s.data[s.pos] == '\\' {
				s.pos++
			}
			s.pos++
		}
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			s.pos = start
			return "", "unclosed quoted string"
		}
		s.pos++
		v, err := strconv.Unquote(string(s.data[start:s.pos]))
		if err != nil {
			s.pos = start
			return "", "bad quoted string " + s.show()
		}
		return v, ""
	}
	if name := s.ident(); name != "" {
		return name, ""
	}
	return "", "expected an argument, found " + s.show()
}

// show quotes what is at the scanner's position, for a message.
func (s *scanner) show() string {
	if s.eof() {
		return "the end of the file"
	}
	end := min(len(s.data), s.pos+20)
	if i := strings.IndexAny(string(s.data[s.pos:end]), " \t\r\n"); i > 0 {
		end = s.pos + i
	}
	return strconv.Quote(strings.ToValidUTF8(string(s.data[s.pos:end]), "\uFFFD"))
}
