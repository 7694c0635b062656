#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# README command 1: install what is missing, build, and run the main experiment:
#  1. centralised training of the learning core on Fashion-MNIST (the baseline);
#  2. a short comparison on 802.11ax Wi-Fi with 10 workers (2 persistently slow) of uncoded,
#     cyclic-repetition and two-stage coded training (60 iterations each).
# Extra arguments go to every coded-learning-sim run (e.g. --iterations=20 --network=p2p).
# Output in results/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CODED_LEARNING_BUILD_DIR:-$root/build}
"$root/utils/install-deps.sh"
"$root/utils/build.sh"
mkdir -p "$root/results"
cd "$root/results"
echo
echo "== centralised training (softmax regression, mini-batch SGD) =="
"$build/examples/centralised-training" --epochs=5 --output=centralised-training.csv
echo
echo "== distributed training over Wi-Fi: 10 workers, 2 slow (4x), full-batch gradient =="
dirs=()
for scheme in uncoded cyclic-repetition two-stage; do
    "$build/examples/coded-learning-sim" --scheme="$scheme" --network=wifi --workers=10 \
        --outDir="wifi-$scheme" "$@"
    dirs+=("wifi-$scheme")
done
echo
"$root/utils/summarize-runs.sh" "${dirs[@]}"
echo "per-iteration CSVs: results/wifi-*/iterations.csv"
