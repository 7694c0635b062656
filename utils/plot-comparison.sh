#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Draws the figures of a scheme comparison (utils/compare-schemes.sh) with gnuplot (pngcairo):
#   utils/plot-comparison.sh results/comparison
# Reads <dir>/comparison.csv and every run's iterations.csv (and admission.csv where present);
# writes into <dir>:
#   comparison-accuracy.png        test accuracy vs simulated time since training start
#   comparison-loss.png            training loss vs iteration
#   comparison-iteration-cdf.png   empirical CDF of the iteration time
#   comparison-load-uplink.png     mean compute load and uplink kB per iteration (bars)
#   comparison-admission.png       runs with --admission=lyapunov: backlog and Jain over time
# The plotted data go to <dir>/plot-data/.
set -euo pipefail
if [ $# -ne 1 ] || [ ! -f "$1/comparison.csv" ]; then
    echo "usage: $0 <comparison folder with comparison.csv>" >&2
    exit 2
fi
dir=$(cd "$1" && pwd)
if ! command -v gnuplot >/dev/null 2>&1; then
    echo "$0: gnuplot not found (Debian package gnuplot-nox)" >&2
    exit 1
fi
data="$dir/plot-data"
mkdir -p "$data"
mapfile -t runs < <(awk -F, 'NR > 1 { print $1 }' "$dir/comparison.csv")
target=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; ++i) if ($i == "target_accuracy") c = i; next }
                  { print $c; exit }' "$dir/comparison.csv")

# Per run: accuracy (t, acc), loss (iteration, loss), cdf (iteration time, F).
for r in "${runs[@]}"; do
    csv="$dir/$r/iterations.csv"
    awk -F, -v acc="$data/$r.accuracy" -v loss="$data/$r.loss" -v times="$data/$r.times" '
        NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i; next }
        NR == 2 { t0 = $col["sim_time_s"] - $col["iteration_time_s"] }
        { t = $col["sim_time_s"] - t0; it = $col["iteration"] + 1
          if ($col["test_accuracy"] != "") printf "%.6f %s\n", t, $col["test_accuracy"] > acc
          if ($col["train_loss"] != "") printf "%d %s\n", it, $col["train_loss"] > loss
          print $col["iteration_time_s"] > times }' "$csv"
    touch "$data/$r.accuracy" "$data/$r.loss"
    sort -g "$data/$r.times" | awk '{ x[NR] = $1 } END { for (i = 1; i <= NR; ++i) printf "%s %.6f\n", x[i], i / NR }' >"$data/$r.cdf"
done
# Bars: index, run, load, uplink kB.
awk -F, 'NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i; next }
    { printf "%d \"%s\" %s %.3f\n", NR - 2, $1, $col["mean_compute_load"], $col["uplink_bytes_per_iteration"] / 1000 }' \
    "$dir/comparison.csv" >"$data/bars.dat"

read -r load_max up_max < <(awk '{ if ($3 > l) l = $3; if ($4 > u) u = $4 } END { print l * 1.18, u * 1.18 }' "$data/bars.dat")

# One style per run: the schemes in colours, the reference runs dashed.
colours=("#1f77b4" "#ff7f0e" "#2ca02c" "#d62728" "#9467bd" "#8c564b" "#e377c2" "#000000"
    "#17becf" "#bcbd22" "#7f7f7f" "#aec7e8")
style() { # index, name -> "lc rgb ... dt ... lw ..."
    local i=$1 name=$2 c=${colours[$(($1 % ${#colours[@]}))]}
    case "$name" in
    oracle-no-stragglers) echo "lc rgb '#555555' dt 2 lw 2" ;;
    ideal-network) echo "lc rgb '#17becf' dt 4 lw 2" ;;
    two-stage-lyapunov) echo "lc rgb '#000000' dt 3 lw 2" ;;
    two-stage) echo "lc rgb '$c' dt 1 lw 3" ;;
    *) echo "lc rgb '$c' dt 1 lw 1.5" ;;
    esac
}
plot_list() { # kind (accuracy|loss|cdf), extra "with" options
    local kind=$1 sep="" i=0 s
    for r in "${runs[@]}"; do
        s=$(style "$i" "$r")
        printf "%s'%s' using 1:2 with %s %s title '%s'" "$sep" "$data/$r.$kind" "$2" "$s" "$r"
        sep=", \\
    "
        i=$((i + 1))
    done
}
term="set terminal pngcairo size 1100,650 font 'DejaVu Sans,12' enhanced"

# The zoom of the accuracy figure: up to 1.3 times the latest time to target, from target - 0.05.
zoom_x=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; ++i) if ($i == "time_to_target_s") c = i; next }
                  $c != "nan" && $c > m { m = $c } END { if (m > 0) printf "%.3f", 1.3 * m }' "$dir/comparison.csv")
zoom_plot=""
panels=1
height=600
if [ -n "$zoom_x" ]; then
    panels=2
    height=1000
    zoom_plot="set title 'Zoom: around the target'
set xrange [0:$zoom_x]
set yrange [$target - 0.05:*]
plot $(plot_list accuracy 'linespoints pt 7 ps 0.6')"
fi
gnuplot <<EOF
set terminal pngcairo size 1100,$height font 'DejaVu Sans,12' enhanced
set output '$dir/comparison-accuracy.png'
set multiplot layout $panels,1 title 'Test accuracy vs simulated time (target $target: dotted line)'
set xlabel 'simulated time since the start of training (s)'
set ylabel 'test accuracy'
set grid
set key outside right top
set lmargin 10
set rmargin 30
set title 'All runs'
set autoscale xfixmax
set arrow 1 from graph 0, first $target to graph 1, first $target nohead dt 3 lw 2 lc rgb '#888888'
plot $(plot_list accuracy 'lines')
unset key
$zoom_plot
unset multiplot
EOF

gnuplot <<EOF
$term
set output '$dir/comparison-loss.png'
set title 'Training loss vs iteration (the exact schemes train the same model: their lines coincide)'
set xlabel 'iteration'
set ylabel 'mean training cross-entropy loss'
set grid
set key outside right top
set autoscale xfix
plot $(plot_list loss 'lines')
EOF

gnuplot <<EOF
$term
set output '$dir/comparison-iteration-cdf.png'
set title 'Distribution of the iteration time'
set xlabel 'iteration time (s, log scale)'
set ylabel 'fraction of iterations (empirical CDF)'
set grid
set key outside right top
set logscale x
set autoscale xfix
set yrange [0:1.02]
plot $(plot_list cdf 'steps')
EOF

gnuplot <<EOF
set terminal pngcairo size 1100,800 font 'DejaVu Sans,12' enhanced
set output '$dir/comparison-load-uplink.png'
set multiplot layout 2,1 title 'Resources per iteration'
set lmargin 12
set style fill solid 0.8 border -1
set boxwidth 0.7
set grid ytics
set xtics rotate by -30 left
set xrange [-0.6:${#runs[@]}-0.4]
set ylabel 'compute load (partitions)'
set yrange [0:$load_max]
set title 'Mean compute load per iteration (10 partitions = one pass over the data)'
plot '$data/bars.dat' using 1:3:xtic(2) with boxes lc rgb '#4c72b0' notitle, \
     '' using 1:3:(sprintf('%.1f', \$3)) with labels offset 0,0.7 font ',10' notitle
set ylabel 'uplink (kB)'
set yrange [0:$up_max]
set title 'Mean uplink bytes per iteration (payload and headers received by the server)'
plot '$data/bars.dat' using 1:4:xtic(2) with boxes lc rgb '#dd8452' notitle, \
     '' using 1:4:(sprintf('%.0f', \$4)) with labels offset 0,0.7 font ',10' notitle
unset multiplot
EOF

admission=()
for r in "${runs[@]}"; do
    if [ -f "$dir/$r/admission.csv" ]; then
        admission+=("$r")
    fi
done
if [ ${#admission[@]} -gt 0 ]; then
    workers=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; ++i) if ($i == "workers") c = i; next } { print $c; exit }' "$dir/comparison.csv")
    backlog="" jain="" sep=""
    for r in "${admission[@]}"; do
        a="$dir/$r/admission.csv"
        backlog+="$sep'$a' using 1:3 with lines lw 1.5 lc rgb '#6a3d9a' title '$r: queues {/Symbol S}Q_i', '$a' using 1:5 with lines lw 1.5 lc rgb '#e66101' title '$r: reservoirs {/Symbol S}R_i'"
        jain+="$sep'$a' using 1:8 with lines lw 2 lc rgb '#6a3d9a' title '$r: Jain index of admitted data', '$a' using 1:10 with lines lw 1.5 dt 4 lc rgb '#e66101' title '$r: largest worker share', '$a' using 1:9 with lines lw 1.5 dt 2 lc rgb '#1b7837' title '$r: smallest worker share'"
        sep=", "
    done
    gnuplot <<EOF
set terminal pngcairo size 1100,800 font 'DejaVu Sans,12' enhanced
set output '$dir/comparison-admission.png'
set datafile separator comma
set multiplot layout 2,1 title 'Uplink admission (perturbed-Lyapunov scheduler at the server)'
set grid
set key inside right top opaque box
set lmargin 10
set rmargin 4
set autoscale xfix
set xlabel 'simulated time (s)'
set ylabel 'data units (1500 B)'
set title 'Backlog: admitted but not yet delivered (Q), reported but not yet admitted (R)'
plot $backlog
set ylabel 'index / share of the admitted data'
set yrange [0:1.05]
set arrow 1 from graph 0, first 1.0 / $workers to graph 1, first 1.0 / $workers nohead dt 3 lw 2 lc rgb '#888888'
set label 1 'equal shares (1/n)' at graph 0.01, first 1.0 / $workers offset 0,0.6 tc rgb '#555555' font ',10'
set title 'Fairness of the data admitted so far'
plot $jain
unset multiplot
EOF
fi
ls "$dir"/comparison-*.png | sed 's/^/figure: /'
