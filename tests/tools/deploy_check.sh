#!/usr/bin/env bash
# The deploy files as an admin uses them: the systemd unit passes `systemd-analyze verify` and a
# sandboxing threshold, the Dockerfile passes the static checks deploy/docker.md lists (hadolint
# is not in Debian 12; it runs too when installed), the image installs every library the binary
# links, its HEALTHCHECK probe tells a healthy bot from a down one, and Compose, the env template
# and the unit agree on paths and names.
# Usage: deploy_check.sh OPENFLOOR_BINARY SOURCE_DIR
set -uo pipefail
bin=$(readlink -f "${OPENFLOOR_BINARY:-$1}") # CI may point it at the release build
root=$2
deploy=$root/deploy
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
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
    local what=$1
    shift
    if "$@" >/dev/null 2>&1; then ok; else fail "$what"; fi
}

# --- systemd unit -------------------------------------------------------------------------
unit=$deploy/openfloor.service
check "unit: ExecStart runs /usr/local/bin/openfloor run --config" \
    grep -qE '^ExecStart=/usr/local/bin/openfloor run --config /etc/openfloor/openfloor.jsonc$' "$unit"
for directive in DynamicUser=yes ProtectSystem=strict StateDirectory=openfloor NoNewPrivileges=yes \
    PrivateTmp=yes ProtectHome=yes 'CapabilityBoundingSet=' RestartPreventExitStatus=2 \
    'ExecReload=/bin/kill -HUP $MAINPID' 'EnvironmentFile=/etc/openfloor/openfloor.env'; do
    check "unit: no '$directive' line" grep -qxF "$directive" "$unit"
done

if command -v systemd-analyze >/dev/null; then
    # verify wants the ExecStart binary to exist: point a copy of the unit at the one just built.
    mkdir -p "$work/unit"
    sed "s#^ExecStart=/usr/local/bin/openfloor #ExecStart=$bin #" "$unit" >"$work/unit/openfloor.service"
    grep -qF "ExecStart=$bin run" "$work/unit/openfloor.service" || fail "unit: ExecStart not rewritten"
    if out=$(cd "$work/unit" && systemd-analyze verify ./openfloor.service 2>&1) && [ -z "$out" ]; then
        ok
    else
        fail "systemd-analyze verify: $out"
    fi
    # The sandbox must stay tight: exposure is 0 (locked down) to 10 (none); we allow up to 1.5.
    out=$(cd "$work/unit" && systemd-analyze security --offline=true --threshold=15 ./openfloor.service 2>&1)
    status=$?
    exposure=$(grep -oE 'exposure level for openfloor.service: [0-9.]+' <<<"$out" | awk '{print $NF}')
    echo "deploy: systemd-analyze security exposure ${exposure:-?} (threshold 1.5; 0 = locked down, 10 = none)"
    [ $status -eq 0 ] && [ -n "$exposure" ] && ok || fail "unit exposure over 1.5: $(tail -n 1 <<<"$out")"
else
    echo "deploy: systemd-analyze not installed, unit checked by grep only"
fi

# --- Dockerfile: the static checks of deploy/docker.md --------------------------------------
dockerfile=$deploy/Dockerfile
# Instructions with their continuation lines joined, comments dropped.
sed -e '/^[[:space:]]*#/d' "$dockerfile" | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' >"$work/instructions"
runtime=$work/runtime # the last stage: what ships
stages=$(grep -c '^FROM ' "$work/instructions")
awk -v last="$stages" '/^FROM /{n++} n == last' "$work/instructions" >"$runtime"

[ "$stages" -ge 2 ] && ok || fail "Dockerfile: not multi-stage"
pinned='^FROM debian:12\.[0-9]+-slim(@sha256:[0-9a-f]{64})?( AS [a-z]+)?$'
if grep '^FROM ' "$work/instructions" | grep -vqE "$pinned"; then
    fail "Dockerfile: a FROM that is not a pinned debian:12.N-slim: $(grep '^FROM ' "$work/instructions" | grep -vE "$pinned")"
else
    ok
fi
check "Dockerfile: the runtime stage is not debian 12 slim" grep -qE '^FROM debian:12\.[0-9]+-slim' "$runtime"
user=$(grep '^USER ' "$runtime" | tail -n 1 | awk '{print $2}')
[ -n "$user" ] && [[ ! $user =~ ^(root|0)(:.*)?$ ]] && ok || fail "Dockerfile: runtime USER is '${user:-unset}', not a non-root user"
check "Dockerfile: no HEALTHCHECK calling /healthz" grep -qE '^HEALTHCHECK .*/healthz' "$runtime"
check "Dockerfile: no VOLUME for /var/lib/openfloor" grep -qE '^VOLUME .*/var/lib/openfloor' "$runtime"
check "Dockerfile: WORKDIR is not the volume (the default storage.path would miss it)" \
    grep -qxE 'WORKDIR /var/lib/openfloor' "$runtime"
if grep -qiE '^ADD .*(https?|ftp)://' "$work/instructions"; then fail "Dockerfile: ADD of a URL"; else ok; fi
check "Dockerfile: runtime apt-get install without --no-install-recommends" \
    grep -qE 'apt-get install -y --no-install-recommends' "$runtime"
check "Dockerfile: runtime apt lists not removed" grep -qF 'rm -rf /var/lib/apt/lists/*' "$runtime"
check "Dockerfile: binary not copied from the build stage" \
    grep -qE '^COPY --from=build .*/openfloor /usr/local/bin/openfloor$' "$runtime"
check "Dockerfile: CMD does not read the config Compose mounts" \
    grep -qF 'CMD ["run", "--config", "/etc/openfloor/openfloor.jsonc"]' "$runtime"
check ".dockerignore: build trees or .git are sent to the daemon" \
    bash -c "grep -qx build '$root/.dockerignore' && grep -qx .git '$root/.dockerignore'"

# Every shared library the binary needs comes from a package the runtime stage installs, or from
# the slim base image itself.
base_packages=" libc6 libgcc-s1 libstdc++6 zlib1g libzstd1 liblzma5 libbz2-1.0 libcrypt1 libselinux1 libpcre2-8-0 "
installed=" $(grep -oE '^RUN apt-get update.*' "$runtime" | grep -oE '\b(lib[a-z0-9.+-]+|ca-certificates)\b' | tr '\n' ' ') "
# One dpkg -S for all of them (it reads every package's file list each time it runs). Debian 12
# merged /lib into /usr/lib, but packages register either spelling: ask for both.
mapfile -t libs < <(ldd "$bin" | grep -oE '=> /[^ ]+' | cut -c4-)
spellings=()
for lib in "${libs[@]}"; do
    spellings+=("$lib" "$([[ $lib == /usr/* ]] && echo "${lib#/usr}" || echo "/usr$lib")")
done
owners=$(dpkg -S "${spellings[@]}" 2>/dev/null)
libraries=0
for lib in "${libs[@]}"; do
    libraries=$((libraries + 1))
    package=$(awk -v tail="/$(basename "$lib")" \
        'substr($0, length($0) - length(tail) + 1) == tail { print; exit }' <<<"$owners" | cut -d: -f1)
    if [ -z "$package" ]; then
        fail "image: no Debian package owns $lib"
    elif [[ $base_packages != *" $package "* && $installed != *" $package "* ]]; then
        fail "image: the binary links $lib from $package, which the runtime stage does not install"
    fi
done
[ $libraries -gt 3 ] && ok || fail "ldd found only $libraries libraries in $bin"
check "image: runtime stage has no CA store (TLS to Slack/Mattermost)" grep -q 'ca-certificates' "$runtime"

if command -v hadolint >/dev/null; then
    out=$(hadolint "$dockerfile" 2>&1) && ok || fail "hadolint: $out"
else
    echo "deploy: hadolint not installed (not packaged in Debian 12): run it by hand, deploy/docker.md"
fi

# --- the HEALTHCHECK probe, run as Docker would run it --------------------------------------
# Debian's interpreter first: a version manager's shim costs seconds a start on a busy machine.
python=$(command -v /usr/bin/python3 || command -v python3)
if [ -n "$python" ]; then
    probe_json=$(grep -oE '^HEALTHCHECK .* CMD (\[.*\])$' "$runtime" | sed -E 's/^HEALTHCHECK .* CMD //')
    mapfile -d '' probe < <("$python" -c 'import json,sys; sys.stdout.write("\0".join(json.loads(sys.argv[1])) + "\0")' "$probe_json")
    [ "${probe[0]:-}" = bash ] && ok || fail "HEALTHCHECK is not an exec-form bash probe: $probe_json"
    "$python" "$root/tests/tools/fake_platform_api.py" "$work/fake.port" 60 &
    pids+=($!)
    for _ in $(seq 100); do [ -s "$work/fake.port" ] && break; sleep 0.1; done
    fake=$(cat "$work/fake.port" 2>/dev/null)
    cat >"$work/healthy.jsonc" <<JSON
{
  "server": { "listen": "127.0.0.1:0" },
  "storage": { "path": "$work/health.db" },
  "identity": { "secret": "0123456789abcdef0123456789abcdef" },
  "slack": { "mode": "http", "bot_token": "xoxb-1", "signing_secret": "s",
             "api_base_url": "http://127.0.0.1:$fake/slack-ok/api/" },
  "channels": [ { "key": "eng", "channel_id": "C1" } ]
}
JSON
    "$bin" run --config "$work/healthy.jsonc" 2>"$work/bot.log" &
    bot=$!
    pids+=($bot)
    port=
    for _ in $(seq 100); do
        port=$(grep -oE '"msg":"openfloor.started".*"port":[0-9]+' "$work/bot.log" | grep -oE '[0-9]+$')
        [ -n "$port" ] && break
        sleep 0.1
    done
    if [ -z "$port" ]; then
        fail "the bot did not start against the fake Slack: $(cat "$work/bot.log")"
    else
        OPENFLOOR_HEALTH_PORT=$port timeout 10 "${probe[@]}" 2>/dev/null && ok || fail "the probe calls a healthy bot unhealthy"
        kill -TERM $bot
        wait $bot
        status=$?
        [ $status -eq 0 ] && ok || fail "SIGTERM: exit $status, expected 0"
        OPENFLOOR_HEALTH_PORT=$port timeout 10 "${probe[@]}" 2>/dev/null && fail "the probe calls a stopped bot healthy" || ok
    fi
    # A server that answers, but not 200 (here 404; the bot's 503 takes the same path).
    OPENFLOOR_HEALTH_PORT=$fake timeout 10 "${probe[@]}" 2>/dev/null && fail "the probe passed a non-200 answer" || ok
else
    echo "deploy: python3 not installed, HEALTHCHECK probe not run"
fi

# --- Compose, the env template, the unit: the same names and paths ------------------------
if [ -n "$python" ] && "$python" -c 'import yaml' 2>/dev/null; then
    out=$("$python" - "$deploy/docker-compose.yml" "$deploy" <<'PY'
import os, sys, yaml
compose = yaml.safe_load(open(sys.argv[1]))
service = compose["services"]["openfloor"]
problems = []
build = service["build"]
if not os.path.isfile(os.path.join(sys.argv[2], build["context"], build["dockerfile"])):
    problems.append("build.context + dockerfile do not name deploy/Dockerfile")
targets = [v.split(":")[1] for v in service["volumes"]]
if "/var/lib/openfloor" not in targets:
    problems.append("no volume on /var/lib/openfloor")
if "/etc/openfloor/openfloor.jsonc" not in targets:
    problems.append("the config is not mounted where the image's CMD reads it")
if service.get("env_file") != "openfloor.env":
    problems.append("env_file is not openfloor.env")
if service.get("read_only") is not True or "ALL" not in service.get("cap_drop", []):
    problems.append("not read_only with every capability dropped")
print("\n".join(problems))
PY
)
    [ -z "$out" ] && ok || fail "docker-compose.yml: $out"
else
    echo "deploy: python3-yaml not installed, docker-compose.yml not parsed"
fi
# Every ${NAME} an example config reads has a line in the env template.
for name in $(grep -ohE '"\$\{[A-Z_]+\}"' "$root"/config/examples/*.jsonc | tr -d '"${}' | sort -u); do
    check "openfloor.env.example has no $name= line" grep -qE "^$name=" "$deploy/openfloor.env.example"
done
if grep -qE '^[A-Z_]+=.+' "$deploy/openfloor.env.example"; then
    fail "openfloor.env.example holds a value: ship it empty"
else
    ok
fi

echo "$passed passed, $failures failed"
[ $failures -eq 0 ]
