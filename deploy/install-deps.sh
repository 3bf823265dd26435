#!/usr/bin/env bash
# Installs every build, run and test dependency of openfloor from Debian 12 packages.
# Idempotent: apt-get skips what is already there. Needs root (or sudo).
#   deploy/install-deps.sh               everything: build, run and the whole test suite
#   deploy/install-deps.sh --build-only  what building and running the bot needs (start.sh,
#                                        demo.sh and the Docker image use this)
set -euo pipefail

build_packages=(
    build-essential cmake ninja-build pkg-config git
    libboost1.81-dev libboost-url1.81-dev
    libssl-dev openssl
    nlohmann-json3-dev
    libsqlite3-dev libsqlitecpp-dev sqlite3
    libspdlog-dev libfmt-dev
)
test_packages=(
    libgtest-dev libgmock-dev
    clang libclang-rt-14-dev lld  # the ASan + UBSan build and the libFuzzer targets (deploy/test.sh)
    chromium                   # headless, for the browser test of `openfloor demo` (tests/demo)
    python3 python3-yaml curl  # tests/tools/deploy_check.sh and cli_check.sh
)

packages=("${build_packages[@]}")
case "${1:-}" in
    --build-only) ;;
    "") packages+=("${test_packages[@]}") ;;
    *) echo "usage: $0 [--build-only]" >&2; exit 2 ;;
esac

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
