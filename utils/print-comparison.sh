#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Prints comparison.csv (utils/compare-schemes.sh) as a table (Markdown pipe syntax, aligned):
#   utils/print-comparison.sh results/comparison/comparison.csv
# Columns: run; iterations (decoded); simulated seconds and iterations to the target test
# accuracy ("-" if not reached); final test accuracy; mean and 95th-percentile iteration time
# (s); mean compute load (partitions per iteration); uplink kB per iteration; chunks lost;
# Jain's index of the admitted data.
set -euo pipefail
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 <comparison.csv>" >&2
    exit 2
fi
awk -F, '
NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i; next }
function v(name) { if (!(name in col)) { print "missing column " name > "/dev/stderr"; exit 1 } return $col[name] }
function num(x, fmt) { return (x == "nan" || x == "") ? "-" : sprintf(fmt, x) }
{
    n++
    target = v("target_accuracy")
    row[n, 1] = v("run")
    row[n, 2] = v("iterations") " (" v("decoded_iterations") ")"
    row[n, 3] = num(v("time_to_target_s"), "%.2f")
    row[n, 4] = num(v("iterations_to_target"), "%d")
    row[n, 5] = num(v("final_accuracy"), "%.4f")
    row[n, 6] = num(v("mean_iteration_time_s"), "%.3f")
    row[n, 7] = num(v("p95_iteration_time_s"), "%.3f")
    row[n, 8] = num(v("mean_compute_load"), "%.1f")
    row[n, 9] = num(v("uplink_bytes_per_iteration") / 1000, "%.0f")
    row[n, 10] = v("chunks_lost")
    row[n, 11] = num(v("jain_admitted"), "%.3f")
}
END {
    if (n == 0) { print "no runs" > "/dev/stderr"; exit 1 }
    h[1] = "run"; h[2] = "iterations (decoded)"; h[3] = "time to " target " (s)"
    h[4] = "iterations to " target; h[5] = "final accuracy"; h[6] = "mean iteration (s)"
    h[7] = "p95 iteration (s)"; h[8] = "compute load"; h[9] = "uplink kB/iteration"
    h[10] = "chunks lost"; h[11] = "Jain admitted"
    for (c = 1; c <= 11; ++c) {
        w[c] = length(h[c])
        for (r = 1; r <= n; ++r) if (length(row[r, c]) > w[c]) w[c] = length(row[r, c])
    }
    line = "|"; sep = "|"
    for (c = 1; c <= 11; ++c) {
        line = line sprintf(c == 1 ? " %-*s |" : " %*s |", w[c], h[c])
        dash = ""; for (k = 0; k < w[c]; ++k) dash = dash "-"
        sep = sep (c == 1 ? "-" dash "-|" : "-" dash ":|")
    }
    print line; print sep
    for (r = 1; r <= n; ++r) {
        line = "|"
        for (c = 1; c <= 11; ++c) line = line sprintf(c == 1 ? " %-*s |" : " %*s |", w[c], row[r, c])
        print line
    }
}' "$1"
