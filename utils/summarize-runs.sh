#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Prints one line per coded-learning-sim output folder, from its iterations.csv:
#   utils/summarize-runs.sh results/wifi-uncoded results/wifi-two-stage ...
set -euo pipefail
if [ $# -eq 0 ]; then
    echo "usage: $0 <outDir> [<outDir> ...]" >&2
    exit 2
fi
printf '%-22s %6s %8s %12s %14s %13s %14s\n' scheme iters decoded sim_time_s mean_iter_s mean_load final_accuracy
for dir in "$@"; do
    csv="$dir/iterations.csv"
    if [ ! -f "$csv" ]; then
        echo "$0: $csv not found" >&2
        exit 1
    fi
    awk -F, 'NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i; next }
        { n++; dec += $col["decoded"]; t = $col["sim_time_s"]; it += $col["iteration_time_s"];
          load += $col["compute_load"]; s = $col["scheme"];
          if ($col["test_accuracy"] != "") acc = $col["test_accuracy"] }
        END { printf "%-22s %6d %8d %12.3f %14.4f %13.2f %14s\n", s, n, dec, t, it / n, load / n, acc }' "$csv"
done
