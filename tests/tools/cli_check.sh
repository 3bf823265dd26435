#!/usr/bin/env bash
# The command line as an admin uses it: `check` passes every example config (with its secrets in
# the environment) and fails a broken one with FILE:LINE: key.path messages and exit 2.
set -uo pipefail
bin=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

export OPENFLOOR_SECRET=0123456789abcdef0123456789abcdef-test
export SLACK_BOT_TOKEN=xoxb-test SLACK_APP_TOKEN=xapp-test SLACK_SIGNING_SECRET=test-signing
export MATTERMOST_BOT_TOKEN=mm-test MATTERMOST_COMMAND_TOKEN=mm-command
for example in "$root"/config/examples/*.jsonc; do
    if ! out=$("$bin" check --config "$example" 2>&1); then
        fail "check refused $example: $out"
    fi
done

cat >"$work/broken.jsonc" <<'JSON'
{
  // two problems on purpose
  "identity": { "secret": "short" },
  "slack": { "mode": "socket", "bot_token": "xoxb-1", "app_token": "xapp-1" },
  "channels": [
    { "key": "eng", "platform": "slack", "channel_id": "C1" },
    { "key": "eng", "platform": "slack", "channel_id": "C2" }
  ],
  "limits": { "posts_per_hour": "five" }
}
JSON
out=$("$bin" check --config "$work/broken.jsonc" 2>&1)
status=$?
[ $status -eq 2 ] || fail "broken config: exit $status, expected 2"
grep -q "broken.jsonc:3: identity.secret:" <<<"$out" || fail "no line-3 secret problem in: $out"
grep -q "broken.jsonc:7: channels\[1\].key:" <<<"$out" || fail "no line-7 duplicate key problem in: $out"
grep -q "broken.jsonc:9: limits.posts_per_hour:" <<<"$out" || fail "no line-9 type problem in: $out"

unset OPENFLOOR_SECRET
out=$("$bin" check --config "$root/config/examples/slack-socket.jsonc" 2>&1)
[ $? -eq 2 ] || fail "an unset secret must fail the check"
grep -q "OPENFLOOR_SECRET" <<<"$out" || fail "the unset variable is not named: $out"

"$bin" version | grep -q "^openfloor " || fail "version"
"$bin" frobnicate >/dev/null 2>&1
[ $? -eq 2 ] || fail "an unknown subcommand must exit 2"
"$bin" check >/dev/null 2>&1
[ $? -eq 2 ] || fail "check without --config must exit 2"

# `run` against a Slack that is not there: a clear log line and exit 1, not a crash.
cat >"$work/unreachable.jsonc" <<JSON
{
  "server": { "listen": "127.0.0.1:0" },
  "storage": { "path": "$work/run.db" },
  "identity": { "secret": "0123456789abcdef0123456789abcdef" },
  "outbound": { "timeout_ms": 1000 },
  "slack": { "mode": "http", "bot_token": "xoxb-1", "signing_secret": "s",
             "api_base_url": "http://127.0.0.1:9/api/" },
  "channels": [ { "key": "eng", "channel_id": "C1" } ]
}
JSON
out=$(timeout 30 "$bin" run --config "$work/unreachable.jsonc" 2>&1)
status=$?
[ $status -eq 1 ] || fail "run against an unreachable Slack: exit $status, expected 1: $out"
grep -q '"msg":"slack.auth_failed"' <<<"$out" || fail "no slack.auth_failed line in: $out"

# The same for Mattermost: users/me cannot be reached, so run says so and exits 1.
cat >"$work/unreachable-mm.jsonc" <<JSON
{
  "server": { "listen": "127.0.0.1:0" },
  "storage": { "path": "$work/run-mm.db" },
  "identity": { "secret": "0123456789abcdef0123456789abcdef" },
  "outbound": { "timeout_ms": 1000 },
  "mattermost": { "url": "http://127.0.0.1:9", "bot_token": "t", "command_token": "c" },
  "channels": [ { "key": "eng", "platform": "mattermost", "channel_id": "c1" } ]
}
JSON
out=$(timeout 30 "$bin" run --config "$work/unreachable-mm.jsonc" 2>&1)
status=$?
[ $status -eq 1 ] || fail "run against an unreachable Mattermost: exit $status, expected 1: $out"
grep -q '"msg":"mattermost.auth_failed"' <<<"$out" || fail "no mattermost.auth_failed line in: $out"

checks=13
echo "$((checks - failures)) passed, $failures failed"
[ $failures -eq 0 ]
