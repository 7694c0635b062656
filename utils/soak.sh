#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Soak run (doc/hardening.rst): coded-learning-sim on the synthetic data set for 250, 500, 1000
# and 2000 iterations; reports the peak resident memory of each run, which must not grow with
# the number of iterations. Not a timed test.
# Usage: utils/soak.sh [output folder, default results/soak] [extra coded-learning-sim flags]
#   The simulator is $CODED_LEARNING_BUILD_DIR/examples/coded-learning-sim (default build/);
#   the iteration counts can be changed with SOAK_ITERATIONS="250 500 1000 2000".
# Output: <folder>/soak.csv with columns
#   iterations,peak_rss_kib,wall_s,decoded_iterations,csv_rows
# (peak RSS and wall time from GNU time -v when /usr/bin/time exists, else from
# /proc/<pid>/status VmHWM sampled just before the process exits, and date).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CODED_LEARNING_BUILD_DIR:-$root/build}
out=${1:-$root/results/soak}
shift || true
sim="$build/examples/coded-learning-sim"
[ -x "$sim" ] || { echo "soak: $sim not found: run utils/build.sh first" >&2; exit 1; }
mkdir -p "$out"
csv="$out/soak.csv"
echo "iterations,peak_rss_kib,wall_s,decoded_iterations,csv_rows" >"$csv"
flags=(--dataset=synthetic --network=p2p --workers=4 --stragglers=1 --scheme=two-stage
       --model=softmax --evalInterval=10 "$@")
for n in ${SOAK_ITERATIONS:-250 500 1000 2000}; do
    run="$out/run-$n"
    mkdir -p "$run"
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$run/time.txt" "$sim" "${flags[@]}" --iterations="$n" \
            --outDir="$run" >"$run/stdout.txt" 2>"$run/stderr.txt"
        rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$run/time.txt")
        wall=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' \
            "$run/time.txt" | awk -F: '{s = 0; for (i = 1; i <= NF; ++i) s = s * 60 + $i; print s}')
    else
        start=$(date +%s.%N)
        "$sim" "${flags[@]}" --iterations="$n" --outDir="$run" >"$run/stdout.txt" \
            2>"$run/stderr.txt" &
        pid=$!
        rss=0
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null || true)
            [ -n "$hwm" ] && rss=$hwm
            sleep 0.2
        done
        wait "$pid"
        wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    fi
    # Decoded iterations and rows of iterations.csv (the per-iteration record).
    decoded=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; ++i) if ($i == "decoded") c = i; next }
                       $c == 1 { ++d } END { print d + 0 }' "$run/iterations.csv")
    rows=$(($(wc -l <"$run/iterations.csv") - 1))
    echo "$n,$rss,$wall,$decoded,$rows" >>"$csv"
    echo "soak: $n iterations: peak RSS $rss KiB, $wall s, $decoded decoded, $rows CSV rows"
done
echo "soak: table in $csv"
