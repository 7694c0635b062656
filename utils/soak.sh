#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Soak run (doc/hardening.rst): the preset "soak" of the grid runner utils/sweep.py:
# coded-learning-sim on the synthetic data set for 250, 500, 1000 and 2000 iterations, one
# after the other, measured with GNU time; <folder>/soak.csv gives the peak resident memory of
# each run, which must not grow with the number of iterations. Not a timed test.
#
#   utils/soak.sh [output folder, default results/soak] [extra coded-learning-sim flags]
#   = utils/sweep.py --preset soak --out <folder> [--grid iterations=...] -- [extra flags]
#
# SOAK_ITERATIONS="250 500 1000 2000" changes the iteration counts. The simulator is
# $CODED_LEARNING_BUILD_DIR/examples/coded-learning-sim (default build/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/results/soak}
shift || true
grid=()
if [ -n "${SOAK_ITERATIONS:-}" ]; then
    read -ra counts <<<"$SOAK_ITERATIONS"
    grid=(--grid "iterations=$(IFS=,; echo "${counts[*]}")")
fi
exec "$root/utils/sweep.py" --preset soak --out "$out" "${grid[@]}" -- "$@"
