#!/usr/bin/env bash
# The whole test suite from a clean clone: install dependencies, build with warnings as errors,
# run every test. This is the README's test command, and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci -j "$(nproc)"
