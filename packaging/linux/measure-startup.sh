#!/usr/bin/env bash
# Launch-to-window time of a packaged Quire, with and without class-data sharing.
#     packaging/linux/measure-startup.sh [IMAGE] [RUNS]
# IMAGE is an app image (default target/dist/app/Quire; an extracted .deb's opt/quire works too).
# Each run starts IMAGE/bin/Quire on a fresh virtual display (Xvfb) with the sample corpus and lets
# it close itself once the corpus is indexed (-Dquire.exitAfterStartup=true). Modes, interleaved
# so that a busy machine slows them alike:
#   appcds  the image as shipped: its AppCDS archive (lib/app/quire.jsa: JDK, library and Quire classes)
#   jdkcds  only the JDK's own classes shared, as a stock JDK would (an archive made here, in a temp dir)
#   off     no class-data sharing at all (-Xshare:off; the jlinked runtime has no default archive)
# Figures: "mapped" is from the launcher's exec to the window being mapped on the display (polled
# every 20 ms); "shown" and "indexed" are the JVM uptimes the window logs when it is shown and when
# the sample is indexed and searchable. Prints median and max per mode.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
image=$(cd "${1:-$here/target/dist/app/Quire}" && pwd -P)
runs=${2:-7}
for tool in Xvfb xdotool; do
  command -v $tool >/dev/null || { echo "measure-startup needs $tool (apt-get install xvfb xdotool)" >&2; exit 2; }
done
[ -f "$image/lib/app/quire.jsa" ] || echo "warning: $image has no lib/app/quire.jsa; appcds will be like off" >&2

work=$(mktemp -d)
disp=:$((200 + RANDOM % 50))
Xvfb "$disp" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=$disp

"$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedArchiveFile="$work/jdk.jsa" >/dev/null 2>&1

declare -A opts=(
  [appcds]=""
  [jdkcds]="-XX:SharedArchiveFile=$work/jdk.jsa"
  [off]="-Xshare:off"
)
modes=(appcds jdkcds off)
log="$work/data/quire/logs/quire-0.log"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

one_run() { # mode -> "mapped shown indexed"
  local mode=$1 t0 t1 pid
  mkdir -p "$work/cwd"
  t0=$(now_ms)
  (cd "$work/cwd" && XDG_DATA_HOME="$work/data" \
    _JAVA_OPTIONS="-Dquire.exitAfterStartup=true ${opts[$mode]}" exec "$image/bin/Quire" >"$work/out.txt" 2>&1) &
  pid=$!
  t1=""
  for _ in $(seq 1 3000); do
    if xdotool search --onlyvisible --name 'Quire' >/dev/null 2>&1; then t1=$(now_ms); break; fi
    sleep 0.02
  done
  wait $pid || true
  local shown indexed
  shown=$(grep -o 'Window shown [0-9,]* ms' "$log" | tail -n 1 | tr -dc '0-9')
  indexed=$(grep -o 'searchable [0-9,]* ms' "$log" | tail -n 1 | tr -dc '0-9')
  echo "$(( ${t1:-0} - t0 )) ${shown:-0} ${indexed:-0}"
}

echo "warm-up (copies the sample corpus and indexes it once)..." >&2
one_run appcds >/dev/null
for i in $(seq 1 "$runs"); do
  for mode in "${modes[@]}"; do
    : >"$log"
    echo "$mode $(one_run "$mode")" >>"$work/results"
  done
  echo "run $i of $runs done" >&2
done

stats() { # column -> "median max"
  sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:int((a[NR/2]+a[NR/2+1])/2); print m, a[NR]}'
}
printf '%-7s %-22s %-22s %-22s\n' mode "mapped ms (med/max)" "shown ms (med/max)" "indexed ms (med/max)"
for mode in "${modes[@]}"; do
  m=$(awk -v m="$mode" '$1==m {print $2}' "$work/results" | stats)
  s=$(awk -v m="$mode" '$1==m {print $3}' "$work/results" | stats)
  x=$(awk -v m="$mode" '$1==m {print $4}' "$work/results" | stats)
  printf '%-7s %-22s %-22s %-22s\n' "$mode" "${m/ / / }" "${s/ / / }" "${x/ / / }"
done
echo "($runs runs per mode on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
