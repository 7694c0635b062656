#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Scheme comparison: runs coded-learning-sim for every gradient code on the same scenario and
# seed, plus the no-straggler oracle and the ideal network, in parallel with GNU parallel,
# each in its own folder; then writes <outDir>/comparison.csv (one row per run: the run name
# and its summary.csv), prints a table and draws the figures (utils/plot-comparison.sh).
#
#   utils/compare-schemes.sh [options] [outDir] [extra coded-learning-sim flags...]
#
# Options (before outDir):
#   --with-admission   also run two-stage with --admission=lyapunov (run "two-stage-lyapunov";
#                      its admission.csv gives the backlog and fairness figure); the
#                      scheduler's slotted channel gets the Wi-Fi channel's 20 MHz
#   --admission-bandwidth=HZ  that bandwidth (default 20e6; the scheduler's own default,
#                      1e6, makes every upload wait about 0.7 s for its grant)
#   --jobs=N           parallel runs (default: nproc)
#   --reference=NAME   scheme of the two reference runs (default: uncoded)
#   --no-plots         skip the figures
#   --help
# outDir defaults to results/comparison. Extra flags go to every run after the defaults
# below (the last value of a flag wins), e.g. --iterations=30 --network=p2p --RngRun=2.
# Runs:
#   <scheme>               every scheme on the scenario (fractional-repetition needs
#                          (s + 1) | n: it uses the smallest s' >= s that divides, 4 for n = 10)
#   oracle-no-stragglers   the reference scheme with --slowFraction=0 (no slow workers)
#   ideal-network          the reference scheme with --network=ideal (no network delay)
# Default scenario: Fashion-MNIST, softmax regression, 10 workers on 802.11ax Wi-Fi, 2 of
# them persistently 4x slower, 60 iterations, test accuracy every 2 iterations, RngRun 1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CODED_LEARNING_BUILD_DIR:-$root/build}
sim="$build/examples/coded-learning-sim"

with_admission=0
jobs=$(nproc)
reference=uncoded
plots=1
admission_bandwidth=20e6
while [ $# -gt 0 ]; do
    case "$1" in
    --with-admission) with_admission=1 ;;
    --jobs=*) jobs=${1#--jobs=} ;;
    --reference=*) reference=${1#--reference=} ;;
    --admission-bandwidth=*) admission_bandwidth=${1#--admission-bandwidth=} ;;
    --no-plots) plots=0 ;;
    --help | -h)
        sed -n '3,29p' "$0" | sed 's/^# \{0,1\}//'
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
extra=("$@")

if ! [[ "$jobs" =~ ^[1-9][0-9]*$ ]]; then
    echo "$0: --jobs=$jobs: must be a positive integer" >&2
    exit 2
fi
if [ ! -x "$sim" ]; then
    echo "$0: $sim not found: build first (utils/build.sh)" >&2
    exit 1
fi
if ! command -v parallel >/dev/null 2>&1; then
    echo "$0: GNU parallel not found (Debian package 'parallel'; utils/install-deps.sh)" >&2
    exit 1
fi

base=(--dataset=fashion-mnist --model=softmax --network=wifi --wifiStandard=802.11ax
    --workers=10 --stragglers=2 --slowFraction=0.2 --slowdown=4 --iterations=60
    --evalInterval=2 --targetAccuracy=0.80 --RngRun=1)
flags=("${base[@]}" "${extra[@]}")

# The effective n and s (the last occurrence wins, as in ns-3's CommandLine).
workers=10
stragglers=2
for f in "${flags[@]}"; do
    case "$f" in
    --workers=*) workers=${f#--workers=} ;;
    --stragglers=*) stragglers=${f#--stragglers=} ;;
    esac
done
if ! [[ "$workers" =~ ^[0-9]+$ && "$stragglers" =~ ^[0-9]+$ ]]; then
    echo "$0: --workers=$workers --stragglers=$stragglers: must be integers" >&2
    exit 2
fi
# fractional-repetition: the smallest s' >= s with (s' + 1) | n (s' = n - 1 always works).
frs=$stragglers
while [ "$frs" -lt "$((workers - 1))" ] && [ $((workers % (frs + 1))) -ne 0 ]; do
    frs=$((frs + 1))
done

schemes=(uncoded ignore-stragglers k-sync fractional-repetition cyclic-repetition approximate
    partial two-stage)
mkdir -p "$out"
out=$(cd "$out" && pwd)
cmds="$out/commands.txt"
: >"$cmds"
runs=()
add_run() { # name, then run-specific flags (they come last and win)
    local name=$1
    shift
    local cmd
    cmd=$(printf '%q ' "$sim" "${flags[@]}" "$@" "--outDir=$out/$name")
    printf 'mkdir -p %q && %s> %q 2> %q && echo %q\n' "$out/$name" "$cmd" \
        "$out/$name/stdout.txt" "$out/$name/stderr.txt" "finished: $name" >>"$cmds"
    runs+=("$name")
}
for s in "${schemes[@]}"; do
    if [ "$s" = fractional-repetition ]; then
        add_run "$s" --scheme="$s" --stragglers="$frs"
    else
        add_run "$s" --scheme="$s"
    fi
done
add_run oracle-no-stragglers --scheme="$reference" --slowFraction=0
add_run ideal-network --scheme="$reference" --network=ideal
if [ "$with_admission" = 1 ]; then
    add_run two-stage-lyapunov --scheme=two-stage --admission=lyapunov \
        "--ns3::LyapunovSlotScheduler::Bandwidth=$admission_bandwidth"
fi

echo "== scheme comparison: ${#runs[@]} runs, $jobs in parallel, output in $out =="
echo "scenario: ${flags[*]}"
echo "commands: $cmds (one line per run; stdout/stderr in each run's folder)"
progress=()
if [ -t 2 ]; then
    progress=(--bar) # a progress bar on a terminal; "finished: <run>" lines otherwise
fi
start=$(date +%s)
if ! parallel --will-cite "${progress[@]}" -j "$jobs" --halt soon,fail=1 \
    --joblog "$out/joblog.txt" <"$cmds"; then
    echo "$0: some runs failed; see $out/joblog.txt and the runs' stderr.txt:" >&2
    for r in "${runs[@]}"; do
        if [ -s "$out/$r/stderr.txt" ]; then
            echo "--- $r" >&2
            tail -5 "$out/$r/stderr.txt" >&2
        fi
    done
    exit 1
fi
echo "runs finished in $(($(date +%s) - start)) s (wall clock)"

# comparison.csv: run name + the summary.csv row of every run, in the order above.
csv="$out/comparison.csv"
header=$(head -1 "$out/${runs[0]}/summary.csv")
echo "run,$header" >"$csv"
for r in "${runs[@]}"; do
    if [ "$(head -1 "$out/$r/summary.csv")" != "$header" ]; then
        echo "$0: $out/$r/summary.csv has a different header" >&2
        exit 1
    fi
    echo "$r,$(sed -n 2p "$out/$r/summary.csv")" >>"$csv"
done
echo
"$root/utils/print-comparison.sh" "$csv"
echo
echo "comparison: $csv"
if [ "$plots" = 1 ]; then
    "$root/utils/plot-comparison.sh" "$out"
fi
