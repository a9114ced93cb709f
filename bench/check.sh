#!/usr/bin/env bash
# check.sh measures what `argmap check` costs compared with the floor, a bare
# TOML decode of the same files. See bench/README.md for what it prints.
#
# Usage, from anywhere in the repository:
#
#	bash bench/check.sh
#
# Environment:
#
#	RUNS=N          measured runs of each command (default 10)
#	ARGMAP=PATH     use this argmap binary instead of building ./cmd/argmap
#	ARGMAP=floor    dry run: measure the floor against itself, to test this
#	                script without argmap
#
# The exit status is 1 if a measurement failed (a build, or a command that
# exited with a status above 1), and 0 otherwise, even if a target is missed.
set -euo pipefail

# A relative ARGMAP is relative to the caller's directory.
argmap=
if [[ -n ${ARGMAP:-} && $ARGMAP != floor ]]; then
	argmap=$(command -v "$ARGMAP") || {
		echo "check.sh: ARGMAP=$ARGMAP: no such command" >&2
		exit 1
	}
	[[ $argmap == /* ]] || argmap=$PWD/$argmap
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${RUNS:-10}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/argmap-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bin=$tmp/bin
data=$tmp/data
mkdir "$bin" "$data"

echo "== setup"
echo "$(go version), $(uname -sm), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs, $runs runs per figure"
go build -o "$bin/tomlfloor" ./bench/tomlfloor
go build -o "$bin/cputime" ./bench/cputime
go build -o "$bin/gen" ./bench/gen
floor=$bin/tomlfloor
cputime=$bin/cputime

# check_file and check_dir are the commands measured as argmap; the file or
# directory is appended.
case ${ARGMAP:-} in
"")
	if ! go build -o "$bin/argmap" ./cmd/argmap; then
		echo "check.sh: cannot build ./cmd/argmap; set ARGMAP to an argmap binary," >&2
		echo "check.sh: or ARGMAP=floor to test this script with the floor in its place" >&2
		exit 1
	fi
	check_file=("$bin/argmap" check)
	check_dir=("$bin/argmap" check)
	;;
floor)
	echo "ARGMAP=floor: dry run, the floor stands in for argmap check"
	check_file=("$floor")
	check_dir=() # the floor takes the files, not the directory; see below
	;;
*)
	check_file=("$argmap" check)
	check_dir=("$argmap" check)
	;;
esac
echo "argmap: ${check_file[*]}"

"$bin/gen" -n 1000 -seed 1 -o "$data/map-1k.toml"
"$bin/gen" -n 10000 -seed 1 -o "$data/map-10k.toml"
"$bin/gen" -n 50000 -seed 1 -o "$data/map-50k.toml"
"$bin/gen" -dir "$data/small" -files 1000 -per-file 5 -seed 1
small=("$data/small"/*.toml)
if ((${#check_dir[@]} == 0)); then
	dir_cmd=("$floor" "${small[@]}")
else
	dir_cmd=("${check_dir[@]}" "$data/small")
fi

failed=0

# sanity runs argmap once on a generated map: the maps are valid, so a
# report of problems means a bug in the generator or in argmap.
sanity() {
	local out status=0
	out=$("$@" 2>&1) || status=$?
	if ((status != 0)); then
		echo "WARNING: '$*' exits with status $status on generated maps, which are valid; its output begins:"
		printf '%s\n' "$out" | head -n 10
	fi
}
sanity "${check_file[@]}" "$data/map-1k.toml"
sanity "${dir_cmd[@]}"

# field prints the value of key=value field $2 on the line of label $1.
field() {
	awk -v label="label=$1" -v key="$2" '$1 == label {
		for (i = 2; i <= NF; i++) if (index($i, key "=") == 1) { v = substr($i, length(key) + 2); sub(/s$/, "", v); print v }
	}'
}

echo
echo "== (a) one map: floor (TOML decode) vs argmap check FILE, CPU time"
for size in 1k 10k 50k; do
	f=$data/map-$size.toml
	echo "-- $size arguments, $(wc -c <"$f" | tr -d ' ') bytes"
	if ! "$cputime" -n "$runs" -label floor -- "$floor" "$f" ::: -label argmap -- "${check_file[@]}" "$f" | tee "$tmp/a-$size.txt"; then
		echo "FAILED: measurement of the $size map"
		failed=1
	fi
done

echo
echo "== (b) 1,000 small maps (5 arguments each): argmap check DIR vs the floor over the same files in one process"
if ! "$cputime" -n "$runs" -label floor -- "$floor" "${small[@]}" ::: -label argmap -- "${dir_cmd[@]}" | tee "$tmp/b.txt"; then
	echo "FAILED: measurement of the directory"
	failed=1
fi

echo
echo "== (c) go test -run '^\$' -bench BenchmarkCheck -benchmem ./arguments/"
status=0
go test -run '^$' -bench BenchmarkCheck -benchmem ./arguments/ 2>&1 | tee "$tmp/c.txt" || status=$?
if ((status != 0)); then
	echo "(go test failed with status $status; the figures above are not affected)"
elif ! grep -q '^BenchmarkCheck' "$tmp/c.txt"; then
	echo "(no BenchmarkCheck in ./arguments yet)"
fi

echo
echo "== targets"
ratio=$(awk '$1 == "ratio" { print $4 }' "$tmp/a-10k.txt" 2>/dev/null || true)
if [[ -n $ratio ]]; then
	verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.5 ? "met" : "MISSED") }')
	echo "10k map, argmap/floor CPU median ratio: $ratio (target <= 1.5): $verdict"
else
	echo "10k map: no figure"
fi
wall=$(field argmap wall_median <"$tmp/b.txt" 2>/dev/null || true)
cpu=$(field argmap cpu_median <"$tmp/b.txt" 2>/dev/null || true)
if [[ -n $wall ]]; then
	verdict=$(awk -v w="$wall" 'BEGIN { print (w < 2 ? "met" : "MISSED") }')
	echo "argmap check DIR of 1,000 files: wall median ${wall}s, CPU median ${cpu}s (target: wall < 2 s): $verdict"
else
	echo "argmap check DIR: no figure"
fi
exit "$failed"
