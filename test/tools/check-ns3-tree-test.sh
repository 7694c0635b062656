#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# utils/check-ns3-tree.sh refuses bad input with exit 2 and a message naming the value, before
# it copies or builds anything. Usage: check-ns3-tree-test.sh <repository> <scratch folder>
set -euo pipefail
if [ $# -ne 2 ]; then
    echo "usage: $0 <repository> <scratch folder>" >&2
    exit 2
fi
script=$1/utils/check-ns3-tree.sh
work=$2
rm -rf "$work"
mkdir -p "$work/not-a-tree" "$work/fake-tree/src/core"
echo "3.48" >"$work/fake-tree/VERSION"

# expect EXIT REGEX ARGS...: runs the script, checks its exit status and its stderr
expect()
{
    local want=$1 regex=$2 rc=0
    shift 2
    "$script" "$@" >"$work/out" 2>"$work/err" || rc=$?
    if [ "$rc" -ne "$want" ] || ! grep -Eq -- "$regex" "$work/err"; then
        echo "FAIL: check-ns3-tree.sh $* gave exit $rc (want $want), stderr:" >&2
        cat "$work/err" >&2
        exit 1
    fi
    echo "ok: check-ns3-tree.sh $* -> exit $rc"
}

expect 2 "no ns-3 tree given"
expect 2 "'$work/missing' is not a directory" "$work/missing"
expect 2 "is not an ns-3 source tree" "$work/not-a-tree"
expect 2 "--profile must be debug, default or optimized \(got 'fast'\)" "$work/fake-tree" --profile fast
expect 2 "--jobs must be a positive integer \(got '0'\)" "$work/fake-tree" --jobs 0
expect 2 "unknown option '--frobnicate'" "$work/fake-tree" --frobnicate
expect 2 "neither an ns3 script with CMakeLists.txt" "$work/fake-tree"
[ -z "$(ls -A "$work/fake-tree/src/core")" ] || { echo "FAIL: the script wrote into the tree" >&2; exit 1; }
echo "all bad-input cases refused"
