#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build/fuzz) and runs each for a bounded time on a
# scratch copy of its seeds and regressions, so the repository is never modified. Exits 1 when a
# target crashes, breaks an invariant, leaks, times out or runs out of memory, and prints where
# the input that did it was saved (add it to tests/fuzz/regressions/<target>/ with the fix).
#
#   tests/fuzz/run.sh [seconds-per-target] [target...]     (default: 20 s, every target)
#
# Environment: OPENFLOOR_FUZZ_BUILD (build dir; an asan-preset build is reused as is), OPENFLOOR_FUZZ_JOBS (build jobs, default 2),
# OPENFLOOR_FUZZ_FINDINGS (where crashing inputs are kept, default <build>/findings).
set -euo pipefail

seconds="${1:-20}"
shift || true
root="$(cd "$(dirname "$0")/../.." && pwd)"
fuzz="$root/tests/fuzz"
build="${OPENFLOOR_FUZZ_BUILD:-$root/build/fuzz}"
findings="${OPENFLOOR_FUZZ_FINDINGS:-$build/findings}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(slack mattermost config grammar)
fi
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: $0 [seconds-per-target] [target...]" >&2
    exit 2
fi

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
started=$SECONDS
# A build that already holds the fuzzers (the asan preset: deploy/test.sh passes build/asan) is
# used as it is; otherwise a fuzz-only build is configured here.
if ! grep -qs '^OPENFLOOR_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DOPENFLOOR_FUZZ=ON -DOPENFLOOR_TESTS=OFF -DOPENFLOOR_WERROR=ON "${launcher[@]}" >/dev/null
fi
build_targets=()
for t in "${targets[@]}"; do
    build_targets+=("openfloor_fuzz_$t")
done
cmake --build "$build" -j"${OPENFLOOR_FUZZ_JOBS:-2}" --target "${build_targets[@]}"
echo "fuzz: built in $((SECONDS - started)) s"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/openfloor-fuzz-run-XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
# Sanitizer reports stop the run with a stack; UB is fatal (the build sets -fno-sanitize-recover).
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export OPENFLOOR_FUZZ_DB_DIR="$scratch" # the rig's SQLite file goes here, and goes with it

failed=0
for t in "${targets[@]}"; do
    work="$scratch/$t"
    mkdir -p "$work/corpus" "$work/artifacts"
    for dir in "$fuzz/corpus/$t" "$fuzz/regressions/$t"; do
        if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
            cp "$dir"/* "$work/corpus/"
        fi
    done
    dict=()
    if [ -f "$fuzz/dict/$t.dict" ]; then
        dict=(-dict="$fuzz/dict/$t.dict")
    fi
    status=0
    # -entropic=0: the slack and mattermost targets reach ~50,000 edges per input, and the
    # entropic schedule's per-run feature bookkeeping then took 88% of the time (4 runs a second
    # instead of 400).
    "$build/tests/fuzz/openfloor_fuzz_$t" -max_total_time="$seconds" -timeout=5 -entropic=0 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
        "${dict[@]}" "$work/corpus" >"$work/log" 2>&1 || status=$?
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -n 1)"
    cov="$(grep -o 'cov: [0-9]*' "$work/log" | tail -n 1)"
    if [ "$status" -ne 0 ] || [ -n "$(ls -A "$work/artifacts")" ]; then
        failed=1
        mkdir -p "$findings/$t"
        cp "$work/artifacts"/* "$findings/$t/" 2>/dev/null || true
        cp "$work/log" "$findings/$t/log"
        echo "fuzz: $t FAILED (exit $status) after ${runs:-?} runs; the log ends:"
        grep -v '^#[0-9]' "$work/log" | tail -n 40
        for a in "$work/artifacts"/*; do
            [ -e "$a" ] && echo "fuzz: $t: input kept in $findings/$t/$(basename "$a")"
        done
        echo "fuzz: reproduce with $build/tests/fuzz/openfloor_fuzz_$t <input>"
    else
        echo "fuzz: $t ok: ${runs:-?} runs in ${seconds} s, ${cov:-cov: ?}"
    fi
done
echo "fuzz: done in $((SECONDS - started)) s"
exit "$failed"
