#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# README command 2 (and what .ci/run calls): install what is missing, build, run every test.
# Extra arguments go to ctest (e.g. -L coding, -R idx, --output-on-failure is always on).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CODED_LEARNING_BUILD_DIR:-$root/build}
"$root/utils/install-deps.sh"
"$root/utils/build.sh"
cd "$build"
ctest -j "$(nproc)" --output-on-failure "$@"
