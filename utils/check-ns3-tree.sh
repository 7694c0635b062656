#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# check-ns3-tree.sh: builds and checks coded-learning inside an ns-3 source tree.
#
# Copies the module into <tree>/contrib/coded-learning, configures the tree with only this
# module (plus what it depends on), its tests and its examples, builds with both cores, runs
# every coded-learning test suite through test.py, the Boost.Test program and the examples of
# test/examples-to-run.py, and prints one summary line per step. Works with CMake trees
# (ns-3 >= 3.36, "./ns3") and waf trees (ns-3 <= 3.35, "./waf").
#
# Usage: check-ns3-tree.sh <ns-3 tree> [options]
#   --profile P        debug, default or optimized (default: default; waf has no "default"
#                      profile and uses debug instead). Release builds have asserts off.
#   --module-src DIR   the module's git checkout (default: the repository holding this script)
#   --from-head        copy the committed state (git archive HEAD) instead of the tracked files
#                      as they are in the work tree
#   --jobs N           parallel build and matrix jobs (default: 2)
#   --log-dir DIR      where the step logs go (default: <tree>/check-ns3-tree-logs)
#   --skip-build       do not copy, configure or build; check what is already built
#   --wifi-matrix      also run coded-learning-sim over Wi-Fi standards x workers x RngRun
#   --matrix-standards "802.11ax 802.11ac 802.11n 802.11g"
#   --matrix-workers   "10 20 30 40 100"
#   --matrix-runs      "1 2 3"
#   --matrix-iterations 3
#   -h, --help
#
# Exit status: 0 if every step passed (SKIP counts as passed), 1 if a step failed,
# 2 for a usage error or an unusable tree.

# Functions run through step() and xargs look unreachable to shellcheck:
# shellcheck disable=SC2317

set -euo pipefail

readonly MODULE=coded-learning
PROG=$(basename "$0")
readonly PROG

usage()
{
    sed -n '/^# Usage:/,/^# Exit status/p' "$0" | sed 's/^# \{0,1\}//'
}

die()
{
    echo "$PROG: error: $*" >&2
    exit 2
}

# ---------------------------------------------------------------------------------------------
# Options
# ---------------------------------------------------------------------------------------------
tree=""
profile="default"
module_src=""
from_head=0
jobs=2
log_dir=""
skip_build=0
wifi_matrix=0
matrix_standards="802.11ax 802.11ac 802.11n 802.11g"
matrix_workers="10 20 30 40 100"
matrix_runs="1 2 3"
matrix_iterations=3

while [ $# -gt 0 ]; do
    case "$1" in
    --profile) profile=${2:?--profile needs a value}; shift 2 ;;
    --profile=*) profile=${1#*=}; shift ;;
    --module-src) module_src=${2:?--module-src needs a value}; shift 2 ;;
    --module-src=*) module_src=${1#*=}; shift ;;
    --from-head) from_head=1; shift ;;
    --jobs) jobs=${2:?--jobs needs a value}; shift 2 ;;
    --jobs=*) jobs=${1#*=}; shift ;;
    --log-dir) log_dir=${2:?--log-dir needs a value}; shift 2 ;;
    --log-dir=*) log_dir=${1#*=}; shift ;;
    --skip-build) skip_build=1; shift ;;
    --wifi-matrix) wifi_matrix=1; shift ;;
    --matrix-standards) matrix_standards=${2:?}; shift 2 ;;
    --matrix-workers) matrix_workers=${2:?}; shift 2 ;;
    --matrix-runs) matrix_runs=${2:?}; shift 2 ;;
    --matrix-iterations) matrix_iterations=${2:?}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option '$1'" ;;
    *)
        [ -z "$tree" ] || die "more than one tree given ('$tree', '$1')"
        tree=$1
        shift
        ;;
    esac
done

[ -n "$tree" ] || { usage >&2; die "no ns-3 tree given"; }
[ -d "$tree" ] || die "'$tree' is not a directory"
tree=$(cd "$tree" && pwd)
if [ ! -f "$tree/VERSION" ] || [ ! -d "$tree/src/core" ]; then
    die "'$tree' is not an ns-3 source tree (no VERSION file or src/core)"
fi
case "$profile" in
debug | default | optimized) ;;
*) die "--profile must be debug, default or optimized (got '$profile')" ;;
esac
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || die "--jobs must be a positive integer (got '$jobs')"

ns3_version=$(tr -d '[:space:]' <"$tree/VERSION")
ns3_version=${ns3_version#ns-}
if [ -x "$tree/ns3" ] && [ -f "$tree/CMakeLists.txt" ]; then
    build_system=cmake
elif [ -f "$tree/waf" ] && [ -f "$tree/wscript" ]; then
    build_system=waf
    [ "$profile" = default ] && profile=debug # waf profiles: debug, optimized, release
else
    die "'$tree' has neither an ns3 script with CMakeLists.txt (CMake) nor waf with wscript"
fi

if [ -z "$module_src" ]; then
    module_src=$(git -C "$(dirname "$(readlink -f "$0")")" rev-parse --show-toplevel 2>/dev/null) ||
        die "the script is not inside a git checkout: give --module-src"
fi
[ -d "$module_src" ] || die "module source '$module_src' is not a directory"
module_src=$(cd "$module_src" && pwd)
if [ ! -f "$module_src/CMakeLists.txt" ] || [ ! -f "$module_src/wscript" ]; then
    die "'$module_src' does not look like the $MODULE module (CMakeLists.txt and wscript)"
fi

log_dir=${log_dir:-$tree/check-ns3-tree-logs}
mkdir -p "$log_dir"
log_dir=$(cd "$log_dir" && pwd)
dest="$tree/contrib/$MODULE"

# ./ns3 exports CLICOLOR=1, which adds -fdiagnostics-color=always to every compile command.
# Builds started with plain cmake must export it too: otherwise a CMake re-run triggered by
# the build (changed CMakeLists.txt, new file in scratch/) drops the flag and every ns-3
# file recompiles.
export CLICOLOR=1

# ---------------------------------------------------------------------------------------------
# Steps and summary
# ---------------------------------------------------------------------------------------------
failures=0
summary=()

# record STEP RESULT SECONDS [NOTE]: prints and keeps one summary line.
record()
{
    local line
    line=$(printf '%-48s %-4s %8ss' "$1" "$2" "$3")
    [ -n "${4:-}" ] && line="$line  $4"
    echo "$line"
    summary+=("$line")
    [ "$2" = FAIL ] && failures=$((failures + 1))
    return 0
}

# step NAME LOGFILE COMMAND...: runs a command with its output in LOGFILE, records the result.
step()
{
    local name=$1 log=$2 start rc
    shift 2
    start=$(date +%s.%N)
    set +e
    (set -e; "$@") >"$log" 2>&1
    rc=$?
    set -e
    local secs
    secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    if [ $rc -eq 0 ]; then
        record "$name" PASS "$secs"
    else
        record "$name" FAIL "$secs" "(rc=$rc, log: $log)"
    fi
    return $rc
}

# safe file-name form of a step name
log_name()
{
    echo "$log_dir/$(printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_').log"
}

# ---------------------------------------------------------------------------------------------
# 1. Copy the module (only changed files are rewritten, so unchanged sources keep their
#    time stamps and do not recompile).
# ---------------------------------------------------------------------------------------------
module_commit="(not a git checkout)"
if git -C "$module_src" rev-parse --git-dir >/dev/null 2>&1; then
    module_commit=$(git -C "$module_src" rev-parse --short HEAD)
    if [ $from_head -eq 0 ] && [ -n "$(git -C "$module_src" status --porcelain --untracked-files=no)" ]; then
        module_commit="$module_commit+worktree-changes"
    fi
fi

copy_module()
{
    local stage
    stage=$(mktemp -d)
    # shellcheck disable=SC2064
    trap "rm -rf '$stage'" RETURN
    if git -C "$module_src" rev-parse --git-dir >/dev/null 2>&1; then
        if [ "$from_head" -eq 1 ]; then
            git -C "$module_src" archive HEAD | tar -x -C "$stage"
        else
            (cd "$module_src" && git ls-files -z | xargs -0 -r tar -cf - --no-recursion) |
                tar -x -C "$stage"
        fi
    else
        (cd "$module_src" && tar -cf - --exclude=./build --exclude=./.git .) | tar -x -C "$stage"
    fi
    mkdir -p "$dest"
    # delete files that are gone from the module
    (cd "$dest" && find . -type f -print0) | while IFS= read -r -d '' f; do
        [ -e "$stage/$f" ] || rm -f "$dest/$f"
    done
    # copy new and changed files
    (cd "$stage" && find . -type f -print0) | while IFS= read -r -d '' f; do
        if ! cmp -s "$stage/$f" "$dest/$f"; then
            mkdir -p "$(dirname "$dest/$f")"
            cp -p "$stage/$f" "$dest/$f"
            touch "$dest/$f"
        fi
    done
    find "$dest" -depth -type d -empty -delete
    # CMake trees keep one forwarding header per module header in build/include/ns3
    # ('#include "<path>"') and do not rewrite it when the header moves: delete the forwarding
    # headers whose header is gone, so that configure writes them again.
    local forward target
    for forward in "$tree"/build/include/ns3/*.h; do
        [ -f "$forward" ] || continue
        target=$(sed -n "s|^#include \"\($dest/[^\"]*\)\"\$|\1|p" "$forward" | head -n 1)
        if [ -n "$target" ] && [ ! -e "$target" ]; then
            rm -f "$forward"
        fi
    done
    echo "copied $module_src ($module_commit) to $dest"
}

# ---------------------------------------------------------------------------------------------
# 2. Configure and build
# ---------------------------------------------------------------------------------------------
cmake_configure()
{
    cd "$tree"
    ./ns3 configure -d "$profile" --enable-modules="$MODULE" --enable-examples --enable-tests \
        --filter-module-examples-and-tests="$MODULE"
}

waf_configure()
{
    cd "$tree"
    python3 ./waf configure -d "$profile" --enable-modules="$MODULE" --enable-examples \
        --enable-tests --disable-python --disable-werror
}

# The example names of test/examples-to-run.py (first word of each entry).
example_names()
{
    python3 - "$dest/test/examples-to-run.py" <<'EOF'
import sys
ns = {}
exec(open(sys.argv[1]).read(), ns)
for entry in ns.get("cpp_examples", []):
    print(entry[0].split()[0])
EOF
}

cmake_build()
{
    cd "$tree"
    local available targets=() t
    available=$(cmake --build cmake-cache --target help 2>/dev/null | sed -n 's/^\([^ :]*\):.*/\1/p')
    # ns-3 >= 3.43 dropped the "lib" prefix of module targets
    for t in "lib$MODULE" "$MODULE"; do
        if grep -qx "$t" <<<"$available"; then targets+=("$t" "$t-test"); break; fi
    done
    [ ${#targets[@]} -gt 0 ] || { echo "no $MODULE library target: not configured?"; return 1; }
    for t in $(example_names) test-runner "$MODULE-boost-test"; do
        if grep -qx "$t" <<<"$available"; then
            targets+=("$t")
        elif [ "$t" != "$MODULE-boost-test" ]; then
            echo "target $t missing"
            return 1
        fi
    done
    echo "building: ${targets[*]}"
    cmake --build cmake-cache -j "$jobs" --target "${targets[@]}"
}

waf_build()
{
    cd "$tree"
    python3 ./waf build -j "$jobs"
}

if [ $skip_build -eq 0 ]; then
    step "copy module $module_commit" "$(log_name copy)" copy_module || true
    step "configure ($build_system, $profile)" "$(log_name configure)" "${build_system}_configure" ||
        true
    step "build (-j$jobs)" "$(log_name build)" "${build_system}_build" || true
    if [ $failures -gt 0 ]; then
        echo "$PROG: a build step failed; the checks are skipped" >&2
    fi
fi

# warnings reported for the module's own files during this build
if [ $skip_build -eq 0 ] && [ -f "$(log_name build)" ]; then
    nwarn=$(grep -E "contrib/$MODULE/[^ :]+:[0-9]+:[0-9]+: warning" "$(log_name build)" |
        sort -u | wc -l || true)
    record "compiler warnings in $MODULE files" "$([ "$nwarn" -eq 0 ] && echo PASS || echo FAIL)" \
        0.0 "($nwarn; see $(log_name build))"
fi

# ---------------------------------------------------------------------------------------------
# 3. Checks
# ---------------------------------------------------------------------------------------------
# Binaries of a waf tree have no RPATH; CMake ones do not mind the variable.
export LD_LIBRARY_PATH="$tree/build/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# find_program NAME: the built program (any version and profile suffix), empty if none.
find_program()
{
    find "$tree/build" -type f -perm -u+x \
        \( -name "$1" -o -name "ns3*-$1" -o -name "ns3*-$1-*" \) 2>/dev/null |
        grep -v '\.so' | head -n 1
}

# run_suite NAME: one suite through test.py; test.py exits 0 also when no suite matched.
run_suite()
{
    local out
    out=$(cd "$tree" && python3 ./test.py -n -s "$1" 2>&1)
    local rc=$?
    echo "$out"
    # test.py colours its output when CLICOLOR is set
    [ "$rc" -eq 0 ] && printf "%s\n" "$out" | sed "s/\x1b\[[0-9;]*m//g" | grep -q "PASS: TestSuite $1\$"
}

if [ $failures -eq 0 ]; then
    runner=$(find_program test-runner)
    if [ -z "$runner" ]; then
        record "test suites" FAIL 0.0 "(no test-runner under $tree/build)"
    else
        mapfile -t suites < <("$runner" --print-test-name-list | awk '{ print $1 }' |
            grep "^$MODULE" | sort)
        if [ ${#suites[@]} -eq 0 ]; then
            record "test suites" FAIL 0.0 "(no $MODULE suite in $runner --print-test-name-list)"
        fi
        for s in "${suites[@]}"; do
            step "suite $s" "$(log_name "suite-$s")" run_suite "$s" || true
        done
    fi

    boost=$(find_program "$MODULE-boost-test")
    if [ -z "$boost" ]; then
        record "boost test program" SKIP 0.0 "(not built: Boost.Test missing?)"
    else
        step "boost test program" "$(log_name boost)" "$boost" --report_level=short || true
    fi

    # the examples of test/examples-to-run.py with their arguments, in a scratch folder
    work=$(mktemp -d)
    while IFS=$'\t' read -r run command; do
        name=${command%% *}
        args=${command#"$name"}
        program=$(find_program "$name")
        if [ "$run" != True ]; then
            record "example $name" SKIP 0.0 "(condition false in examples-to-run.py)"
        elif [ -z "$program" ]; then
            record "example $name" FAIL 0.0 "(not built)"
        else
            # shellcheck disable=SC2086,SC2016
            step "example $name" "$(log_name "example-$name")" \
                bash -c 'cd "$1" && shift && exec "$@"' _ "$work" "$program" $args || true
        fi
    done < <(python3 - "$dest/test/examples-to-run.py" <<'EOF'
import sys
ns = {}
exec(open(sys.argv[1]).read(), ns)
for entry in ns.get("cpp_examples", []):
    try:
        run = bool(eval(entry[1], {}))
    except Exception:
        run = True
    print("%s\t%s" % ("True" if run else "False", entry[0]))
EOF
    )
    rm -rf "$work"
fi

# ---------------------------------------------------------------------------------------------
# 4. Optional: Wi-Fi matrix (aborts such as ns-3.37's ChannelAccessManager assertion)
# ---------------------------------------------------------------------------------------------
# matrix_cell STANDARD WORKERS RUN: one run; prints "STANDARD WORKERS RUN RESULT SECONDS".
matrix_cell()
{
    local std=$1 workers=$2 run=$3 out log start rc result secs rows
    out=$(mktemp -d)
    log="$log_dir/matrix-$std-$workers-$run.log"
    start=$(date +%s.%N)
    set +e
    "$sim" --dataset=synthetic --network=wifi --iterations="$matrix_iterations" \
        --wifiStandard="$std" --workers="$workers" --RngRun="$run" --outDir="$out" >"$log" 2>&1
    rc=$?
    set -e
    secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
    if [ "$rc" -eq 0 ]; then
        # ok only when every iteration finished: one row per iteration in iterations.csv
        rows=$(find "$out" -name iterations.csv -exec tail -n +2 {} + 2>/dev/null | grep -c . || true)
        if [ "$rows" -eq "$matrix_iterations" ]; then
            result=ok
        else
            result="rows$rows"
        fi
    elif grep -q "assert failed" "$log"; then
        result=ASSERT
    else
        result="rc$rc"
    fi
    rm -rf "$out"
    echo "$std $workers $run $result $secs"
}

if [ $wifi_matrix -eq 1 ] && [ $failures -eq 0 ]; then
    sim=$(find_program coded-learning-sim)
    if [ -z "$sim" ]; then
        record "wifi matrix" FAIL 0.0 "(coded-learning-sim not built)"
    else
        export sim matrix_iterations log_dir
        export -f matrix_cell
        start=$(date +%s.%N)
        cells=$(for std in $matrix_standards; do for w in $matrix_workers; do for r in $matrix_runs; do
            echo "$std $w $r"
        done; done; done | xargs -P "$jobs" -L 1 bash -c 'matrix_cell "$@"' _)
        secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
        echo
        echo "Wi-Fi matrix: coded-learning-sim --dataset=synthetic --network=wifi" \
            "--iterations=$matrix_iterations (cell: result/wall seconds; ok = exit 0 and one row per iteration in iterations.csv)"
        header="| standard | workers |"
        rule="|---|---:|"
        for r in $matrix_runs; do header="$header RngRun $r |"; rule="$rule---|"; done
        echo "$header"
        echo "$rule"
        bad=0
        for std in $matrix_standards; do
            for w in $matrix_workers; do
                row="| $std | $w |"
                for r in $matrix_runs; do
                    cell=$(awk -v s="$std" -v w="$w" -v r="$r" \
                        '$1 == s && $2 == w && $3 == r { print $4 "/" $5 "s" }' <<<"$cells")
                    row="$row $cell |"
                    case "$cell" in ok/*) ;; *) bad=$((bad + 1)) ;; esac
                done
                echo "$row"
            done
        done
        echo
        if [ $bad -eq 0 ]; then
            record "wifi matrix" PASS "$secs"
        else
            record "wifi matrix" FAIL "$secs" "($bad cells failed; logs: $log_dir/matrix-*.log)"
        fi
    fi
fi

# ---------------------------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------------------------
echo
echo "== $PROG summary: ns-3 $ns3_version ($build_system, profile $profile), $MODULE $module_commit, $(date -u +%Y-%m-%d)"
printf '%s\n' "${summary[@]}"
if [ $failures -eq 0 ]; then
    echo "== result: PASS"
    exit 0
fi
echo "== result: FAIL ($failures failed steps; logs in $log_dir)"
exit 1
