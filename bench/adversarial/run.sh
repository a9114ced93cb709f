#!/usr/bin/env bash
# run.sh runs the benchmarks of bench/adversarial — check, eval and solve on the
# adversarial shapes of issue 9, each at growing sizes — and prints a table of what
# each size cost and how the cost grew from the size before. See
# bench/adversarial/README.md.
#
# Usage, from anywhere in the repository:
#
#	bash bench/adversarial/run.sh
#
# Environment:
#
#	BENCH=REGEXP   the benchmarks to run (default "." : all), as go test -bench,
#	               e.g. 'Check/support-chain' or 'Solve/i23'
#	CAP=D          skip a size predicted to take more CPU time than D per run (default 20s)
#	ALLOC=BYTES    skip a size predicted to allocate more than BYTES (default 6 GiB)
#	RUNS=N         runs of each size (default 1; the table shows the mean)
#	RAW=FILE       also keep go test's own output in FILE
#
# The exit status is 1 if the benchmarks fail to build or run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/argmap-adversarial.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

go test -c -o "$tmp/adversarial.test" ./bench/adversarial
echo "# $(go version), $(uname -sm), $(nproc) CPUs, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"

# The benchmarks write their inputs under TMPDIR, which the trap removes with tmp.
TMPDIR=$tmp "$tmp/adversarial.test" -test.run '^$' -test.bench "${BENCH:-.}" -test.v \
	-test.benchtime "${RUNS:-1}x" -test.timeout 2h \
	-adversarial.cap "${CAP:-20s}" -adversarial.alloc "${ALLOC:-6442450944}" \
	>"$tmp/raw" 2>&1 || { cat "$tmp/raw" >&2; exit 1; }
if [[ -n "${RAW:-}" ]]; then
	cp "$tmp/raw" "$RAW"
fi

# A result line is "BenchmarkOp/shape/n=N-CPUS  RUNS  V UNIT  V UNIT ..."; a skipped
# size is "--- SKIP: BenchmarkOp/shape/n=N", after a line with the reason. The
# ratios compare each size with the one before it of the same op and shape: with a
# near-linear cost, time×, cpu× and alloc× are about n×.
awk '
function human(v, unit,   u) {
	if (unit == "s") {
		if (v >= 1) return sprintf("%.2f s", v)
		if (v >= 1e-3) return sprintf("%.1f ms", v * 1e3)
		return sprintf("%.0f µs", v * 1e6)
	}
	if (v >= 1e9) return sprintf("%.2f GB", v / 1e9)
	if (v >= 1e6) return sprintf("%.1f MB", v / 1e6)
	if (v >= 1e3) return sprintf("%.0f kB", v / 1e3)
	return sprintf("%d B", v)
}
function key(name) { sub(/\/n=[0-9]+(-[0-9]+)?$/, "", name); return name }
function size(name) { match(name, /n=[0-9]+/); return substr(name, RSTART + 2, RLENGTH - 2) + 0 }
function ratio(a, b) { return b > 0 ? sprintf("%.1f", a / b) : "-" }
BEGIN {
	printf "%-22s %10s %8s %9s %9s %9s %6s %5s %6s %6s %6s %8s %8s\n", "benchmark", "n", "input", "time", "cpu", "alloc", "errors", "n×", "time×", "cpu×", "alloc×", "ns/in-B", "B/in-B"
}
/^Benchmark/ && $2 ~ /^[0-9]+$/ {
	name = $1; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name)
	delete v
	for (i = 3; i < NF; i += 2) v[$(i + 1)] = $i
	k = key(name); n = size(name)
	t = v["ns/op"] / 1e9; c = v["cpu-ns/op"] / 1e9; a = v["B/op"]
	nx = (k in lastN) ? ratio(n, lastN[k]) : ""
	tx = (k in lastN) ? ratio(t, lastT[k]) : ""
	cx = (k in lastN) ? ratio(c, lastC[k]) : ""
	ax = (k in lastN) ? ratio(a, lastA[k]) : ""
	printf "%-22s %10d %8s %9s %9s %9s %6d %5s %6s %6s %6s %8.1f %8.1f\n", k, n, human(v["in-B"], "B"), human(t, "s"), human(c, "s"), human(a, "B"), v["errors"], nx, tx, cx, ax, v["ns/in-B"], v["alloc-B/in-B"]
	lastN[k] = n; lastT[k] = t; lastC[k] = c; lastA[k] = a
	next
}
/^ +adversarial_test\.go:[0-9]+: / { reason = $0; sub(/^ *[^ ]*: /, "", reason); next }
/^--- SKIP: Benchmark/ { skipped = $3; sub(/^Benchmark/, "", skipped)
	printf "%-22s %10d %s\n", key(skipped), size(skipped), reason
}
' "$tmp/raw"
