#!/bin/sh
# Records which classes Quire loads from launch to a ready window (lib/app/quire.classlist in the
# app image), by starting the image once with the sample corpus and letting it close itself.
# Called by `mvn -Pdist package`. Needs a display: uses $DISPLAY, else xvfb-run; without either
# the list is skipped and Quire starts without an AppCDS archive.
#     sh packaging/linux/cds-classlist.sh target/dist/app/Quire
set -eu
image=$(cd "$1" && pwd -P)
app="$image/lib/app"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${DISPLAY:-}" ]; then
  run=""
elif command -v xvfb-run >/dev/null 2>&1; then
  run="xvfb-run -a"
else
  echo "cds-classlist: no display and no xvfb-run (apt-get install xvfb); skipping AppCDS." >&2
  exit 0
fi
# A scratch data directory and working directory: the build must not touch the builder's own
# Quire data, and with no ./corpus the launcher opens (and copies) the sample corpus.
cd "$work"
XDG_DATA_HOME="$work/data" \
_JAVA_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$app/quire.classlist -Dquire.exitAfterStartup=true" \
  timeout 180 $run "$image/bin/Quire" >"$work/out.txt" 2>&1 || {
    echo "cds-classlist: the training start failed; skipping AppCDS. Its output:" >&2
    cat "$work/out.txt" >&2
    rm -f "$app/quire.classlist"
    exit 0
  }
grep -q "Corpus indexed and searchable" "$work/data/quire/logs/quire-0.log" \
  || echo "cds-classlist: the training start did not reach an indexed corpus; the archive will cover less." >&2
echo "cds-classlist: $(wc -l <"$app/quire.classlist") classes recorded"
