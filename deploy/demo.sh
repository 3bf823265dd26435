#!/usr/bin/env bash
# A newcomer's first command: install everything, build openfloor and start the local demo, the
# bot with a web page at http://127.0.0.1:8080/ (no Slack or Mattermost account needed). Extra
# arguments go to `openfloor demo`, e.g. `deploy/demo.sh --listen 127.0.0.1:9000`.
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh --build-only
cmake --preset release >/dev/null
cmake --build --preset release --target openfloor
exec build/release/app/openfloor demo "$@"
