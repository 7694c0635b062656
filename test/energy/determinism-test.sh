#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# CTest "energy/determinism" (label energy): the energy figures are byte-identical per
# --RngRun. coded-learning-sim on a small Wi-Fi cell with heterogeneous CPU frequencies and a
# battery that runs out mid-run, twice with --RngRun=5: iterations.csv, summary.csv and
# energy.csv must be the same bytes; once with --RngRun=6: the energy columns must differ.
#   test/energy/determinism-test.sh <coded-learning-sim> <scratch folder>
set -euo pipefail
if [ $# -ne 2 ]; then
    echo "usage: $0 <coded-learning-sim> <scratch folder>" >&2
    exit 2
fi
sim=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
flags=(--dataset=synthetic --trainLimit=1000 --workers=5 --stragglers=1 --scheme=two-stage
    --iterations=12 --evalInterval=4 --network=wifi --cpuFrequency=1.2e9,1.5e9,1.8e9,1.8e9,1e9
    --battery=0,0,0,1.05,0)
run() {
    "$sim" "${flags[@]}" --RngRun="$1" --outDir="$work/$2" >"$work/$2.log" 2>&1 ||
        { cat "$work/$2.log" >&2; fail "run $2 (--RngRun=$1) exited with $?"; }
}
run 5 a
run 5 b
run 6 c
for f in iterations.csv summary.csv energy.csv; do
    [ -s "$work/a/$f" ] || fail "$f not written"
    cmp "$work/a/$f" "$work/b/$f" || fail "$f differs between two runs with --RngRun=5"
    echo "ok: $f identical for --RngRun=5 ($(wc -l <"$work/a/$f") lines)"
done
# The battery of worker 3 runs out (a depletion time in energy.csv) and iterations.csv says so.
depleted=$(awk -F, 'NR > 1 && $2 == "worker" && $3 == 3 { print $10 }' "$work/a/energy.csv")
[ -n "$depleted" ] || fail "worker 3's battery did not run out (energy.csv column depleted_at_s)"
tail -1 "$work/a/iterations.csv" | grep -q ',4,11101$' || fail "last row of iterations.csv: alive flags"
# Another run number draws other compute times: other energies.
first=$(head -1 "$work/a/iterations.csv" | tr , '\n' | grep -n '^radio_energy_j$' | cut -d: -f1)
[ -n "$first" ] || fail "iterations.csv has no radio_energy_j column"
cut -d, -f"$first"- "$work/a/iterations.csv" >"$work/energy5"
cut -d, -f"$first"- "$work/c/iterations.csv" >"$work/energy6"
if cmp -s "$work/energy5" "$work/energy6"; then
    fail "the energy columns are the same for --RngRun=5 and 6"
fi
cmp -s "$work/a/energy.csv" "$work/c/energy.csv" && fail "energy.csv is the same for --RngRun=5 and 6"
echo "PASS: energy figures byte-identical per --RngRun (worker 3's battery ran out at ${depleted} s)"
