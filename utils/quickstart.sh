#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# README command 1: install what is missing, build, and run the main experiment, the scheme
# comparison (utils/compare-schemes.sh, the preset "comparison" of the grid runner
# utils/sweep.py): every gradient code, the no-straggler oracle and the ideal network, plus
# two-stage with the Lyapunov uplink admission, on Fashion-MNIST with 10 workers on 802.11ax
# Wi-Fi (2 persistently 4x slower), in parallel with GNU parallel.
# Writes results/comparison/ (comparison.csv, the figures comparison-*.png, one folder per run)
# and prints the table. Extra arguments go to every coded-learning-sim run
# (e.g. --iterations=40 --network=p2p --RngRun=2).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/utils/install-deps.sh"
"$root/utils/build.sh"
mkdir -p "$root/results"
cd "$root"
"$root/utils/compare-schemes.sh" --with-admission results/comparison "$@"
