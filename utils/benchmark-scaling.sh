#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# End-to-end cost of coded-learning-sim against the number of workers and the network: for
# each network in $NETWORKS and n in $WORKERS it runs the same training (Fashion-MNIST, the
# same scheme and flags) twice, with 1 and with 1 + $ITERATIONS iterations, and takes the
# difference, so that loading the data and building the network (the "setup") are not counted
# per iteration:
#   wall_per_iter_s = (wall(1 + K) - wall(1)) / K,  user_per_iter_s likewise,
#   events_per_iter = (events(1 + K) - events(1)) / K   (Simulator::GetEventCount()).
# peak_rss_mb is the maximum resident set of the 1 + K run (/usr/bin/time %M); decoded counts
# the decoded iterations of that run (an iteration that misses its deadline still costs time).
# Writes $OUT/scaling.csv, $OUT/ratio.csv (per-iteration wall and user time over the ideal
# network's at the same n) and $OUT/scaling.png (gnuplot).
#
#   utils/benchmark-scaling.sh                              # the full matrix (about 30 min)
#   WORKERS="10 100" NETWORKS="wifi ideal" ITERATIONS=5 utils/benchmark-scaling.sh
#   utils/benchmark-scaling.sh --model=mlp                  # extra flags go to every run
#
# Environment: BUILD (build folder, default build), OUT (default results/scaling), WORKERS
# (default "10 50 100 200"), NETWORKS (default "wifi p2p ideal"), ITERATIONS (K, default 10),
# SCHEME (default two-stage), TIMEOUT (seconds per run, default 900; a run that takes longer
# is killed and its row says "timeout"), PLOT_ONLY=1 (only redo ratio.csv and the figure from an
# existing $OUT/scaling.csv), TITLE (a suffix for the figure's title).
# Wall-clock times depend on the machine's load: the script records `uptime` before each point
# in the CSV (load_1min); user CPU time is the less load-sensitive measure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
out=${OUT:-results/scaling}
workers=${WORKERS:-10 50 100 200}
networks=${NETWORKS:-wifi p2p ideal}
iterations=${ITERATIONS:-10}
scheme=${SCHEME:-two-stage}
timeout_s=${TIMEOUT:-900}
sim=$build/examples/coded-learning-sim
if [ ! -x "$sim" ]; then
    echo "$0: $sim not found; build first (utils/build.sh)" >&2
    exit 1
fi
if ! [[ "$iterations" =~ ^[1-9][0-9]*$ ]]; then
    echo "$0: ITERATIONS=$iterations: must be a positive integer" >&2
    exit 2
fi
mkdir -p "$out"
csv=$out/scaling.csv
if [ "${PLOT_ONLY:-0}" = 1 ]; then
    [ -f "$csv" ] || { echo "$0: PLOT_ONLY=1 but $csv does not exist" >&2; exit 1; }
else
echo "network,workers,iterations,decoded,wall_s,user_s,wall_per_iter_s,user_per_iter_s,setup_wall_s,peak_rss_mb,events,events_per_iter,load_1min" >"$csv"

# run <network> <n> <iterations> [flags]: prints "wall user rss_kb events decoded" or "timeout"
run() {
    local dir=$out/runs/$1-n$2-i$3
    mkdir -p "$dir"
    local status=0
    timeout "$timeout_s" /usr/bin/time -f '%e %U %M' -o "$dir/time.txt" \
        "$sim" --network="$1" --workers="$2" --iterations="$3" --scheme="$scheme" \
        --outDir="$dir" "${@:4}" >"$dir/stdout.txt" 2>"$dir/stderr.txt" || status=$?
    if [ "$status" -eq 124 ]; then
        echo timeout
        return
    fi
    if [ "$status" -ne 0 ]; then
        echo "$0: coded-learning-sim failed ($status) for $1 n=$2 iterations=$3; see $dir" >&2
        exit 1
    fi
    local events decoded
    events=$(sed -n 's/^coded-learning-sim: \([0-9]*\) simulator events$/\1/p' "$dir/stdout.txt")
    decoded=$(sed -n 's/.* iterations (\([0-9]*\) decoded).*/\1/p' "$dir/stdout.txt")
    echo "$(tail -n 1 "$dir/time.txt") ${events:-nan} ${decoded:-nan}"
}

for n in $workers; do
    for net in $networks; do
        load=$(awk '{ print $1 }' /proc/loadavg)
        one=$(run "$net" "$n" 1 "$@")
        many=$(run "$net" "$n" $((iterations + 1)) "$@")
        if [ "$one" = timeout ] || [ "$many" = timeout ]; then
            echo "$net,$n,$((iterations + 1)),nan,timeout,timeout,nan,nan,nan,nan,nan,nan,$load" >>"$csv"
        else
            read -r w1 u1 _ e1 <<<"$one"
            read -r w u rss e dec <<<"$many"
            awk -v net="$net" -v n="$n" -v k="$iterations" -v w1="$w1" -v u1="$u1" -v e1="$e1" \
                -v w="$w" -v u="$u" -v rss="$rss" -v e="$e" -v dec="$dec" -v load="$load" 'BEGIN {
                    printf "%s,%d,%d,%s,%.2f,%.2f,%.4f,%.4f,%.2f,%.1f,%s,%.0f,%s\n", net, n, k + 1,
                        dec, w, u, (w - w1) / k, (u - u1) / k, w1, rss / 1024, e, (e - e1) / k, load }' >>"$csv"
        fi
        tail -n 1 "$csv"
    done
done

fi

# Ratios to the ideal network at the same n.
awk -F, 'NR == 1 { next }
    $1 == "ideal" && $7 != "nan" { wi[$2] = $7; ui[$2] = $8 }
    { w[$1 "," $2] = $7; u[$1 "," $2] = $8 }
    END {
        print "network,workers,wall_ratio,user_ratio"
        for (key in w) {
            split(key, f, ",")
            if (f[1] == "ideal" || !(f[2] in wi) || w[key] == "nan" || wi[f[2]] <= 0) continue
            printf "%s,%d,%.3f,%.3f\n", f[1], f[2], w[key] / wi[f[2]], u[key] / ui[f[2]]
        }
    }' "$csv" | { read -r header; echo "$header"; sort -t, -k1,1 -k2,2n; } >"$out/ratio.csv"

# Figure: CPU and wall-clock time per iteration against n per network, and the ratio to ideal.
# User CPU time (lines) is the measure to compare; wall-clock time (points) depends on the load.
plot=$out/scaling.png
for net in $networks; do
    awk -F, -v net="$net" 'NR > 1 && $1 == net' "$csv" | sort -t, -k2,2n >"$out/scaling-$net.dat"
done
title="coded-learning-sim, $scheme, Fashion-MNIST: cost per simulated iteration${TITLE:+ ($TITLE)}"
{
    echo "set terminal pngcairo size 1200,480 font 'sans,10'"
    echo "set output '$plot'"
    echo "set datafile separator ','"
    echo "set multiplot layout 1,2 title '$title'"
    echo "set key top left"
    echo "set grid"
    echo "set logscale xy"
    echo "set xlabel 'workers n'"
    echo "set ylabel 'time per iteration (s)'"
    echo "set xtics (10, 20, 50, 100, 200, 500)"
    echo "set xrange [8:250]"
    color=0
    printf 'plot '
    for net in $networks; do
        [ $color -eq 0 ] || printf ', '
        color=$((color + 1))
        printf "'%s' using 2:8 with linespoints lw 2 lc %d title '%s user CPU'" "$out/scaling-$net.dat" $color "$net"
        printf ", '%s' using 2:7 with points pt 6 lc %d title '%s wall'" "$out/scaling-$net.dat" $color "$net"
    done
    echo
    echo "set ylabel 'per-iteration time / ideal network at the same n (x)'"
    echo "set yrange [0.5:*]"
    printf 'plot 1 with lines dt 2 lc rgb "gray" title "ideal = 1"'
    color=0
    for net in $networks; do
        color=$((color + 1))
        [ "$net" = ideal ] && continue
        printf ", '%s' using (stringcolumn(1) eq '%s' ? \$2 : 1/0):4 with linespoints lw 2 lc %d title '%s/ideal user CPU'" "$out/ratio.csv" "$net" $color "$net"
        printf ", '%s' using (stringcolumn(1) eq '%s' ? \$2 : 1/0):3 with points pt 6 lc %d title '%s/ideal wall'" "$out/ratio.csv" "$net" $color "$net"
    done
    echo
    echo "unset multiplot"
} >"$out/scaling.gp"
if command -v gnuplot >/dev/null 2>&1; then
    gnuplot "$out/scaling.gp"
    echo "wrote $csv, $out/ratio.csv and $plot"
else
    echo "wrote $csv and $out/ratio.csv (gnuplot not found: no figure)"
fi
