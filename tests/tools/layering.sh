#!/usr/bin/env bash
# The dependency direction of style.md §2, checked on every include: a library may include only
# the folders below it. Prints each forbidden include and fails if there is one.
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root"

allowed() {
    case "$1" in
        config) echo "config" ;;
        bot) echo "bot config" ;;
        storage) echo "storage bot config" ;;
        adapters/transport) echo "adapters/transport bot config" ;;
        adapters/slack) echo "adapters/slack adapters/transport bot config" ;;
        adapters/mattermost) echo "adapters/mattermost adapters/transport bot config" ;;
        adapters/local) echo "adapters/local adapters/transport bot config" ;;
        *) echo "" ;;
    esac
}

status=0
checked=0
for folder in config bot storage adapters/transport adapters/slack adapters/mattermost adapters/local; do
    [ -d "$folder" ] || continue
    permitted=$(allowed "$folder")
    while IFS= read -r line; do
        file=${line%%:*}
        target=$(sed -E 's/.*#include "([^"]+)".*/\1/' <<<"${line#*:}")
        checked=$((checked + 1))
        ok=0
        for p in $permitted; do
            case "$target" in "$p"/*) ok=1 ;; esac
        done
        if [ $ok -eq 0 ]; then
            echo "forbidden include: $file includes \"$target\" ($folder may include: $permitted)"
            status=1
        fi
    done < <(grep -rn --include='*.hpp' --include='*.cpp' -E '^\s*#include "' "$folder" | sed -E 's/^([^:]+):[0-9]+:/\1:/')
done
echo "layering: $checked project includes checked"
exit $status
