#!/usr/bin/env bash
# Installs every build, run and test dependency of openfloor from Debian 12 packages.
# Idempotent: apt-get skips what is already there. Needs root (or sudo).
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git
    libboost1.81-dev libboost-url1.81-dev
    libssl-dev openssl
    nlohmann-json3-dev
    libsqlite3-dev libsqlitecpp-dev sqlite3
    libspdlog-dev libfmt-dev
    libgtest-dev libgmock-dev
    chromium  # headless, for the browser test of `openfloor demo` (tests/demo)
    python3 python3-yaml curl  # tests/tools/deploy_check.sh and cli_check.sh
)

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
