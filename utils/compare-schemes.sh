#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Scheme comparison (doc/scheme-comparison.rst; README command 1 through utils/quickstart.sh):
# the preset "comparison" of the grid runner utils/sweep.py, with this script's command line:
#
#   utils/compare-schemes.sh [options] [outDir] [extra coded-learning-sim flags...]
#   = utils/sweep.py --preset comparison [options] --out outDir -- [extra flags...]
#
# Options (before outDir): --with-admission, --admission-bandwidth=HZ, --reference=NAME,
# --jobs=N, --no-plots (utils/sweep.py --help explains them). outDir defaults to
# results/comparison. Every gradient code, the no-straggler oracle and the ideal network (and
# with --with-admission two-stage with the Lyapunov admission) run on the same scenario and
# seed, each in <outDir>/<run>/; then comparison.csv, the table and the figures.
set -euo pipefail
options=()
while [ $# -gt 0 ]; do
    case "$1" in
    --with-admission | --no-plots | --jobs=* | --reference=* | --admission-bandwidth=*)
        options+=("$1")
        ;;
    --help | -h)
        sed -n '3,14p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *) break ;;
    esac
    shift
done
out=results/comparison
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    out=$1
    shift
fi
exec "$(dirname "$0")/sweep.py" --preset comparison "${options[@]}" --out "$out" -- "$@"
