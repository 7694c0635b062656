#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# valgrind memcheck of a short coded-learning-sim scenario (doc/hardening.rst; CTest test
# sim/valgrind). Fails (exit 99) on any memcheck error, including memory
# "definitely" or "indirectly" lost; "still reachable" blocks (ns-3's singletons and static
# registries) are reported in the summary but are not errors.
# Usage: utils/valgrind-sim.sh [simulator] [output folder] [extra simulator flags]
#   simulator: default $CODED_LEARNING_BUILD_DIR/examples/coded-learning-sim (build/)
#   output folder: default a new temporary folder (removed afterwards)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CODED_LEARNING_BUILD_DIR:-$root/build}
sim=${1:-$build/examples/coded-learning-sim}
out=${2:-}
shift $(($# > 2 ? 2 : $#))
[ -x "$sim" ] || { echo "valgrind-sim: $sim not found: run utils/build.sh first" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind-sim: valgrind is not installed" >&2; exit 1; }
if [ -z "$out" ]; then
    out=$(mktemp -d "${TMPDIR:-/tmp}/coded-learning-valgrind.XXXXXX")
    trap 'rm -rf "$out"' EXIT
fi
valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --num-callers=40 \
    "$sim" --dataset=synthetic --network=p2p --workers=4 --iterations=5 --outDir="$out" "$@"
