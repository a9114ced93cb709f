#!/usr/bin/env bash
# run.sh compares argmap solve with clingo, on the same i23 files, side by
# side, task by task. See bench/iccma/README.md.
#
# Usage, from anywhere in the repository:
#
#	bash bench/iccma/run.sh
#
# Environment:
#
#	SUITE=NAME     default (59 frameworks: several hours with every task,
#	               most of it runs that neither solver finishes within the
#	               limit), reduced (22 frameworks, every family: about three
#	               hours) or small (seconds)
#	TASKS=T,...    the ICCMA tasks (default: all 28 that argmap solve accepts)
#	TIMEOUT=D      CPU-time limit per run (default 30s)
#	VERBOSE=1      print every run as it ends
#	KEEP=DIR       write the instances into DIR and keep them
#
# It needs Go and clingo (Debian package gringo). The exit status is 1 if
# the solvers disagree on an answer or a step fails.
set -euo pipefail

if ! command -v clingo >/dev/null; then
	echo "run.sh: no clingo: install the Debian package gringo" >&2
	exit 1
fi
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/argmap-iccma-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bin=$tmp/bin
mkdir "$bin"
go build -o "$bin/" ./cmd/argmap ./bench/iccma/driver ./bench/iccma/compare ./bench/iccma/gen

instances=${KEEP:-$tmp/instances}
suite=${SUITE:-default}
"$bin/gen" -suite "$suite" -dir "$instances"

echo "== setup"
echo "$(go version), $(uname -sm), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs"
echo "argmap: $("$bin/argmap" solve | head -1)"
echo "clingo: $(clingo --version | head -1)"
echo "suite $suite: $(ls "$instances"/*.i23 | wc -l) frameworks in $instances"
echo

args=(-dir "$instances" -argmap "$bin/argmap" -driver "$bin/driver" -asp bench/iccma/asp
	-timeout "${TIMEOUT:-30s}")
if [[ -n ${TASKS:-} ]]; then
	args+=(-tasks "$TASKS")
fi
if [[ -n ${VERBOSE:-} ]]; then
	args+=(-v)
fi
"$bin/compare" "${args[@]}"
