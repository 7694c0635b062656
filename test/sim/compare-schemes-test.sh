#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# CTest "sim/compare-schemes" (label sim): runs utils/compare-schemes.sh --with-admission
# (utils/sweep.py --preset comparison) on a tiny synthetic scenario and checks that every run
# has its folder and summary.csv, that comparison.csv has the run name plus the summary.csv
# columns and one row per run in order, that the table is printed, that the five figures are
# PNG files, and that --collect-only writes the same comparison.csv and table again.
#   test/sim/compare-schemes-test.sh <module root> <build folder> <scratch folder>
set -euo pipefail
if [ $# -ne 3 ]; then
    echo "usage: $0 <module root> <build folder> <scratch folder>" >&2
    exit 2
fi
root=$1
build=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

CODED_LEARNING_BUILD_DIR=$build "$root/utils/compare-schemes.sh" --with-admission --jobs=2 \
    "$work/cmp" --dataset=synthetic --trainLimit=1000 --iterations=6 --network=p2p \
    --targetAccuracy=0.5 >"$work/out.txt" 2>&1 || {
    cat "$work/out.txt" >&2
    fail "compare-schemes.sh failed"
}

runs=(uncoded ignore-stragglers k-sync fractional-repetition cyclic-repetition approximate partial
    two-stage oracle-no-stragglers ideal-network two-stage-lyapunov)
csv="$work/cmp/comparison.csv"
[ -f "$csv" ] || fail "comparison.csv missing"
header="run,$(head -1 "$work/cmp/uncoded/summary.csv")"
[ "$(head -1 "$csv")" = "$header" ] || fail "comparison.csv header is not run + summary.csv's"
[ "$(($(wc -l <"$csv") - 1))" -eq ${#runs[@]} ] || fail "comparison.csv: expected ${#runs[@]} rows"
i=2
for r in "${runs[@]}"; do
    [ -f "$work/cmp/$r/iterations.csv" ] || fail "$r/iterations.csv missing"
    row=$(sed -n "${i}p" "$csv")
    [ "$row" = "$r,$(sed -n 2p "$work/cmp/$r/summary.csv")" ] || fail "row $i is not $r's summary"
    grep -q "^| $r " "$work/out.txt" || fail "table has no line for $r"
    i=$((i + 1))
done
# The reference runs: no slow workers, resp. the ideal network; fractional-repetition with
# s = 4 (the smallest s >= 2 with (s + 1) | 10).
grep -q '^oracle-no-stragglers,uncoded,p2p,' "$csv" || fail "oracle row"
grep -q '^ideal-network,uncoded,ideal,' "$csv" || fail "ideal-network row"
grep -q '^fractional-repetition,fractional-repetition,p2p,10,4,' "$csv" || fail "fractional s"
[ -f "$work/cmp/two-stage-lyapunov/admission.csv" ] || fail "admission.csv of the admission run"
for f in accuracy loss iteration-cdf load-uplink admission; do
    png="$work/cmp/comparison-$f.png"
    [ -s "$png" ] || fail "$png missing"
    [ "$(head -c 4 "$png" | od -An -c | tr -d ' ')" = '211PNG' ] || fail "$png is not a PNG"
done
cp "$csv" "$work/first.csv"
rm "$work/cmp/comparison-loss.png"
"$root/utils/sweep.py" --preset comparison --out "$work/cmp" --collect-only >"$work/again.txt" 2>&1 || {
    cat "$work/again.txt" >&2
    fail "sweep.py --preset comparison --collect-only failed"
}
cmp -s "$csv" "$work/first.csv" || fail "--collect-only wrote another comparison.csv"
[ "$(grep '^|' "$work/again.txt")" = "$(grep '^|' "$work/out.txt")" ] || fail "--collect-only table"
[ -s "$work/cmp/comparison-loss.png" ] || fail "--collect-only did not redraw the figures"
echo "PASS: compare-schemes.sh ran ${#runs[@]} runs, wrote comparison.csv, the table and 5 figures;" \
    "--collect-only redid them"
