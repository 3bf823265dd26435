# bench/lib/common.sh: what bench/run and bench/profile share (sourced, not run): the build, the
# processes they start on 127.0.0.1 and the guarantee that each one is stopped again.
# The sourcing script sets `root`, `here`, `build` and `deadline_s` first and runs `set -euo pipefail`.

stop_s=15 # SIGTERM, then this long for a clean exit, then SIGKILL

# The names bench/support/slack_requests.hpp signs and checks with.
signing_secret="bench-signing-secret-0123456789abcdef"
bot_token="xoxb-bench-bot-token"
team_channel="C0BENCHTEAM"

say() { printf '%s\n' "bench: $*" >&2; }

bin="$build/bench"
peer="$here/peers/bolt"

# ---- build -----------------------------------------------------------------------------------
build_all() {
    say "building openfloor and the bench programs (Release) in $build"
    local launcher=()
    if command -v ccache > /dev/null; then
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    # No -Werror here: at -O3 g++ 12 reports false -Wrestrict positives inside libstdc++
    # (char_traits) that the debug and CI builds, at -O0/-O2, do not see. Warnings still print.
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DOPENFLOOR_BENCH=ON \
        -DOPENFLOOR_TESTS=OFF -DOPENFLOOR_WERROR=OFF "${launcher[@]}" > /dev/null
    cmake --build "$build" -j"$(nproc)" --target openfloor bench_ceiling bench_fake_web_api \
        bench_load bench_report bench_no_fsync
    if [[ ! -d "$peer/node_modules/@slack/bolt" || "$peer/package-lock.json" -nt "$peer/node_modules" ]]; then
        say "installing the Bolt peer's pinned dependencies (npm ci)"
        (cd "$peer" && npm ci --no-audit --no-fund --loglevel=error)
    fi
}

# ---- processes: every one started here is stopped here ------------------------------------------
# Call once, after build_all: the work directory (beside the build: a real disk, so fsync is
# real) and the traps that stop everything started from here on.
setup_work() {
    work="$(mktemp -d "$build/bench-run.XXXXXX")"
    pids=()
    trap cleanup EXIT
    trap 'exit 130' INT TERM
}

cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2> /dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2> /dev/null || true
    done
    rm -rf "$work"
}

# Stops one process: SIGTERM (or the signal given: perf and strace finish their files on INT),
# a bounded wait for it to exit, then SIGKILL.
stop() {
    local pid="$1" signal="${2:-TERM}" waited=0
    kill -"$signal" "$pid" 2> /dev/null || return 0
    while kill -0 "$pid" 2> /dev/null && ((waited < stop_s * 10)); do
        sleep 0.1
        waited=$((waited + 1))
    done
    kill -KILL "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    local kept=()
    for p in "${pids[@]}"; do
        [[ "$p" == "$pid" ]] || kept+=("$p")
    done
    pids=("${kept[@]}")
}

# Waits for "listening <port>" in a process's output file; prints the port.
port_from() {
    local file="$1" waited=0
    while ! grep -q '^listening ' "$file" 2> /dev/null; do
        ((waited < deadline_s * 100)) || { say "no 'listening' line in $file"; return 1; }
        sleep 0.01
        waited=$((waited + 1))
    done
    grep -m1 '^listening ' "$file" | cut -d' ' -f2
}

rss_kb() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }

# The fake Web API both bots post through; sets `fake_port` and `api_url`.
start_fake() {
    "$bin/bench_fake_web_api" > "$work/fake.out" 2>&1 &
    pids+=($!)
    fake_port="$(port_from "$work/fake.out")"
    api_url="http://127.0.0.1:$fake_port/api/"
}

# One target started on a port chosen beforehand (so start-up can be probed from the first
# millisecond); sets `target_pid`.
start_target() {
    local target="$1" port="$2" dir="$3"
    case "$target" in
    ceiling)
        "$bin/bench_ceiling" "$port" > "$dir/ceiling.out" 2>&1 &
        ;;
    bolt)
        PORT="$port" SLACK_SIGNING_SECRET="$signing_secret" SLACK_BOT_TOKEN="$bot_token" \
            SLACK_API_URL="$api_url" TEAM_CHANNEL="$team_channel" \
            node "$peer/app.js" > "$dir/bolt.out" 2>&1 &
        ;;
    openfloor | openfloor-nofsync)
        cat > "$dir/openfloor.jsonc" << EOF
{
  "server": { "listen": "127.0.0.1:$port" },
  "storage": { "path": "$dir/openfloor.db" },
  "identity": { "secret": "bench-identity-secret-0123456789abcdef0123" },
  "outbound": { "channel_interval_ms": 0 },   // no pacing: interface.md's benchmark setting
  "slack": { "mode": "http", "bot_token": "$bot_token", "signing_secret": "$signing_secret",
             "api_base_url": "$api_url" },
  "channels": [ { "key": "eng", "platform": "slack", "channel_id": "$team_channel",
                  "confirm": false } ],              // a DM posts at once, as Bolt's does
  "limits": { "posts_per_hour": 1000000 }
}
EOF
        local preload=""
        [[ "$target" == openfloor-nofsync ]] && preload="$bin/libbench_no_fsync.so"
        LD_PRELOAD="$preload" "$build/app/openfloor" run --config "$dir/openfloor.jsonc" \
            > "$dir/openfloor.out" 2>&1 &
        ;;
    esac
    target_pid=$!
    pids+=("$target_pid")
}

