#!/usr/bin/env bash
# The command line as an admin uses it: `check` passes every example config (with its secrets in
# the environment) and fails a broken one with FILE:LINE: key.path messages and exit 2; and each
# common setup mistake prints the line README.md's "Troubleshooting" quotes, so the two cannot
# drift (the runtime mistakes run the real binary against tests/tools/fake_platform_api.py).
set -uo pipefail
bin=$(readlink -f "${OPENFLOOR_BINARY:-$1}") # CI may point it at the release build
root=$2
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    rm -rf "$work"
}
trap cleanup EXIT
passed=0
failures=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

export OPENFLOOR_SECRET=0123456789abcdef0123456789abcdef-test
export SLACK_BOT_TOKEN=xoxb-test SLACK_APP_TOKEN=xapp-test SLACK_SIGNING_SECRET=test-signing
export MATTERMOST_BOT_TOKEN=mm-test MATTERMOST_COMMAND_TOKEN=mm-command
for example in "$root"/config/examples/*.jsonc; do
    if out=$("$bin" check --config "$example" 2>&1); then ok; else fail "check refused $example: $out"; fi
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
[ $status -eq 2 ] && ok || fail "broken config: exit $status, expected 2"
grep -q "broken.jsonc:3: identity.secret:" <<<"$out" && ok || fail "no line-3 secret problem in: $out"
grep -q "broken.jsonc:7: channels\[1\].key:" <<<"$out" && ok || fail "no line-7 duplicate key problem in: $out"
grep -q "broken.jsonc:9: limits.posts_per_hour:" <<<"$out" && ok || fail "no line-9 type problem in: $out"

unset OPENFLOOR_SECRET
out=$("$bin" check --config "$root/config/examples/slack-socket.jsonc" 2>&1)
[ $? -eq 2 ] && ok || fail "an unset secret must fail the check"
grep -q "OPENFLOOR_SECRET" <<<"$out" && ok || fail "the unset variable is not named: $out"
export OPENFLOOR_SECRET=0123456789abcdef0123456789abcdef-test

"$bin" version | grep -q "^openfloor " && ok || fail "version"
"$bin" frobnicate >/dev/null 2>&1
[ $? -eq 2 ] && ok || fail "an unknown subcommand must exit 2"
"$bin" check >/dev/null 2>&1
[ $? -eq 2 ] && ok || fail "check without --config must exit 2"

# --- Troubleshooting: each mistake prints the line README.md quotes ---------------------------
readme=$root/README.md
# quoted WHAT LINE: README.md quotes LINE exactly, in backticks.
quoted() {
    if [ -n "$2" ] && grep -qF "\`$2\`" "$readme"; then ok; else fail "$1: README.md does not quote \`$2\`"; fi
}
# log_line MSG OUTPUT: the first JSON log line with that msg, its timestamp elided as README does.
log_line() {
    grep -F "\"msg\":\"$1\"" <<<"$2" | head -n 1 | sed -E 's/"ts":"[0-9.]+"/"ts":"…"/'
}
# check_says WHAT CONFIG_TEXT: `check` in a directory of its own exits 2; sets `said` to its
# first line. (Sets a variable, not stdout: a $(…) subshell would lose the pass/fail counts.)
check_says() {
    mkdir -p "$work/$1"
    printf '%s\n' "$2" >"$work/$1/openfloor.jsonc"
    said=$(cd "$work/$1" && "$bin" check --config openfloor.jsonc 2>&1)
    [ $? -eq 2 ] && ok || fail "$1: check did not exit 2: $said"
    said=$(head -n 1 <<<"$said")
}
slack_block='"slack": { "bot_token": "${SLACK_BOT_TOKEN}", "app_token": "${SLACK_APP_TOKEN}" },'
check_says typo '{
  "server": { "lisen": "0.0.0.0:8080" },
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  '"$slack_block"'
  "channels": [ { "key": "eng", "channel_id": "C0123456789" } ]
}'
quoted "a typo in a key" "$said"
unset SLACK_APP_TOKEN
check_says unset '{
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  '"$slack_block"'
  "channels": [ { "key": "eng", "channel_id": "C0123456789" } ]
}'
export SLACK_APP_TOKEN=xapp-test
quoted "an unset environment variable" "$said"
check_says tls '{
  "server": { "listen": "0.0.0.0:8443",
              "tls": { "cert_file": "/etc/openfloor/cert.pem", "key_file": "/etc/openfloor/key.pem" } },
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  '"$slack_block"'
  "channels": [ { "key": "eng", "channel_id": "C0123456789" } ]
}'
quoted "a TLS certificate that is not there" "$said"

# run_config NAME PLATFORM_BLOCK [LISTEN] [DB]: a config for `run` against a local API.
run_config() {
    cat >"$work/$1.jsonc" <<JSON
{
  "server": { "listen": "${3:-127.0.0.1:0}" },
  "storage": { "path": "${4:-$work/$1.db}" },
  "identity": { "secret": "0123456789abcdef0123456789abcdef" },
  "outbound": { "timeout_ms": 1000 },
  $2,
  "channels": [ { "key": "eng", "platform": "${5:-slack}", "channel_id": "C1" } ]
}
JSON
    echo "$work/$1.jsonc"
}
# run_fails WHAT CONFIG: `run` exits 1 at start; sets `out` to what it logged.
run_fails() {
    out=$(timeout 30 "$bin" run --config "$2" 2>&1)
    local status=$?
    [ $status -eq 1 ] && ok || fail "$1: run exited $status, expected 1: $out"
}

# A Mattermost that is not there (nothing listens on port 9): a clear line and exit 1.
run_fails "unreachable Mattermost" "$(run_config mm-down \
    '"mattermost": { "url": "http://127.0.0.1:9", "bot_token": "t", "command_token": "c" }' \
    '' '' mattermost)"
quoted "an unreachable Mattermost" "$(log_line mattermost.auth_failed "$out")"
# A Slack that is not there: the Web API did not answer.
run_fails "unreachable Slack" "$(run_config slack-down \
    '"slack": { "mode": "http", "bot_token": "xoxb-1", "signing_secret": "s", "api_base_url": "http://127.0.0.1:9/api/" }')"
quoted "an unreachable Slack" "$(log_line slack.auth_failed "$out")"
# The database cannot be opened (here: its directory does not exist; unwritable says the same).
db=$work/missing-dir/openfloor.db
run_fails "database not writable" "$(run_config no-db \
    '"slack": { "mode": "http", "bot_token": "xoxb-1", "signing_secret": "s", "api_base_url": "http://127.0.0.1:9/api/" }' \
    '' "$db")"
out=${out//$db//var/lib/openfloor/openfloor.db}
quoted "a database that cannot be opened" "$(log_line openfloor.start_failed "$out")"
quoted "a database that cannot be opened (stderr)" "$(grep '^openfloor: ' <<<"$out")"

# Debian's interpreter first: a version manager's shim costs seconds a start on a busy machine.
python=$(command -v /usr/bin/python3 || command -v python3)
if [ -z "$python" ] || ! command -v curl >/dev/null || ! command -v openssl >/dev/null; then
    echo "cli_check: python3, curl or openssl missing: the mistakes that need a fake Slack are not run"
else
    "$python" "$root/tests/tools/fake_platform_api.py" "$work/fake.port" 120 &
    pids+=($!)
    for _ in $(seq 100); do [ -s "$work/fake.port" ] && break; sleep 0.1; done
    api=http://127.0.0.1:$(cat "$work/fake.port")
    http_slack() { echo '"slack": { "mode": "http", "bot_token": "xoxb-1", "signing_secret": "right-secret", "api_base_url": "'"$api/$1/api/"'" }'; }

    run_fails "bad Slack token" "$(run_config revoked "$(http_slack slack-revoked)")"
    quoted "a bad Slack bot token" "$(log_line slack.auth_failed "$out")"
    run_fails "bad Mattermost token" "$(run_config mm-revoked \
        '"mattermost": { "url": "'"$api"'/mm-revoked", "bot_token": "t", "command_token": "c" }' \
        '' '' mattermost)"
    quoted "a bad Mattermost bot token" "$(log_line mattermost.auth_failed "$out")"

    # A bot that starts (HTTP mode; the fake's token lacks every scope but auth.test's).
    "$bin" run --config "$(run_config running "$(http_slack slack-ok)")" 2>"$work/running.log" &
    bot=$!
    pids+=($bot)
    port=
    for _ in $(seq 150); do
        port=$(grep -oE '"msg":"openfloor.started".*"port":[0-9]+' "$work/running.log" 2>/dev/null | grep -oE '[0-9]+$')
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] && ok || fail "the bot did not start against the fake Slack: $(cat "$work/running.log")"
    body='{"token":"x","team_id":"T0TEAM","api_app_id":"A0APP","type":"event_callback","event_id":"Ev0001","event_time":1700000000,"event":{"type":"message","channel":"D0DM","user":"U0AUTHOR","text":"#eng question: where is the on-call rota?","ts":"1700000000.000100","event_ts":"1700000000.000100","channel_type":"im"}}'
    # post_event PATH SECRET [TIMESTAMP]: Slack's v0 signature, made with openssl; prints the answer.
    post_event() {
        local ts sig
        ts=${3:-$(date +%s)}
        sig=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$2" -r | cut -d' ' -f1)
        curl -s --max-time 10 -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: v0=$sig" \
            -H 'Content-Type: application/json' --data-binary "$body" "http://127.0.0.1:$port$1"
    }
    # Signing secret wrong: 401, and the log says why.
    answer=$(post_event /slack/events wrong-secret)
    quoted "a wrong signing secret (answer)" "$answer"
    for _ in $(seq 100); do grep -q slack.signature_refused "$work/running.log" && break; sleep 0.1; done
    quoted "a wrong signing secret" "$(log_line slack.signature_refused "$(cat "$work/running.log")")"
    # The host's clock is off by more than Slack's 5-minute window.
    post_event /slack/events right-secret 1700000000 >/dev/null
    for _ in $(seq 100); do grep -q 'outside the replay window' "$work/running.log" && break; sleep 0.1; done
    quoted "a clock that is off" "$(log_line slack.signature_refused "$(grep 'replay window' "$work/running.log")")"
    # Request URL wrong: 404, nothing logged.
    answer=$(post_event /slack/event right-secret)
    quoted "a wrong request URL (answer)" "$answer"
    # A missing scope: the DM's preview cannot be sent (the fake refuses chat.postMessage).
    post_event /slack/events right-secret >/dev/null
    for _ in $(seq 100); do grep -q outbox.failed "$work/running.log" && break; sleep 0.1; done
    quoted "a missing scope" "$(log_line outbox.failed "$(cat "$work/running.log")")"
    # The port is taken (by the bot above).
    run_fails "port in use" "$(run_config in-use "$(http_slack slack-ok)" "127.0.0.1:$port")"
    out=${out//127.0.0.1:$port/127.0.0.1:8080}
    quoted "a port in use" "$(log_line server.listen_failed "$out")"
    kill -TERM $bot
    wait $bot
    status=$?
    [ $status -eq 0 ] && ok || fail "SIGTERM: exit $status, expected 0"

    # Socket Mode: an app token without connections:write, then a bot token where the app token
    # goes. Both are retried (and /healthz says 503); the second also names the key to fix.
    # socket_log KIND WAIT_FOR: run Socket Mode against the fake until WAIT_FOR is logged.
    socket_log() {
        "$bin" run --config "$(run_config "socket-$1" \
            '"slack": { "bot_token": "xoxb-1", "app_token": "xapp-1", "api_base_url": "'"$api/$1/api/"'" }')" \
            2>"$work/socket-$1.log" &
        local pid=$!
        pids+=($pid)
        for _ in $(seq 150); do grep -q "$2" "$work/socket-$1.log" && break; sleep 0.1; done
        kill -TERM $pid
        wait $pid
        out=$(cat "$work/socket-$1.log")
    }
    socket_log slack-ok slack.socket_open_failed
    quoted "an app token without connections:write" "$(log_line slack.socket_open_failed "$out")"
    socket_log slack-botapp slack.app_token_refused
    quoted "a bot token as the app token" "$(log_line slack.socket_open_failed "$out")"
    quoted "a bot token as the app token (detail)" "$(log_line slack.app_token_refused "$out")"
fi

echo "$passed passed, $failures failed"
[ $failures -eq 0 ]
