#!/usr/bin/env bash
# render.sh measures argmap render against the Graphviz command on the same
# DOT, draws a generated map of 1,000 arguments, and compares PNG with PDF.
# See bench/render/README.md.
#
# Usage, from anywhere in the repository:
#
#	bash bench/render/render.sh
#
# Environment:
#
#	RUNS=N        measured runs of each command (default 10)
#	ARGMAP=PATH   use this argmap binary instead of building ./cmd/argmap
#	DOT=PATH      the Graphviz command to compare with (default: dot on PATH;
#	              Debian package graphviz)
#
# The exit status is 1 if a measurement failed, 0 otherwise, even if a
# target is missed.
set -euo pipefail

argmap=
if [[ -n ${ARGMAP:-} ]]; then
	argmap=$(command -v "$ARGMAP") || {
		echo "render.sh: ARGMAP=$ARGMAP: no such command" >&2
		exit 1
	}
	[[ $argmap == /* ]] || argmap=$PWD/$argmap
fi
dot=${DOT:-dot}
if ! command -v "$dot" >/dev/null; then
	echo "render.sh: no Graphviz command $dot: install the Debian package graphviz, or set DOT" >&2
	exit 1
fi

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${RUNS:-10}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/argmap-render-bench.XXXXXX")
bin=$tmp/bin
mkdir "$bin"

go build -o "$bin/cputime" ./bench/cputime
go build -o "$bin/gen" ./bench/gen
if [[ -z $argmap ]]; then
	go build -o "$bin/argmap" ./cmd/argmap
	argmap=$bin/argmap
fi
cputime=$bin/cputime
# argmap keeps Graphviz's compiled code in the user's cache directory: give
# it one of its own, to measure the first run without a cache and the
# others with it.
export XDG_CACHE_HOME=$tmp/cache HOME=$tmp/home
mkdir -p "$HOME"
# Every figure but (e) is of argmap rendering in its own process, with no
# Graphviz server.
export ARGMAP_RENDER_SERVER=off
server_pid() {
	local f
	for f in "$XDG_CACHE_HOME"/argmap/graphviz/server-*.sock.lock; do
		[[ -e $f ]] && cat "$f"
	done
}
trap 'pid=$(server_pid); [[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

echo "== setup"
echo "$(go version), $(uname -sm), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs, $runs runs per figure"
echo "argmap: $argmap"
echo "graphviz: $("$dot" -V 2>&1)"
example=examples/drone-strikes/debate.toml
"$argmap" render -f dot -o "$tmp/example.dot" "$example"

failed=0
echo
echo "== (a) the example, first run: argmap render without a cache, then with it (wall time)"
for run in cold warm; do
	start=$(date +%s%N)
	"$argmap" render -o "$tmp/example.svg" "$example"
	end=$(date +%s%N)
	echo "$run: $(((end - start) / 1000000)) ms"
done

echo
echo "== (b) the example: $dot -Tsvg on argmap's DOT vs the whole argmap render, in its own process, CPU time"
if ! "$cputime" -n "$runs" -label dot -- "$dot" -Tsvg -o "$tmp/native.svg" "$tmp/example.dot" \
	::: -label argmap -- "$argmap" render -o "$tmp/example.svg" "$example" | tee "$tmp/b.txt"; then
	echo "FAILED: measurement of the example"
	failed=1
fi

echo
echo "== (c) a generated map of 1,000 arguments: argmap render, SVG"
"$bin/gen" -n 1000 -seed 1 -o "$tmp/map-1k.toml"
if ! "$cputime" -n 3 -label argmap-1k -- "$argmap" render -o "$tmp/map-1k.svg" "$tmp/map-1k.toml" | tee "$tmp/c.txt"; then
	echo "FAILED: measurement of the 1,000-argument map"
	failed=1
fi

echo
echo "== (d) argmap check of the example: Graphviz is not started"
"$cputime" -n "$runs" -label check -- "$argmap" check "$example" | tee "$tmp/d.txt" || failed=1

echo
echo "== (e) the example again, with the Graphviz server that the first render starts"
ARGMAP_RENDER_SERVER=on "$argmap" render -o "$tmp/example.svg" "$example"
for _ in $(seq 100); do
	[[ -S $(ls "$XDG_CACHE_HOME"/argmap/graphviz/server-*.sock 2>/dev/null | head -1) ]] && break
	sleep 0.1
done
pid=$(server_pid)
server_cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
before=$(server_cpu "$pid")
# require: a render that does not reach the server fails, rather than
# being measured in its own process.
if ! ARGMAP_RENDER_SERVER=require "$cputime" -n "$runs" -label dot -- "$dot" -Tsvg -o "$tmp/native.svg" "$tmp/example.dot" \
	::: -label argmap -- "$argmap" render -o "$tmp/example.svg" "$example" | tee "$tmp/e.txt"; then
	echo "FAILED: measurement with the server"
	failed=1
fi
after=$(server_cpu "$pid")
# cputime runs each command once more, unmeasured, to warm up.
ticks=$(getconf CLK_TCK)
awk -v b="$before" -v a="$after" -v n="$((runs + 1))" -v t="$ticks" \
	'BEGIN { printf "server CPU per render: %.4fs (over %d renders)\n", (a - b) / t / n, n }' | tee -a "$tmp/e.txt"

echo
echo "== (f) PNG against PDF: the whole argmap render of the example, in its own process, CPU time"
if ! "$cputime" -n "$runs" -label pdf -- "$argmap" render -o "$tmp/example.pdf" "$example" \
	::: -label png-192dpi -- "$argmap" render --dpi 192 -o "$tmp/example.png" "$example" \
	::: -label png-300dpi -- "$argmap" render --dpi 300 -o "$tmp/example.png" "$example" | tee "$tmp/f.txt"; then
	echo "FAILED: measurement of PNG and PDF"
	failed=1
fi

echo
echo "== (g) PNG against PDF: the drawing step alone (go test -bench Write ./renderers/png), after the layout"
if go test -run '^$' -bench '^BenchmarkWrite$' -benchtime "${runs}x" ./renderers/png >"$tmp/g.raw" 2>&1; then
	awk '$1 ~ /^BenchmarkWrite\// {
		name = $1; sub(/^BenchmarkWrite\//, "", name); sub(/-[0-9]+$/, "", name)
		wall[name] = $3; cpu[name] = $5; names[++n] = name
		printf "%-11s %8.1f ms/op  %8.1f ms CPU/op\n", name, $3 / 1e6, $5 / 1e6
	}
	END {
		for (i = 1; i <= n; i++) if (names[i] != "pdf" && cpu["pdf"] > 0)
			printf "ratio %s/pdf = %.2f (cpu; wall %.2f)\n", names[i], cpu[names[i]] / cpu["pdf"], wall[names[i]] / wall["pdf"]
	}' "$tmp/g.raw" | tee "$tmp/g.txt"
else
	cat "$tmp/g.raw"
	echo "FAILED: go test -bench of renderers/png"
	failed=1
fi

echo
echo "== targets"
ratio=$(awk '$1 == "ratio" { print $4 }' "$tmp/b.txt" 2>/dev/null || true)
if [[ -n $ratio ]]; then
	verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.5 ? "met" : "MISSED") }')
	echo "example, argmap render in its own process / $dot -Tsvg, CPU median ratio: $ratio"
fi
wratio=$(awk '$1 == "ratio" { sub(/\)$/, "", $NF); sub(/^wall_median=/, "", $NF); print $NF }' "$tmp/e.txt" 2>/dev/null || true)
if [[ -n $wratio ]]; then
	verdict=$(awk -v r="$wratio" 'BEGIN { print (r <= 1.5 ? "met" : "MISSED") }')
	echo "example, argmap render with the server / $dot -Tsvg, wall median ratio: $wratio (target <= 1.5): $verdict"
fi
wall=$(awk '$1 == "label=argmap-1k" { for (i = 2; i <= NF; i++) if ($i ~ /^wall_median=/) { v = substr($i, 13); sub(/s$/, "", v); print v } }' "$tmp/c.txt")
if [[ -n $wall ]]; then
	verdict=$(awk -v w="$wall" 'BEGIN { print (w <= 5 ? "met" : "MISSED") }')
	echo "1,000 arguments, argmap render wall median: ${wall}s (target: a few seconds, <= 5 s): $verdict"
fi
for dpi in 192 300; do
	r=$(awk -v l="png-${dpi}dpi" '$1 == "ratio" && $2 == l"/pdf" { print $4 }' "$tmp/f.txt" 2>/dev/null || true)
	if [[ -n $r ]]; then
		verdict=$(awk -v r="$r" 'BEGIN { print (r <= 2 ? "met" : "MISSED") }')
		echo "example, PNG at $dpi dpi / PDF, whole render, CPU median ratio: $r (target <= 2): $verdict"
	fi
	r=$(awk -v l="png-${dpi}dpi" '$1 == "ratio" && $2 == l"/pdf" { print $4 }' "$tmp/g.txt" 2>/dev/null || true)
	if [[ -n $r ]]; then
		verdict=$(awk -v r="$r" 'BEGIN { print (r <= 2 ? "met" : "MISSED") }')
		echo "example, PNG at $dpi dpi / PDF, drawing step alone, CPU ratio: $r (target <= 2): $verdict"
	fi
done
exit "$failed"
