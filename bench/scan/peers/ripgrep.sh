#!/usr/bin/env bash
# Raw pattern-matching floor: ripgrep with ONE combined regex set (ripgrep-patterns.txt, one
# alternative per line; rg joins them with |) over the benchmark file, counting matches.
#
#   bash bench/scan/peers/ripgrep.sh <file> [threads] [encoding]
#
#   threads   1 (default: the per-core figure, `-j1`) or `all` (rg's default thread count).
#             ripgrep parallelises across files, not within one file, so on a single file both
#             give about the same speed; run.ts reports both to show that.
#   encoding  passed to `rg -E` (e.g. gb18030 for a GBK corpus; rg then transcodes to UTF-8).
#
# `--no-mmap`: ripgrep reads the file in buffers, in constant memory, as the scanner does (with a
# memory map its RSS would count every mapped page of the file; the speed is the same here).
#
# Prints one JSON line on stdout: tool, threads, bytes, seconds (wall), cpuSeconds, mibPerSec,
# peakRssMiB, matches, command. Needs `rg` (Debian: apt-get install ripgrep) and /usr/bin/time
# (Debian: apt-get install time).
set -euo pipefail

file=${1:?usage: ripgrep.sh <file> [1|all] [encoding]}
threads=${2:-1}
encoding=${3:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
patterns="$here/ripgrep-patterns.txt"

command -v rg >/dev/null || { echo "ripgrep.sh: rg not found (apt-get install ripgrep)" >&2; exit 3; }
[ -x /usr/bin/time ] || { echo "ripgrep.sh: /usr/bin/time not found (apt-get install time)" >&2; exit 3; }

args=(--no-config --no-mmap --count-matches --no-messages -f "$patterns")
if [ "$threads" != "all" ]; then args=(-j"$threads" "${args[@]}"); fi
if [ -n "$encoding" ]; then args+=(-E "$encoding"); fi

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
# rg exits 1 when nothing matched: not an error here.
matches=$(/usr/bin/time -f '%e %M %U %S' -o "$timing" rg "${args[@]}" "$file" || true)
read -r wall rss_kib user sys < "$timing"
bytes=$(stat -c %s "$file")
rg_version=$(rg --version | awk 'NR == 1 { print $2 }')

awk -v bytes="$bytes" -v wall="$wall" -v rss="$rss_kib" -v user="$user" -v sys="$sys" \
    -v matches="${matches:-0}" -v threads="$threads" -v ver="$rg_version" \
    -v cmd="rg ${args[*]/#$PWD\//} $file" 'BEGIN {
  s = (wall > 0 ? wall : 0.01);
  gsub(/\\/, "\\\\", cmd); gsub(/"/, "\\\"", cmd);
  printf "{\"tool\":\"ripgrep\",\"version\":\"%s\",\"threads\":\"%s\",\"bytes\":%d,\"seconds\":%.3f,\"cpuSeconds\":%.3f,\"mibPerSec\":%.2f,\"peakRssMiB\":%.1f,\"matches\":%d,\"command\":\"%s\"}\n",
    ver, threads, bytes, wall, user + sys, bytes / 1048576 / s, rss / 1024, matches, cmd
}'
