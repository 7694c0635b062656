#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Installs the Debian 12 packages coded-learning needs, if any is missing (idempotent: does
# nothing, and needs no network, when all are present). Uses sudo when not run as root.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config   # build tools
    libns3-dev ns3 libgsl-dev          # ns-3 3.37 (ns3: tools its CMake targets name; gsl: its link interface)
    libeigen3-dev zlib1g-dev           # linear algebra, .gz data files
    libboost-test-dev libbenchmark-dev # unit tests, benchmarks
    gnuplot-nox                        # figures
    dataset-fashion-mnist              # the benchmark data set
    parallel python3 python3-scipy     # parameter sweeps, aggregation with confidence intervals
    time                               # GNU time: the measured sweeps (scaling, soak)
    tshark                             # PCAP analysis with the Lua dissector (and its test)
    clang libclang-rt-14-dev valgrind  # libFuzzer targets, sanitizers, memcheck
    doxygen python3-docutils           # API and chapter documentation checks
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "coded-learning: all ${#packages[@]} required Debian packages are installed"
    exit 0
fi

echo "coded-learning: installing missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "coded-learning: error: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
