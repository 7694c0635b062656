#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Configures and builds coded-learning out of tree against the installed ns-3 3.37.
# Build folder: $CODED_LEARNING_BUILD_DIR (default: build). Extra arguments go to cmake's
# configure step (e.g. -DCMAKE_BUILD_TYPE=Release).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CODED_LEARNING_BUILD_DIR:-$root/build}
generator=()
if [ ! -f "$build/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1; then
    generator=(-G Ninja)
fi
cmake -S "$root" -B "$build" "${generator[@]}" "$@"
cmake --build "$build" -j "$(nproc)"
