#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# End-to-end cost of coded-learning-sim against the number of workers and the network
# (doc/performance.rst): the preset "scaling" of the grid runner utils/sweep.py. For each n in
# $WORKERS and network in $NETWORKS it runs the same training (Fashion-MNIST, the same scheme
# and flags) with 1 and with 1 + $ITERATIONS iterations, one run at a time, measured with GNU
# time, and takes the difference, so that loading the data and building the network are not
# counted per iteration. Writes $OUT/scaling.csv, $OUT/ratio.csv and $OUT/scaling.png.
#
#   utils/benchmark-scaling.sh                              # the full matrix (about 30 min)
#   WORKERS="10 100" NETWORKS="wifi ideal" ITERATIONS=5 utils/benchmark-scaling.sh
#   utils/benchmark-scaling.sh --model=mlp                  # extra flags go to every run
#   = utils/sweep.py --preset scaling [--grid workers=10,100 --grid network=wifi,ideal
#       --grid iterations=1,6 --timeout S --title T --collect-only --out OUT] -- [flags]
#
# Environment (each maps to the option above; unset: the preset's default): WORKERS (default
# "10 50 100 200"), NETWORKS (default "wifi p2p ideal"), ITERATIONS (K, default 10), SCHEME
# (default two-stage), TIMEOUT (seconds per run, default 900: a run that takes longer is
# killed and its row says "timeout"), OUT (default results/scaling), PLOT_ONLY=1 (only redo the
# tables and the figure from the runs in $OUT), TITLE (a suffix for the figure's title). The
# simulator is $CODED_LEARNING_BUILD_DIR/examples/coded-learning-sim (default build/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
args=(--preset scaling)
flags=()
list() { # "10 50 100" -> 10,50,100
    local -a values
    read -ra values <<<"$1"
    local IFS=,
    echo "${values[*]}"
}
[ -z "${WORKERS:-}" ] || args+=(--grid "workers=$(list "$WORKERS")")
[ -z "${NETWORKS:-}" ] || args+=(--grid "network=$(list "$NETWORKS")")
if [ -n "${ITERATIONS:-}" ]; then
    if ! [[ "$ITERATIONS" =~ ^[1-9][0-9]*$ ]]; then
        echo "$0: ITERATIONS=$ITERATIONS: must be a positive integer" >&2
        exit 2
    fi
    args+=(--grid "iterations=1,$((ITERATIONS + 1))")
fi
[ -z "${TIMEOUT:-}" ] || args+=(--timeout "$TIMEOUT")
[ -z "${TITLE:-}" ] || args+=(--title "$TITLE")
[ -z "${OUT:-}" ] || args+=(--out "$OUT")
[ -z "${SCHEME:-}" ] || flags+=(--scheme="$SCHEME")
if [ "${PLOT_ONLY:-0}" = 1 ]; then
    exec "$root/utils/sweep.py" "${args[@]}" --collect-only
fi
exec "$root/utils/sweep.py" "${args[@]}" -- "${flags[@]}" "$@"
