#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# A refactor proves itself by byte-identical outputs. Runs a fixed set of scenarios with the
# programs of two build folders (every program, network, transport and scheme; admission,
# faults, loss, mini-batches, float32, the MLP, PCAP and FlowMonitor output) and compares every
# file they write (iterations.csv, summary.csv, admission.csv, flowmon.xml, PCAPs, the
# programs' CSVs) and their standard output without the wall-clock lines. With --comparison
# also README command 1's scheme comparison (utils/compare-schemes.sh) on both, comparing
# comparison.csv and every run's CSVs.
#
#   utils/check-identical-outputs.sh [--comparison] [--keep DIR] <build-before> <build-after>
#
# Prints one line per scenario (same / DIFFERENT) and exits 1 if any output differs.
set -euo pipefail

usage() {
    echo "usage: $0 [--comparison] [--keep DIR] <build-before> <build-after>" >&2
    exit 2
}
comparison=0
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
    --comparison) comparison=1; shift ;;
    --keep) [ $# -ge 2 ] || usage; keep=$2; shift 2 ;;
    -h | --help) usage ;;
    -*) echo "$0: unknown option '$1'" >&2; usage ;;
    *) break ;;
    esac
done
[ $# -eq 2 ] || usage
root=$(cd "$(dirname "$0")/.." && pwd)
builds=()
for b in "$1" "$2"; do
    b=$(cd "$b" 2>/dev/null && pwd) || { echo "$0: build folder '$b' does not exist" >&2; exit 2; }
    for p in coded-learning-sim centralised-training lyapunov-tradeoff; do
        [ -x "$b/examples/$p" ] || { echo "$0: $b/examples/$p is missing: build first" >&2; exit 2; }
    done
    builds+=("$b")
done
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

# name|program|arguments (the output folder or file is appended by run()).
scenarios=(
    "fmnist-wifi-two-stage|sim|--iterations=6 --evalInterval=3"
    "wifi-cyclic-tcp|sim|--dataset=synthetic --scheme=cyclic-repetition --transport=tcp --iterations=5"
    "wifi-n-approximate-loss|sim|--dataset=synthetic --scheme=approximate --wifiStandard=802.11n --lossRate=0.2 --iterations=5"
    "wifi-g-walk-burst|sim|--dataset=synthetic --scheme=ignore-stragglers --wifiStandard=802.11g --wifiMobility=random-walk --lossModel=burst --lossRate=0.1 --iterations=4"
    "wifi-two-stage-lyapunov|sim|--dataset=synthetic --admission=lyapunov --V=50 --theta=0.5 --iterations=5"
    "wifi-move-pcap-flowmon|sim|--dataset=synthetic --scheme=cyclic-repetition --moveWorker=1 --moveAt=1.2 --moveTo=800 --moveBackAt=2 --iterations=5 --pcap=true --flowmon=true"
    "p2p-fractional-tcp-crash|sim|--dataset=synthetic --network=p2p --scheme=fractional-repetition --workers=9 --transport=tcp --crashWorker=2 --crashAt=1.05 --crashMode=both --iterations=6 --pcap=true"
    "p2p-rates-linkdown|sim|--dataset=synthetic --network=p2p --scheme=uncoded --p2pRate=10Mbps,5Mbps,20Mbps,1Mbps --p2pDelay=1ms,2ms,3ms,4ms --workers=4 --linkDownWorker=1 --linkDownAt=1.1 --linkUpAt=1.5 --iterations=6 --deadline=0.5"
    "wifi-ac-burst|sim|--dataset=synthetic --scheme=uncoded --wifiStandard=802.11ac --lossRate=0.1 --lossModel=burst --iterations=4"
    "wifi-a-tcp-distance|sim|--dataset=synthetic --scheme=k-sync --wifiStandard=802.11a --transport=tcp --distance=25 --iterations=4"
    "csma-burst-tcp|sim|--dataset=synthetic --network=csma --scheme=cyclic-repetition --lossModel=burst --lossRate=0.1 --transport=tcp --iterations=4"
    "csma-k-sync-loss|sim|--dataset=synthetic --network=csma --scheme=k-sync --kSyncReshuffle=true --lossRate=0.05 --csmaRate=50Mbps --iterations=5 --flowmon=true"
    "ideal-partial-mlp-batch|sim|--dataset=synthetic --network=ideal --scheme=partial --model=mlp --hidden=16 --batchSize=500 --float32=true --iterations=6 --distribution=pareto"
    "ideal-two-stage-switches|sim|--dataset=synthetic --network=ideal --stageTwoTrigger=3 --stageOneDeadline=false --stageOneSelection=random --stageTwoPool=idle --distribution=bimodal --iterations=6 --RngRun=3"
    "p2p-approx-fixed-rngrun|sim|--dataset=synthetic --network=p2p --scheme=approximate --approxDecoder=fixed --approxDegree=3 --numPartitions=20 --iterations=5 --RngRun=7 --slowFraction=0.3 --slowdown=8"
    "central-softmax|central|--dataset=synthetic --trainLimit=2000 --testLimit=500 --epochs=2 --gradientTimings=0"
    "central-mlp-step|central|--dataset=synthetic --trainLimit=2000 --testLimit=500 --epochs=2 --model=mlp --hidden=16 --schedule=step --stepSize=10 --momentum=0.5 --weightDecay=0.001 --gradientTimings=0"
    "tradeoff|tradeoff|--slots=4000 --warmup=1000 --vGrid=1,10,100 --plot=none"
    "tradeoff-split|tradeoff|--slots=3000 --warmup=500 --vGrid=5,50 --scheduling=split --blocks=3 --variant=direct --utilities=log,alpha-fair --plot=none"
)

# Strips the lines that carry wall-clock figures from a program's standard output.
strip_clock() {
    grep -v -E 'gradient.* s$|[0-9.]+ s \(wall|wall[- ]clock|ms per|GFLOP' "$1" |
        sed -E 's/\((loaded )?(in )?[0-9.]+ s\)/(wall-clock time)/' || true
}

run() { # build-index name program args
    local i=$1 name=$2 program=$3 args=$4 out="$work/$1/$2"
    mkdir -p "$out"
    local b=${builds[$i]}
    case "$program" in
    sim) (cd "$out" && "$b/examples/coded-learning-sim" $args --outDir=run) >"$out/stdout" 2>"$out/stderr" ;;
    central) (cd "$out" && "$b/examples/centralised-training" $args --output=run.csv) >"$out/stdout" 2>"$out/stderr" ;;
    tradeoff) (cd "$out" && "$b/examples/lyapunov-tradeoff" $args --output=run.csv) >"$out/stdout" 2>"$out/stderr" ;;
    esac
    echo "exit $?" >>"$out/stdout"
    strip_clock "$out/stdout" >"$out/stdout.stable"
}

failed=0
for s in "${scenarios[@]}"; do
    IFS='|' read -r name program args <<<"$s"
    set +e
    run 0 "$name" "$program" "$args"
    run 1 "$name" "$program" "$args"
    set -e
    status=$(tail -n 1 "$work/0/$name/stdout")
    if diff -r -q -x stdout "$work/0/$name" "$work/1/$name" >/dev/null; then
        printf 'same       %s (%s files, %s)\n' "$name" "$(find "$work/0/$name" -type f ! -name stdout | wc -l)" "$status"
    else
        printf 'DIFFERENT  %s\n' "$name"
        diff -r -q -x stdout "$work/0/$name" "$work/1/$name" | sed 's/^/           /' | head -10 || true
        failed=1
    fi
done

if [ "$comparison" -eq 1 ]; then
    for i in 0 1; do
        CODED_LEARNING_BUILD_DIR=${builds[$i]} "$root/utils/compare-schemes.sh" --with-admission \
            "$work/$i/comparison" >"$work/$i/comparison.stdout" 2>&1
    done
    # The CSVs hold simulated quantities only; logs and job lists hold paths and wall-clock times.
    differ=0
    while read -r f; do
        cmp -s "$work/0/comparison/$f" "$work/1/comparison/$f" || { echo "           $f differs"; differ=1; }
    done < <(cd "$work/0/comparison" && find . -name '*.csv' ! -name manifest.csv | sort)
    if [ "$differ" -eq 0 ]; then
        printf 'same       comparison (%s CSV files; figures, logs and job lists not compared)\n' \
            "$(find "$work/0/comparison" -name '*.csv' ! -name manifest.csv | wc -l)"
    else
        printf 'DIFFERENT  comparison\n'
        failed=1
    fi
fi
[ -z "$keep" ] || echo "outputs kept in $work/0 and $work/1"
exit $failed
