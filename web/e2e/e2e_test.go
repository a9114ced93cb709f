package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The limits of the waits below are failures, not measures: the figures the
// tests log are measured on the page.
const (
	loadTimeout = 20 * time.Second // loading the page and its wasm evaluator
	stepTimeout = 5 * time.Second  // a relabelling after a click or a choice
	liveTimeout = 10 * time.Second // the page following a saved file
)

const (
	grounded = "grounded"
	defSup   = "supported-secondary"
)

// The option values of the page's controls: the names --semantics and
// --support take.
var (
	semanticsNames = []string{"grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal", "h-categorizer", "df-quad", "carneades"}
	supportNames   = []string{"supported-secondary", "deductive", "necessary", "ignore"}
)

func droneStrikes(t *testing.T) string {
	return filepath.Join(repoRoot(t), "examples", "drone-strikes", "debate.toml")
}

// TestServedLabels loads the served page of the drone-strikes map and finds
// on every argument the label argmap eval gives it.
func TestServedLabels(t *testing.T) {
	ctx := browser(t)
	root := droneStrikes(t)
	ids := argumentIDs(t, root)
	u := serve(t, root)
	navigate(t, ctx, u)
	_, d := waitFor(t, ctx, ids, loadTimeout, labelled(eval(t, root, grounded, defSup)))
	t.Logf("%d arguments labelled as argmap eval labels them, %v after the page loaded", len(ids), d.Round(time.Millisecond))
}

// TestWithdraw clicks an argument: the labels become those of eval
// --without it, the argument is marked withdrawn, the status line counts the
// arguments whose label changed, the URL holds the withdrawal; a second
// click restores the map; loading the URL with the withdrawal shows it.
func TestWithdraw(t *testing.T) {
	ctx := browser(t)
	root := droneStrikes(t)
	ids := argumentIDs(t, root)
	id, n := mostChanging(t, root)
	if n == 0 {
		t.Fatal("no argument of the map changes a label when withdrawn")
	}
	u := serve(t, root)
	navigate(t, ctx, u)
	base := eval(t, root, grounded, defSup)
	waitFor(t, ctx, ids, loadTimeout, labelled(base))

	watch(t, ctx)
	click(t, ctx, id)
	s, _ := waitFor(t, ctx, ids, stepTimeout, labelled(eval(t, root, grounded, defSup, id), id))
	w := readWatch(t, ctx)
	t.Logf("click on %s → relabelled (%d arguments changed) in %.1f ms (served page, from the click event to the last DOM change)", id, n, w.T1-w.T0)
	if got := changedCount(t, s.Changed); got != n {
		t.Errorf("#changed says %q, want %d arguments changed", s.Changed, n)
	}
	if q, _ := url.ParseQuery(strings.TrimPrefix(s.Search, "?")); q.Get("without") != id {
		t.Errorf("URL query %q: without=%q, want %q", s.Search, q.Get("without"), id)
	}

	click(t, ctx, id)
	waitFor(t, ctx, ids, stepTimeout, labelled(base))

	// The state in the URL: a bookmark of the "what if" shows it again.
	navigate(t, ctx, u+"?without="+url.QueryEscape(id))
	waitFor(t, ctx, ids, loadTimeout, labelled(eval(t, root, grounded, defSup, id), id))

	// Several withdrawn at once, under another semantics; then reset.
	other := ids[0]
	if other == id {
		other = ids[1]
	}
	click(t, ctx, other)
	choose(t, ctx, "semantics", "preferred")
	waitFor(t, ctx, ids, stepTimeout, labelled(eval(t, root, "preferred", defSup, id, other), id, other))
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("button#reset"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, ids, stepTimeout, labelled(base))
	if got := js[string](t, ctx, `document.querySelector('select#semantics').value`); got != grounded {
		t.Errorf("after reset, #semantics is %q, want grounded", got)
	}
}

// changedCount reads the number in the status line "3 arguments changed"
// ("1 argument changed").
func changedCount(t *testing.T, text string) int {
	t.Helper()
	m := regexp.MustCompile(`(\d+) arguments? changed`).FindStringSubmatch(text)
	if m == nil {
		t.Errorf("#changed says %q, want \"N arguments changed\"", text)
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// cycleMap is a map on which the semantics and the readings of support
// disagree: grounded leaves all four undecided; preferred rejects c, and d
// falls with it when its support of c is read as supported-secondary, stands
// when supports are ignored.
const cycleMap = `version = 1
title = "A cycle"

[arguments.a]
claim = "A."
attacks = ["b", "c"]

[arguments.b]
claim = "B."
attacks = ["a", "c"]

[arguments.c]
claim = "C."
attacks = ["d"]

[arguments.d]
claim = "D."
supports = ["c"]
`

// TestSemantics switches the page through every semantics and support
// mode its controls offer, and finds eval's labels (and scores, under a
// gradual semantics) each time, with the choice in the URL.
func TestSemantics(t *testing.T) {
	cycle := filepath.Join(t.TempDir(), "cycle.toml")
	if err := os.WriteFile(cycle, []byte(cycleMap), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	for _, root := range []string{droneStrikes(t), cycle} {
		t.Run(filepath.Base(root), func(t *testing.T) {
			ids := argumentIDs(t, root)
			navigate(t, ctx, serve(t, root))
			waitFor(t, ctx, ids, loadTimeout, labelled(eval(t, root, grounded, defSup)))
			if got := options(t, ctx, "semantics"); !slices.Equal(got, semanticsNames) {
				t.Errorf("#semantics offers %q, want %q", got, semanticsNames)
			}
			if got := options(t, ctx, "support"); !slices.Equal(got, supportNames) {
				t.Errorf("#support offers %q, want %q", got, supportNames)
			}
			for _, sem := range semanticsNames {
				choose(t, ctx, "semantics", sem)
				s, _ := waitFor(t, ctx, ids, stepTimeout, labelled(eval(t, root, sem, defSup)))
				if q, _ := url.ParseQuery(strings.TrimPrefix(s.Search, "?")); q.Get("semantics") != sem && !(sem == grounded && q.Get("semantics") == "") {
					t.Errorf("under %s, the URL query is %q", sem, s.Search)
				}
			}
			choose(t, ctx, "semantics", grounded)
			for _, theme := range []string{"dark", "print", "light"} {
				choose(t, ctx, "theme", theme)
				s, _ := waitFor(t, ctx, ids, loadTimeout, func(s pageState) string {
					if !js[bool](t, ctx, fmt.Sprintf(`!!document.querySelector('svg g.graph.theme-%s')`, theme)) {
						return "the SVG is not drawn in the theme " + theme
					}
					return labelled(eval(t, root, grounded, defSup))(s)
				})
				if q, _ := url.ParseQuery(strings.TrimPrefix(s.Search, "?")); q.Get("theme") != theme && !(theme == "light" && q.Get("theme") == "") {
					t.Errorf("under the theme %s, the URL query is %q", theme, s.Search)
				}
			}
			for _, sup := range supportNames {
				choose(t, ctx, "support", sup)
				waitFor(t, ctx, ids, stepTimeout, labelled(eval(t, root, grounded, sup)))
			}
			// A bookmark of a reading shows it again.
			u := serve(t, root) + "?semantics=preferred&support=deductive"
			navigate(t, ctx, u)
			waitFor(t, ctx, ids, loadTimeout, labelled(eval(t, root, "preferred", "deductive")))
		})
	}
}

// TestLive serves a copy of the map, edits an included file and finds the
// page's labels following without a reload, keeping a withdrawal; breaks
// the root file and finds the diagnostic; fixes it and finds the map back.
func TestLive(t *testing.T) {
	dir := copyMap(t, filepath.Dir(droneStrikes(t)))
	root := filepath.Join(dir, "debate.toml")
	ids := argumentIDs(t, root)
	const kept = "collateral" // withdrawn all along: the page must keep it so
	if !slices.Contains(ids, kept) {
		t.Fatalf("the map has no argument %s", kept)
	}
	ctx := browser(t)
	navigate(t, ctx, serve(t, root)+"?without="+kept)
	before := eval(t, root, grounded, defSup, kept)
	waitFor(t, ctx, ids, loadTimeout, labelled(before, kept))

	// Mark the page: a reload would lose the mark.
	js[bool](t, ctx, `(window.__noReload = true)`)

	// Change a relation in the included file: wont_solve attacks
	// surveillance instead of lethal_force. What eval says of the edited map
	// is found on another copy, so that the served one is written once.
	const old, new = "attacks = [\"lethal_force\"]", "attacks = [\"surveillance\"]"
	other := copyMap(t, dir)
	edit(t, filepath.Join(other, "mexico.toml"), old, new)
	after := eval(t, filepath.Join(other, "debate.toml"), grounded, defSup, kept)
	if changed(before.Labels, after.Labels) == 0 {
		t.Fatal("the edit changes no label")
	}
	watch(t, ctx)
	saved := time.Now()
	edit(t, filepath.Join(dir, "mexico.toml"), old, new)
	_, d := waitFor(t, ctx, ids, liveTimeout, labelled(after, kept))
	w := readWatch(t, ctx)
	t.Logf("save of mexico.toml → page relabelled: %.0f ms by the page's clock (last DOM change), %v by the test's polling",
		w.Wall-float64(saved.UnixMilli()), d.Round(time.Millisecond))
	if !js[bool](t, ctx, `window.__noReload === true`) {
		t.Error("the page reloaded to follow the file")
	}

	// Break the root file: a TOML syntax error on its last line.
	good := read(t, root)
	line := strings.Count(good, "\n") + 2
	writeFile(t, root, good+"\n[arguments.broken\nclaim = \"x\"\n")
	want := regexp.MustCompile(fmt.Sprintf(`debate\.toml:%d:18: error\[toml-syntax\]`, line))
	s, d := waitFor(t, ctx, ids, liveTimeout, func(s pageState) string {
		if !want.MatchString(s.Diagnostics) {
			return fmt.Sprintf("#diagnostics shows %q, want it to match %s", s.Diagnostics, want)
		}
		if s.MapShown {
			return "the page shows the diagnostics and the stale map"
		}
		return ""
	})
	t.Logf("save of a broken debate.toml → diagnostics shown in %v:\n%s", d.Round(time.Millisecond), s.Diagnostics)

	// Fix it as editors that write a new file and rename it do.
	tmp := root + ".new"
	writeFile(t, tmp, good)
	if err := os.Rename(tmp, root); err != nil {
		t.Fatal(err)
	}
	_, d = waitFor(t, ctx, ids, liveTimeout, labelled(after, kept))
	t.Logf("save of the fixed debate.toml (by rename) → map back in %v", d.Round(time.Millisecond))
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// edit replaces the one occurrence of old in the file by new.
func edit(t *testing.T, name, old, new string) {
	t.Helper()
	text := read(t, name)
	if strings.Count(text, old) != 1 {
		t.Fatalf("%s holds %q %d times, want once", name, old, strings.Count(text, old))
	}
	writeFile(t, name, strings.Replace(text, old, new, 1))
}

// TestOfflineHTML opens the file argmap render --format html writes, from
// disk, with every request but the file's own failed and counted: the
// labels are eval's, a click relabels, the semantics switch.
func TestOfflineHTML(t *testing.T) {
	root := droneStrikes(t)
	ids := argumentIDs(t, root)
	dir := t.TempDir()
	file := filepath.Join(dir, "drone-strikes.html")
	argmap(t, "render", "--format", "html", "-o", file, root)
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes (%.0f KiB)", filepath.Base(file), info.Size(), float64(info.Size())/1024)
	fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()

	ctx := browser(t)
	requests := blockRequests(t, ctx, fileURL)
	start := time.Now()
	navigate(t, ctx, fileURL)
	waitFor(t, ctx, ids, loadTimeout, labelled(eval(t, root, grounded, defSup)))
	t.Logf("offline file: labelled %v after the navigation began", time.Since(start).Round(time.Millisecond))

	id, n := mostChanging(t, root)
	watch(t, ctx)
	click(t, ctx, id)
	waitFor(t, ctx, ids, stepTimeout, labelled(eval(t, root, grounded, defSup, id), id))
	w := readWatch(t, ctx)
	t.Logf("offline file: click on %s → relabelled (%d arguments changed) in %.1f ms (from the click event to the last DOM change)", id, n, w.T1-w.T0)

	choose(t, ctx, "semantics", "h-categorizer")
	waitFor(t, ctx, ids, stepTimeout, labelled(eval(t, root, "h-categorizer", defSup, id), id))

	for _, u := range requests() {
		t.Errorf("the offline page requested %s", u)
	}
}

// blockRequests makes every request of the tab but that of allowed fail,
// and returns a function that lists the URLs of those requests. The page's
// requests pause (Fetch interception) and only allowed goes on; a request
// that Network.requestWillBeSent reports and the interception misses is
// listed too. data: and blob: URLs, inline by nature, are not requests.
func blockRequests(t *testing.T, ctx context.Context, allowed string) func() []string {
	t.Helper()
	var (
		mu      sync.Mutex
		foreign []string
	)
	note := func(u string) {
		if u == allowed || strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if !slices.Contains(foreign, u) {
			foreign = append(foreign, u)
		}
	}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *fetch.EventRequestPaused:
			u, id := ev.Request.URL, ev.RequestID
			note(u)
			go func() { // no command may wait inside the listener
				if u == allowed {
					chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id})
					return
				}
				chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: id, ErrorReason: network.ErrorReasonBlockedByClient})
			}()
		case *network.EventRequestWillBeSent:
			note(ev.Request.URL)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(foreign)
	}
}

// TestScreenshot takes a screenshot of the served page, with one argument
// withdrawn, into the test's output directory, and with -update into
// docs/serve.png for the README.
func TestScreenshot(t *testing.T) {
	ctx := browser(t)
	root := droneStrikes(t)
	ids := argumentIDs(t, root)
	// The seminar's question: what if drug trafficking were an armed attack?
	const id = "no_armed_attack"
	navigate(t, ctx, serve(t, root)+"?explain=self_defence")
	waitFor(t, ctx, ids, loadTimeout, labelled(eval(t, root, grounded, defSup)))
	click(t, ctx, id)
	waitFor(t, ctx, ids, stepTimeout, labelled(eval(t, root, grounded, defSup, id), id))
	// Move the mouse off the map, so that no hover card covers it.
	if err := chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, 1, 1)); err != nil {
		t.Fatal(err)
	}
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(sctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(outputDir(t), "serve.png")
	writeFile(t, out, string(png))
	t.Logf("screenshot: %s (%d bytes)", out, len(png))
	if *update {
		docs := filepath.Join(repoRoot(t), "docs", "serve.png")
		writeFile(t, docs, string(png))
		t.Logf("wrote %s", docs)
	}
}

// TestExplain points at an argument and finds in the side panel what
// argmap explain says of it, under the page's semantics and withdrawals.
func TestExplain(t *testing.T) {
	ctx := browser(t)
	root := droneStrikes(t)
	ids := argumentIDs(t, root)
	id, _ := mostChanging(t, root)
	navigate(t, ctx, serve(t, root)+"?without="+id)
	waitFor(t, ctx, ids, loadTimeout, labelled(eval(t, root, grounded, defSup, id), id))
	for _, target := range []string{"strike", "lethal_force"} {
		want := strings.TrimSpace(string(argmap(t, "explain", "--without", id, root, target)))
		pointAndRead(t, ctx, target, want)
	}
}

// pointAndRead points at the argument id and waits for the side panel to
// hold want, argmap explain's text, white space aside.
func pointAndRead(t *testing.T, ctx context.Context, id, want string) {
	t.Helper()
	hover(t, ctx, id)
	waitFor(t, ctx, nil, stepTimeout, func(pageState) string {
		got := js[string](t, ctx, `(document.querySelector('aside.page-explain') || {textContent: ''}).textContent`)
		if !strings.Contains(squeeze(got), squeeze(want)) {
			return fmt.Sprintf("pointing at %s, aside#explain says\n%s\nwant it to hold argmap explain's\n%s", id, got, want)
		}
		return ""
	})
}

// squeeze turns every run of white space into one space.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestIndex serves a directory of two maps: the index links each by its
// title, and each link leads to its map's page, labelled.
func TestIndex(t *testing.T) {
	dir := copyMap(t, filepath.Dir(droneStrikes(t)))
	writeFile(t, filepath.Join(dir, "cycle.toml"), cycleMap)
	ctx := browser(t)
	u := serve(t, dir)
	for _, m := range []struct{ title, root string }{
		{"A cycle", "cycle.toml"},
		{"Unilateral US drone strikes on Mexican cartels", "debate.toml"},
	} {
		root := filepath.Join(dir, m.root)
		navigate(t, ctx, u)
		href := js[string](t, ctx, fmt.Sprintf(`(() => { const a = [...document.querySelectorAll('a[href]')].find(a => a.textContent.trim() === %q); return a ? a.getAttribute('href') : ''; })()`, m.title))
		if href == "" {
			t.Fatalf("the index has no link named %q", m.title)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`a[href=%q]`, href)))); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, argumentIDs(t, root), loadTimeout, labelled(eval(t, root, grounded, defSup)))
	}
}

// TestPageIDs serves a map whose arguments have the ids of the page's own
// elements (the side panel, the status line, the controls): each argument
// is still the element of its id, labelled, and the page still works —
// clicking one withdraws it, and the side panel explains it.
func TestPageIDs(t *testing.T) {
	clashing := []string{"explain", "status", "changed", "semantics", "support", "theme", "reset", "map", "diagnostics", "toolbar", "title", "body"}
	var b strings.Builder
	for i, id := range clashing {
		fmt.Fprintf(&b, "[arguments.%s]\nclaim = \"The argument %s.\"\n", id, id)
		if i > 0 {
			fmt.Fprintf(&b, "attacks = [%q]\n", clashing[i-1])
		}
	}
	root := filepath.Join(t.TempDir(), "clash.toml")
	writeFile(t, root, b.String())
	ctx := browser(t)
	navigate(t, ctx, serve(t, root))
	waitFor(t, ctx, clashing, loadTimeout, labelled(eval(t, root, grounded, defSup)))
	for _, id := range clashing {
		got := js[string](t, ctx, fmt.Sprintf(`(() => { const e = document.getElementById(%q); return e ? e.tagName + '.' + e.getAttribute('class') : 'none'; })()`, id))
		if got != "g.node argument" {
			t.Errorf("document.getElementById(%q) is %s, want the argument's <g class=\"node argument\">", id, got)
		}
	}
	click(t, ctx, "explain")
	waitFor(t, ctx, clashing, stepTimeout, labelled(eval(t, root, grounded, defSup, "explain"), "explain"))
	choose(t, ctx, "semantics", "preferred")
	waitFor(t, ctx, clashing, stepTimeout, labelled(eval(t, root, "preferred", defSup, "explain"), "explain"))
	want := strings.TrimSpace(string(argmap(t, "explain", "--semantics", "preferred", "--without", "explain", root, "status")))
	pointAndRead(t, ctx, "status", want)
}
