#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Determinism check (issue 7): coded-learning-sim with the same flags and --RngRun twice must
# write byte-identical iterations.csv (and summary.csv when the program writes one); a different
# --RngRun must draw different straggler (compute) times, visible in the iteration_time_s column.
# Usage: test/sim/determinism-test.sh <path to coded-learning-sim>
set -euo pipefail
sim=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# p2p network, two-stage code with persistently slow workers: the result depends on the drawn
# compute times, the code's random choices and the network's queues.
flags=(--dataset=synthetic --trainLimit=1000 --network=p2p --workers=6 --stragglers=1
       --scheme=two-stage --iterations=12 --evalInterval=4 --distribution=shifted-exponential)
run() {
    "$sim" "${flags[@]}" --RngRun="$1" --outDir="$tmp/$2" > "$tmp/$2.log" 2>&1 || {
        echo "FAIL: run $2 (--RngRun=$1) exited with $?"; cat "$tmp/$2.log"; exit 1; }
}
run 5 a
run 5 b
run 6 c
for f in iterations.csv summary.csv; do
    if [ -e "$tmp/a/$f" ]; then
        if ! cmp "$tmp/a/$f" "$tmp/b/$f"; then
            echo "FAIL: $f differs between two runs with --RngRun=5"
            diff "$tmp/a/$f" "$tmp/b/$f" | head -20
            exit 1
        fi
        echo "ok: $f identical for --RngRun=5 ($(wc -l < "$tmp/a/$f") lines)"
    elif [ "$f" = iterations.csv ]; then
        echo "FAIL: no iterations.csv written"
        exit 1
    fi
done
rows=$(($(wc -l < "$tmp/a/iterations.csv") - 1))
if [ "$rows" -ne 12 ]; then
    echo "FAIL: expected 12 iteration rows, got $rows"
    exit 1
fi
# Column 4 is iteration_time_s (the header is checked so that a reordering cannot hide a bug).
col=$(head -1 "$tmp/a/iterations.csv" | cut -d, -f4)
if [ "$col" != iteration_time_s ]; then
    echo "FAIL: column 4 of iterations.csv is '$col', expected iteration_time_s"
    exit 1
fi
cut -d, -f4 "$tmp/a/iterations.csv" > "$tmp/times5"
cut -d, -f4 "$tmp/c/iterations.csv" > "$tmp/times6"
differing=$(paste -d' ' "$tmp/times5" "$tmp/times6" | tail -n +2 | awk '$1 != $2' | wc -l)
echo "iteration times, --RngRun=5 vs 6:"
paste -d' ' "$tmp/times5" "$tmp/times6" | tail -n +2 | head -5
if [ "$differing" -lt 6 ]; then
    echo "FAIL: only $differing of 12 iteration times differ between --RngRun=5 and 6"
    exit 1
fi
echo "ok: $differing of 12 iteration times differ between --RngRun=5 and --RngRun=6"
if cmp -s "$tmp/a/iterations.csv" "$tmp/c/iterations.csv"; then
    echo "FAIL: iterations.csv is identical for --RngRun=5 and 6"
    exit 1
fi
echo PASS
