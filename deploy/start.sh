#!/usr/bin/env bash
# Install everything, build openfloor and run it with a config (default: the Slack Socket Mode
# example). The README's first command. Secrets come from the environment, see the example.
set -euo pipefail
cd "$(dirname "$0")/.."

config=${1:-config/examples/slack-socket.jsonc}

deploy/install-deps.sh --build-only
cmake --preset release >/dev/null
cmake --build --preset release --target openfloor
build/release/app/openfloor check --config "$config"
exec build/release/app/openfloor run --config "$config"
