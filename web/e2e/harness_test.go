package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var update = flag.Bool("update", false, "write the screenshot of the served page to docs/serve.png")

// argmapBin is the argmap binary TestMain builds, or "" when the tests
// skip. It is set once, before any test runs.
var argmapBin string

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if chromiumPath() == "" && os.Getenv("CI") != "true" {
		return m.Run() // every test skips; no need to build
	}
	dir, err := os.MkdirTemp("", "argmap-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "argmap")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gobin); err != nil {
		gobin = "go"
	}
	build := exec.Command(gobin, "build", "-o", bin, "github.com/argmap/argmap/cmd/argmap")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building argmap:", err)
		return 1
	}
	argmapBin = bin
	return m.Run()
}

// chromiumPath returns the path of a Chromium or Chrome browser, or "".
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// needBrowser skips the test when there is no Chromium, and fails it under
// CI=true, where a skip would hide the browser tests.
func needBrowser(t *testing.T) string {
	t.Helper()
	p := chromiumPath()
	if p == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true and no Chromium: install the Debian package chromium (.ci/run does)")
		}
		t.Skip("no Chromium: install the Debian package chromium to run the browser tests")
	}
	if argmapBin == "" {
		t.Fatal("argmap was not built")
	}
	return p
}

// argmap runs the argmap binary and returns its standard output.
func argmap(t *testing.T, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(argmapBin, args...)
	cmd.Env = append(os.Environ(), "ARGMAP_RENDER_SERVER=off")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("argmap %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// evalResult is what argmap eval --format json says: labels under a Dung
// semantics, scores under a gradual one.
type evalResult struct {
	Labels map[string]string  `json:"labels"`
	Scores map[string]float64 `json:"scores"`
}

// eval runs argmap eval --format json on the map whose root file is root.
func eval(t *testing.T, root, semantics, support string, without ...string) evalResult {
	t.Helper()
	args := []string{"eval", "--format", "json", "--semantics", semantics, "--support", support}
	if len(without) > 0 {
		args = append(args, "--without", strings.Join(without, ","))
	}
	out := argmap(t, append(args, root)...)
	var r evalResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("argmap %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// argumentIDs returns the ids of the map's arguments, sorted.
func argumentIDs(t *testing.T, root string) []string {
	t.Helper()
	return slices.Sorted(maps.Keys(eval(t, root, "grounded", "supported-secondary").Labels))
}

// mostChanging returns the argument whose withdrawal changes the labels of
// the most other arguments under grounded semantics, the first in id order
// on a tie, and how many it changes.
func mostChanging(t *testing.T, root string) (string, int) {
	t.Helper()
	base := eval(t, root, "grounded", "supported-secondary").Labels
	best, most := "", -1
	for _, id := range slices.Sorted(maps.Keys(base)) {
		n := changed(base, eval(t, root, "grounded", "supported-secondary", id).Labels)
		if n > most {
			best, most = id, n
		}
	}
	return best, most
}

// changed counts the arguments labelled in both a and b whose labels differ.
func changed(a, b map[string]string) int {
	n := 0
	for id, l := range b {
		if la, ok := a[id]; ok && la != l {
			n++
		}
	}
	return n
}

// serve starts argmap serve on path and returns the URL it prints. The
// server is stopped with an interrupt, as Ctrl-C would, when the test ends.
func serve(t *testing.T, path string) string {
	t.Helper()
	cmd := exec.Command(argmapBin, "serve", path)
	cmd.Env = append(os.Environ(), "ARGMAP_RENDER_SERVER=off")
	var stderr syncBuffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/\S*`).FindString(sc.Text()); u != "" {
				urls <- u
				break
			}
		}
		io.Copy(io.Discard, stdout)
		done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("argmap serve did not stop cleanly on an interrupt: %v\n%s", err, stderr.String())
			}
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Errorf("argmap serve still ran 5s after an interrupt\n%s", stderr.String())
		}
	})
	select {
	case u := <-urls:
		return u
	case err := <-done:
		t.Fatalf("argmap serve %s exited before printing its URL: %v\n%s", path, err, stderr.String())
	case <-time.After(15 * time.Second):
		t.Fatalf("argmap serve %s printed no URL within 15s\n%s", path, stderr.String())
	}
	return ""
}

// syncBuffer is a strings.Builder safe for the writes of a process and the
// reads of the test.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// browser starts headless Chromium with a profile of its own and returns
// the context of its first tab. Uncaught exceptions of the page fail the
// test; its console errors are logged.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := needBrowser(t)
	profile := filepath.Join(t.TempDir(), "profile")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests can run as root, as in CI
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1400, 1000),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	var (
		mu         sync.Mutex
		over       bool
		exceptions []string
	)
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		if over {
			return
		}
		switch ev := ev.(type) {
		case *cdpruntime.EventExceptionThrown:
			exceptions = append(exceptions, (&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error())
		case *cdpruntime.EventConsoleAPICalled:
			if ev.Type == cdpruntime.ConsoleAPICalledTypeError || ev.Type == cdpruntime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range ev.Args {
					if a.Value != nil {
						args = append(args, string(a.Value))
					} else {
						args = append(args, a.Description)
					}
				}
				t.Logf("page console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		}
	})
	if err != nil {
		cancelCtx()
		cancelAlloc()
		t.Fatalf("starting %s: %v", path, err)
	}
	t.Cleanup(func() {
		mu.Lock()
		over = true
		for _, e := range exceptions {
			t.Errorf("page: uncaught %s", e)
		}
		mu.Unlock()
		cancelCtx()
		cancelAlloc()
		// Chromium's child processes can still write in the profile for a
		// moment after the browser stops, and t.TempDir's removal would fail
		// on "directory not empty": remove it first, trying again.
		for range 50 {
			if err := os.RemoveAll(profile); err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Errorf("removing the browser's profile %s: still in use", profile)
	})
	return ctx
}

// navigate loads url in the tab, with a bound on the time it takes.
func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
}

// js evaluates a JavaScript expression in the page and decodes its value.
func js[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// node is what the page says of one argument.
type node struct {
	Found     bool    `json:"found"`
	Label     string  `json:"label"`
	Withdrawn string  `json:"withdrawn"`
	Score     *string `json:"score"`
}

// pageState is the state of the page as the tests see it.
type pageState struct {
	Nodes       map[string]node `json:"nodes"`
	Changed     string          `json:"changed"`
	Diagnostics string          `json:"diagnostics"` // the text of a visible #diagnostics, or ""
	MapShown    bool            `json:"mapShown"`    // some argument of the SVG is drawn
	Search      string          `json:"search"`
	// Status is the text of the page's #status line, if it has one: not
	// in the contract, only told when a check fails.
	Status string `json:"status"`
	// Evaluated counts the page's evaluations (body's data-evaluated), or
	// is -1 when the page does not say: a detail of the page, not of the
	// contract, used only to know that a choice was acted on.
	Evaluated int `json:"evaluated"`
}

// stateScript reads the page's state: every argument element is the <g> of
// the SVG whose id is the argument's id.
const stateScript = `(() => {
  const byID = new Map();
  for (const g of document.querySelectorAll('svg g[id]')) if (!byID.has(g.id)) byID.set(g.id, g);
  const nodes = {};
  for (const id of %s) {
    const g = byID.get(id);
    nodes[id] = g ? {found: true, label: g.getAttribute('data-label') || '', withdrawn: g.getAttribute('data-withdrawn') || '', score: g.getAttribute('data-score')}
                  : {found: false, label: '', withdrawn: '', score: null};
  }
  const ch = document.querySelector('span.page-changed');
  const d = document.querySelector('pre.page-diagnostics');
  const shown = d && d.getClientRects().length > 0 && getComputedStyle(d).visibility !== 'hidden';
  const mapShown = [...byID.values()].some(g => g.getClientRects().length > 0);
  const ev = document.body ? document.body.dataset.evaluated : undefined;
  const st = document.querySelector('.page-toolbar .page-status');
  return {nodes, changed: ch ? ch.textContent : '', diagnostics: shown ? d.textContent : '', mapShown, search: location.search,
          evaluated: ev === undefined ? -1 : Number(ev), status: st ? st.textContent : ''};
})()`

func readState(t *testing.T, ctx context.Context, ids []string) pageState {
	t.Helper()
	s, err := tryReadState(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// tryReadState is readState returning its error: while a new document
// loads, the page can have no body, or no context to evaluate in.
func tryReadState(ctx context.Context, ids []string) (pageState, error) {
	if ids == nil {
		ids = []string{}
	}
	list, _ := json.Marshal(ids)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](fmt.Sprintf(stateScript, list)))
	if err != nil {
		return s, fmt.Errorf("reading the page's state: %v", err)
	}
	return s, nil
}

// waitFor polls the page until check finds nothing wrong with its state,
// and returns the state and how long the wait took. It fails the test with
// the last complaint of check after timeout.
func waitFor(t *testing.T, ctx context.Context, ids []string, timeout time.Duration, check func(pageState) string) (pageState, time.Duration) {
	t.Helper()
	start := time.Now()
	for {
		s, err := tryReadState(ctx, ids)
		var msg string
		if err != nil {
			msg = err.Error()
		} else {
			msg = check(s)
		}
		if msg != "" && s.Status != "" {
			msg += "\n(the page's status line: " + s.Status + ")"
		}
		if msg == "" {
			return s, time.Since(start)
		}
		if time.Since(start) > timeout {
			t.Fatalf("after %v: %s", timeout, msg)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// labelled returns a check that the page shows eval's result r with the
// arguments without withdrawn: each evaluated argument has eval's label (and
// score, to 1e-9, under a gradual semantics) and is not withdrawn, each
// withdrawn one carries data-withdrawn="true".
func labelled(r evalResult, without ...string) func(pageState) string {
	return func(s pageState) string {
		if s.Diagnostics != "" {
			return "the page shows diagnostics instead of the map:\n" + s.Diagnostics
		}
		if !s.MapShown {
			return "the page shows no argument of the map"
		}
		var bad []string
		for _, id := range slices.Sorted(maps.Keys(s.Nodes)) {
			n := s.Nodes[id]
			if !n.Found {
				bad = append(bad, fmt.Sprintf("%s: no <g id=%q> in the page's SVG", id, id))
				continue
			}
			if slices.Contains(without, id) {
				if n.Withdrawn != "true" {
					bad = append(bad, fmt.Sprintf("%s: withdrawn, but data-withdrawn=%q", id, n.Withdrawn))
				}
				continue
			}
			if n.Withdrawn == "true" {
				bad = append(bad, fmt.Sprintf("%s: not withdrawn, but data-withdrawn=\"true\"", id))
			}
			if r.Scores != nil {
				want := r.Scores[id]
				if n.Score == nil {
					bad = append(bad, fmt.Sprintf("%s: no data-score, want %v", id, want))
				} else if got, err := strconv.ParseFloat(*n.Score, 64); err != nil || math.Abs(got-want) > 1e-9 {
					bad = append(bad, fmt.Sprintf("%s: data-score=%q, want %v", id, *n.Score, want))
				}
				continue
			}
			if want := r.Labels[id]; n.Label != want {
				bad = append(bad, fmt.Sprintf("%s: data-label=%q, want %q", id, n.Label, want))
			}
		}
		if len(bad) > 0 {
			return "the page's labels differ from argmap eval's:\n\t" + strings.Join(bad, "\n\t")
		}
		return ""
	}
}

// click clicks the argument id where a mouse would.
func click(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`svg g[id="%s"]`, id)))); err != nil {
		t.Fatalf("clicking %s: %v", id, err)
	}
}

// choose selects value in the <select> of the given id, as a user would,
// and, when the page counts its evaluations, waits for the next one, so that
// a check of the labels that follows cannot pass on the labels of before.
func choose(t *testing.T, ctx context.Context, selectID, value string) {
	t.Helper()
	before := readState(t, ctx, nil).Evaluated
	got := js[string](t, ctx, fmt.Sprintf(`(() => {
  const s = document.querySelector('select.page-' + %q);
  if (!s) return 'no <select> ' + %[1]q;
  if (![...s.options].some(o => o.value === %[2]q)) return 'no option ' + %[2]q + ' in #' + %[1]q;
  s.value = %[2]q;
  s.dispatchEvent(new Event('input', {bubbles: true}));
  s.dispatchEvent(new Event('change', {bubbles: true}));
  return '';
})()`, selectID, value))
	if got != "" {
		t.Fatal(got)
	}
	if before >= 0 {
		waitFor(t, ctx, nil, stepTimeout, func(s pageState) string {
			if s.Evaluated <= before {
				return fmt.Sprintf("choosing %s in #%s: the page did not evaluate again", value, selectID)
			}
			return ""
		})
	}
}

// options returns the option values of the <select> of the given id.
func options(t *testing.T, ctx context.Context, selectID string) []string {
	t.Helper()
	return js[[]string](t, ctx, fmt.Sprintf(`[...(document.querySelector('select.page-' + %q) || {options: []}).options].map(o => o.value)`, selectID))
}

// watchScript makes the page note when it last changed an argument's
// label or withdrawal, or the drawing: window.__e2e.t1 (performance.now) and
// .wall (Date.now); and when the last click began, .t0.
const watchScript = `(() => {
  if (!window.__e2e) {
    window.__e2e = {t0: 0, t1: 0, wall: 0};
    document.addEventListener('click', () => { window.__e2e.t0 = performance.now(); }, true);
    new MutationObserver(() => { window.__e2e.t1 = performance.now(); window.__e2e.wall = Date.now(); })
      .observe(document.documentElement, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-label', 'data-withdrawn', 'data-score']});
  }
  window.__e2e.t0 = window.__e2e.t1 = window.__e2e.wall = 0;
  return true;
})()`

// watch arms the page's change watch; see watchScript.
func watch(t *testing.T, ctx context.Context) {
	t.Helper()
	js[bool](t, ctx, watchScript)
}

// watched is what the change watch noted.
type watched struct {
	T0   float64 `json:"t0"`
	T1   float64 `json:"t1"`
	Wall float64 `json:"wall"`
}

func readWatch(t *testing.T, ctx context.Context) watched {
	t.Helper()
	return js[watched](t, ctx, `window.__e2e`)
}

// repoRoot is the root of the checkout, two directories up.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// copyMap copies the files of the directory dir (not below) into a
// temporary directory and returns it.
func copyMap(t *testing.T, dir string) string {
	t.Helper()
	to := t.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return to
}

// hover moves the mouse over the middle of the argument id, scrolled into
// view.
func hover(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	p := js[[]float64](t, ctx, fmt.Sprintf(`(() => {
  const g = document.querySelector('svg g[id=%q]');
  if (!g) return [];
  g.scrollIntoView({block: 'center', inline: 'center'});
  const r = g.getBoundingClientRect();
  return [r.x + r.width / 2, r.y + r.height / 2];
})()`, id))
	if len(p) != 2 {
		t.Fatalf("no <g id=%q> in the page's SVG", id)
	}
	if err := chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, p[0], p[1])); err != nil {
		t.Fatal(err)
	}
}
