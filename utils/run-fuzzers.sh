#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Builds the libFuzzer targets (fuzz/, clang, CODED_LEARNING_BUILD_FUZZERS=ON) in
# $CODED_LEARNING_FUZZ_BUILD_DIR (default: build-fuzz) and runs each for a bounded time.
# Usage: utils/run-fuzzers.sh [seconds per fuzzer]
#   seconds: argument, else $CODED_LEARNING_FUZZ_SECONDS, else 60. 0 builds but runs nothing.
# The committed seeds (fuzz/corpus/<target>/) are read only; what the fuzzer adds goes to
# <build>/corpus/<target>/, crash inputs to <build>/artifacts/, logs to <build>/logs/.
# Exit status: non-zero if a build fails or a fuzzer finds a crash, leak, timeout or OOM.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CODED_LEARNING_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-${CODED_LEARNING_FUZZ_SECONDS:-60}}
if ! [[ $seconds =~ ^[0-9]+$ ]]; then
    echo "run-fuzzers: seconds per fuzzer is '$seconds', expected a whole number >= 0" >&2
    exit 2
fi
fuzzers=(header-fuzzer idx-fuzzer)

if [ ! -f "$build/CMakeCache.txt" ]; then
    CXX=${CODED_LEARNING_FUZZ_CXX:-clang++} cmake -S "$root" -B "$build" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCODED_LEARNING_BUILD_FUZZERS=ON \
        -DCODED_LEARNING_BUILD_TESTS=OFF -DCODED_LEARNING_BUILD_EXAMPLES=OFF \
        -DCODED_LEARNING_BUILD_BENCHMARKS=OFF
fi
cmake --build "$build" -j "$(nproc)" --target "${fuzzers[@]}"
[ "$seconds" -gt 0 ] || exit 0

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$build/logs" "$build/artifacts"
failed=()
for f in "${fuzzers[@]}"; do
    corpus="$build/corpus/$f"
    mkdir -p "$corpus"
    log="$build/logs/$f.log"
    echo "run-fuzzers: $f for ${seconds} s (log: $log)"
    set +e
    "$build/fuzz/$f" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$f-" \
        "$corpus" "$root/fuzz/corpus/$f" >"$log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)
    units=$(find "$corpus" -type f | wc -l)
    echo "run-fuzzers: $f: exit $rc, ${execs:-?} executions (${speed:-?}/s), ${cov:-cov: ?}," \
        "$units corpus files"
    if [ "$rc" -ne 0 ]; then
        grep -E "ERROR|SUMMARY|invariant violated|Test unit written" "$log" | head -n 20 >&2 || true
        failed+=("$f")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "run-fuzzers: FAILED: ${failed[*]} (inputs in $build/artifacts/)" >&2
    exit 1
fi
echo "run-fuzzers: all ${#fuzzers[@]} fuzzers ran ${seconds} s each without a finding"
