#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# CTest "sim/summary-csv" (label sim): runs coded-learning-sim on a tiny synthetic
# scenario and checks that summary.csv has the contract's header and one row whose values
# agree with iterations.csv (recomputed here, p95 by linear interpolation; on p2p the compute
# energy columns, with the radio and total energy nan: not modelled there), that the same
# flags give the same bytes, that --admission=lyapunov writes admission.csv whose last row
# (one row per slot) has summary.csv's Jain index, and that a bad --targetAccuracy is refused.
#   test/sim/summary-csv-test.sh <coded-learning-sim> <scratch folder>
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

contract="scheme,network,workers,stragglers,rng_run,iterations,decoded_iterations,target_accuracy,reached_target,time_to_target_s,iterations_to_target,final_accuracy,final_train_loss,mean_iteration_time_s,p95_iteration_time_s,mean_compute_load,compute_load_done,storage_redundancy,uplink_bytes_per_iteration,downlink_bytes_per_iteration,chunks_lost,jain_admitted,sim_time_s,radio_energy_per_iteration_j,compute_energy_per_iteration_j,energy_per_iteration_j,energy_to_target_j,radio_energy_to_target_j,compute_energy_to_target_j,total_energy_j,jain_energy,workers_alive"
tiny=(--dataset=synthetic --trainLimit=2000 --workers=5 --stragglers=1 --iterations=12
    --evalInterval=2 --network=p2p --slowFraction=0.2 --slowdown=4 --RngRun=3)

# Checks <dir>/summary.csv against <dir>/iterations.csv; $2 = expected target, $3 = scheme.
check_run() {
    local dir=$1 target=$2 scheme=$3
    [ -f "$dir/summary.csv" ] || fail "$dir/summary.csv missing"
    [ "$(wc -l <"$dir/summary.csv")" -eq 2 ] || fail "$dir/summary.csv: not exactly 2 lines"
    [ "$(head -1 "$dir/summary.csv")" = "$contract" ] || fail "$dir/summary.csv: header differs from the contract"
    local ncols
    ncols=$(sed -n 2p "$dir/summary.csv" | awk -F, '{ print NF }')
    [ "$ncols" -eq 32 ] || fail "$dir/summary.csv: $ncols columns in the data row, expected 32"
    local p95
    p95=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; ++i) if ($i == "iteration_time_s") c = i; next } { print $c }' \
        "$dir/iterations.csv" | sort -g | awk '{ x[NR - 1] = $1 } END {
            h = (NR - 1) * 0.95; lo = int(h); hi = lo + 1; if (hi > NR - 1) hi = NR - 1
            printf "%.12g", x[lo] + (h - lo) * (x[hi] - x[lo]) }')
    awk -F, -v target="$target" -v scheme="$scheme" -v p95="$p95" -v summary="$dir/summary.csv" '
        function close_enough(a, b) { d = a - b; if (d < 0) d = -d; m = (a < 0 ? -a : a); if (m < 1) m = 1; return d <= 1e-6 * m }
        function expect(name, want) {
            got = s[name]
            if (want == "nan" || got == "nan") { if (got != want) { printf "FAIL: %s = %s, expected %s\n", name, got, want; bad = 1 } }
            else if (!close_enough(got + 0, want + 0)) { printf "FAIL: %s = %s, expected %s\n", name, got, want; bad = 1 }
        }
        BEGIN {
            getline hl < summary; getline rl < summary
            nh = split(hl, hn, ","); split(rl, rv, ",")
            for (i = 1; i <= nh; ++i) s[hn[i]] = rv[i]
            reached = 0; tt = "nan"; it = "nan"; acc = "nan"; loss = "nan"; computeToTarget = "nan"
        }
        NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i; next }
        {
            n++
            if (n == 1) t0 = $col["sim_time_s"] - $col["iteration_time_s"]
            dec += $col["decoded"]; dur += $col["iteration_time_s"]; load += $col["compute_load"]
            compute += $col["compute_energy_j"]
            if ($col["radio_energy_j"] != "" || $col["energy_j"] != "") { printf "FAIL: p2p iteration %d has radio energy\n", n; bad = 1 }
            alive = $col["workers_alive"]
            if (!reached) computeToTarget = compute
            up += $col["bytes_up"]; down += $col["bytes_down"]; lost += $col["chunks_lost"]
            last = $col["sim_time_s"]
            if ($col["train_loss"] != "") loss = $col["train_loss"]
            if ($col["test_accuracy"] != "") {
                acc = $col["test_accuracy"]
                if (!reached && acc + 0 >= target + 0) { reached = 1; tt = $col["sim_time_s"] - t0; it = n }
            }
            if ($col["scheme"] != scheme) { printf "FAIL: iterations.csv scheme %s\n", $col["scheme"]; bad = 1 }
        }
        END {
            if (n == 0) { print "FAIL: iterations.csv has no rows"; exit 1 }
            if (s["scheme"] != scheme) { printf "FAIL: scheme = %s\n", s["scheme"]; bad = 1 }
            if (s["iterations"] != n) { printf "FAIL: iterations = %s, expected %d\n", s["iterations"], n; bad = 1 }
            if (s["decoded_iterations"] != dec) { printf "FAIL: decoded_iterations = %s, expected %d\n", s["decoded_iterations"], dec; bad = 1 }
            if (s["reached_target"] != reached) { printf "FAIL: reached_target = %s, expected %d\n", s["reached_target"], reached; bad = 1 }
            if (s["chunks_lost"] != lost) { printf "FAIL: chunks_lost = %s, expected %d\n", s["chunks_lost"], lost; bad = 1 }
            expect("target_accuracy", target)
            expect("time_to_target_s", tt)
            expect("iterations_to_target", it)
            expect("final_accuracy", acc)
            expect("final_train_loss", loss)
            expect("mean_iteration_time_s", dur / n)
            expect("p95_iteration_time_s", p95)
            expect("mean_compute_load", load / n)
            expect("uplink_bytes_per_iteration", up / n)
            expect("downlink_bytes_per_iteration", down / n)
            expect("sim_time_s", last)
            # Energy on p2p: compute only; the radio and the totals are not modelled (nan).
            expect("compute_energy_per_iteration_j", compute / n)
            expect("compute_energy_to_target_j", reached ? computeToTarget : "nan")
            expect("radio_energy_per_iteration_j", "nan")
            expect("energy_per_iteration_j", "nan")
            expect("energy_to_target_j", "nan")
            expect("total_energy_j", "nan")
            expect("jain_energy", "nan")
            expect("workers_alive", alive)
            if (compute <= 0) { print "FAIL: no compute energy"; bad = 1 }
            j = s["jain_admitted"] + 0
            if (s["jain_admitted"] == "nan" || j < 0.2 - 1e-9 || j > 1 + 1e-9) { printf "FAIL: jain_admitted = %s, expected in [1/n, 1]\n", s["jain_admitted"]; bad = 1 }
            exit bad
        }' "$dir/iterations.csv" || fail "$dir: summary.csv disagrees with iterations.csv"
}

# 1. Uncoded waits for the slow worker and reaches a low target; every column is checked.
"$sim" "${tiny[@]}" --scheme=uncoded --targetAccuracy=0.3 --outDir="$work/uncoded" >/dev/null
check_run "$work/uncoded" 0.3 uncoded
# Uncoded ignores --stragglers: nan, not the value that did not apply. Each worker stores its
# one partition (storage redundancy 1) and every task is computed to the end (work done =
# load assigned).
grep -q '^uncoded,p2p,5,nan,3,12,' "$work/uncoded/summary.csv" || fail "uncoded: identity columns"
awk -F, 'NR == 2 { exit !($17 == $16 && $18 == 1) }' "$work/uncoded/summary.csv" ||
    fail "uncoded: compute_load_done differs from mean_compute_load or storage_redundancy is not 1"
awk -F, 'NR == 2 { exit !($9 == 1 && $11 > 0) }' "$work/uncoded/summary.csv" ||
    fail "uncoded: target 0.3 not reached"

# 2. An unreachable target: reached_target 0 and nan times; ignore-stragglers drops the slow
#    worker's results, so the delivered bytes are unequal (Jain < 1).
"$sim" "${tiny[@]}" --scheme=ignore-stragglers --targetAccuracy=1 --outDir="$work/ignore" >/dev/null
check_run "$work/ignore" 1 ignore-stragglers
awk -F, 'NR == 2 && !($9 == 0 && $10 == "nan" && $11 == "nan" && $22 < 0.999) { exit 1 }' \
    "$work/ignore/summary.csv" || fail "ignore-stragglers: expected reached 0, nan, nan and Jain < 1"

# 3. Byte-identical repetition.
"$sim" "${tiny[@]}" --scheme=ignore-stragglers --targetAccuracy=1 --outDir="$work/ignore2" >/dev/null
cmp -s "$work/ignore/summary.csv" "$work/ignore2/summary.csv" || fail "same flags, different summary.csv"

# 4. Admission: admission.csv exists, one row per slot, its last Jain index is summary.csv's.
"$sim" "${tiny[@]}" --scheme=two-stage --admission=lyapunov --admissionCsvInterval=1 \
    --targetAccuracy=0.3 --outDir="$work/admission" >/dev/null
check_run "$work/admission" 0.3 two-stage
a="$work/admission/admission.csv"
[ "$(head -1 "$a")" = "time_s,slot,total_backlog,total_virtual_backlog,total_reservoir,admitted_total,delivered_total,jain_admitted,min_admitted_share,max_admitted_share,wasted_total,utility" ] ||
    fail "admission.csv header"
rows=$(($(wc -l <"$a") - 1))
[ "$rows" -gt 100 ] || fail "admission.csv has only $rows rows"
awk -F, 'NR > 1 && ($2 != NR - 2 || $3 < 0 || $8 < 0 || $8 > 1) { print "bad row " NR ": " $0; exit 1 }' "$a" ||
    fail "admission.csv: slots not consecutive or values out of range"
awk -F, 'NR > 1 && $3 > 0 { moved = 1 } END { exit !moved }' "$a" || fail "admission.csv: the backlog never moved"
last=$(tail -1 "$a" | cut -d, -f8)
jain=$(sed -n 2p "$work/admission/summary.csv" | cut -d, -f22)
awk -v a="$last" -v b="$jain" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 1e-6) }' ||
    fail "admission.csv ends with Jain $last, summary.csv says $jain"

# 5. Bad target: refused with the flag's name and a non-zero exit.
if "$sim" "${tiny[@]}" --targetAccuracy=1.5 --outDir="$work/bad" >"$work/bad.out" 2>&1; then
    fail "--targetAccuracy=1.5 accepted"
fi
grep -q 'targetAccuracy' "$work/bad.out" || fail "error message does not name targetAccuracy: $(cat "$work/bad.out")"
[ ! -f "$work/bad/summary.csv" ] || fail "summary.csv written despite the bad flag"

echo "PASS: summary.csv follows the contract and agrees with iterations.csv"
