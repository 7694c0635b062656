#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# README command 2 (and what .ci/run calls): install what is missing, build, run every test;
# then the hardening step (doc/hardening.rst): build a second tree with AddressSanitizer +
# UndefinedBehaviorSanitizer ($CODED_LEARNING_ASAN_BUILD_DIR, default build-asan) and run the
# whole suite again under it, then build the libFuzzer targets and run each for a bounded time.
# Extra arguments go to both ctest runs (e.g. -L coding, -R idx; --output-on-failure is on).
# Environment:
#   CODED_LEARNING_SANITIZER_STEP=0  skip the sanitizer suite and the fuzzers (local use)
#   CODED_LEARNING_FUZZ_SECONDS=N    seconds per fuzzer (default 60; 0 builds but skips them)
# Any failing build, test or fuzzer makes the command fail.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CODED_LEARNING_BUILD_DIR:-$root/build}
asan_build=${CODED_LEARNING_ASAN_BUILD_DIR:-$root/build-asan}
"$root/utils/install-deps.sh"
"$root/utils/build.sh"
(cd "$build" && ctest -j "$(nproc)" --output-on-failure "$@")

if [ "${CODED_LEARNING_SANITIZER_STEP:-1}" = "0" ]; then
    echo "run-tests: CODED_LEARNING_SANITIZER_STEP=0: sanitizer suite and fuzzers skipped"
    exit 0
fi

echo "run-tests: sanitizer build in $asan_build (-fsanitize=address,undefined)"
CODED_LEARNING_BUILD_DIR=$asan_build "$root/utils/build.sh" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCODED_LEARNING_SANITIZE=ON
(
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    cd "$asan_build" && ctest -j "$(nproc)" --output-on-failure "$@"
)

"$root/utils/run-fuzzers.sh" "${CODED_LEARNING_FUZZ_SECONDS:-60}"
