#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# README command 1: install what is missing, build, and run the main experiment.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CODED_LEARNING_BUILD_DIR:-$root/build}
"$root/utils/install-deps.sh"
"$root/utils/build.sh"
mkdir -p "$root/results"
cd "$root/results"
echo "coded-learning: running the main experiment (centralised Fashion-MNIST training); output in results/"
"$build/examples/centralised-training" --epochs=5 --output=centralised-training.csv "$@"
