#!/usr/bin/env bash
# The whole test suite from a clean clone, as CI runs it (the README's test command):
#   1. install dependencies;
#   2. build everything with clang under AddressSanitizer + UndefinedBehaviorSanitizer, warnings
#      as errors, and run every test (leaks, overflows and UB fail the run);
#   3. run each libFuzzer target (built by step 2) for a bounded time over its seeds and findings;
#   4. build the binary that ships, with g++ -O2 and warnings as errors, and run the process-level
#      tests again against it: crash and signals, hostile HTTP, the demo in Chromium, the CLI and
#      the deploy checks.
# Two full builds of the suite do not fit CI's 30 minutes on 2 cores (each takes about 13), so
# the suite runs once, sanitized, and the shipped binary gets the tests that start a binary. Its
# build runs in the background at the lowest priority, on the CPU the rest leaves idle.
# `cmake --workflow --preset ci` runs the whole suite on a g++ build instead.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
step() {
    echo "== $1 ($((SECONDS - started)) s since start)"
}

step "installing dependencies"
deploy/install-deps.sh

step "g++ release build of the binary that ships, in the background"
cmake --preset ship >/dev/null
mkdir -p build
ship_log=build/ship-build.log
nice -n 19 cmake --build --preset ship >"$ship_log" 2>&1 &
ship_build=$!
trap 'kill "$ship_build" 2>/dev/null || true' EXIT

step "clang ASan + UBSan build"
cmake --preset asan
cmake --build --preset asan
step "clang ASan + UBSan: every test"
ctest --preset asan -j "$(nproc)"

step "fuzzing"
OPENFLOOR_FUZZ_BUILD="$PWD/build/asan" tests/fuzz/run.sh "${OPENFLOOR_FUZZ_SECONDS:-15}"

step "waiting for the g++ release build"
if ! wait "$ship_build"; then
    cat "$ship_log"
    exit 1
fi
trap - EXIT
step "the process-level tests against the g++ release binary"
OPENFLOOR_BINARY="$PWD/build/ship/app/openfloor" \
    ctest --preset asan -j "$(nproc)" -L '^(process|demo|tools)$'

step "all passed"
