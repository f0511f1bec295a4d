#!/usr/bin/env bash
# Smoke test of the Linux package: installs the .deb into a scratch root (dpkg-deb -x, no root
# rights needed), makes the AppCDS archive there as the package's postinst would, starts Quire the
# way the desktop menu does (no arguments, no ./corpus) on a virtual display, and checks that
#   - the menu entry and icon are installed and point at the launcher,
#   - the window appears with the sample corpus, copied into the user's data directory and indexed,
#   - the AppCDS archive was used,
#   - the window closes cleanly on Ctrl+Q and remembers its settings (window.properties).
# Leaves a screenshot to look at. Not part of CI (it needs the jpackage build).
#     mvn -Pdist -DskipTests package && packaging/linux/smoke-test.sh [DEB] [SCREENSHOT.png]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
deb=${1:-$(ls "$here"/target/dist/quire_*.deb 2>/dev/null | head -n 1)}
shot=${2:-$here/target/dist/smoke-test.png}
[ -f "$deb" ] || { echo "no .deb found; build it first: mvn -Pdist -DskipTests package" >&2; exit 2; }
for tool in Xvfb xdotool import dpkg-deb; do
  command -v $tool >/dev/null || { echo "smoke-test needs $tool (apt-get install xvfb xdotool imagemagick dpkg)" >&2; exit 2; }
done

work=$(mktemp -d)
app_pid=""
xvfb=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$work/out.txt" ] && { echo "--- program output:" >&2; tail -n 30 "$work/out.txt" >&2; }; exit 1; }
ok() { echo "ok: $*"; }

root="$work/root"
dpkg-deb -x "$deb" "$root"
opt="$root/opt/quire"
[ -x "$opt/bin/Quire" ] || fail "the package has no launcher at /opt/quire/bin/Quire"
desktop="$opt/lib/quire-Quire.desktop"
[ -f "$desktop" ] || fail "the package has no desktop entry"
grep -qx 'Exec=/opt/quire/bin/Quire' "$desktop" || fail "the desktop entry does not start /opt/quire/bin/Quire"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -s "$root$icon" ] || fail "the desktop entry's icon $icon is not in the package"
ok "launcher, desktop entry and icon ($icon) installed"
[ -d "$opt/lib/app/sample-corpus" ] || fail "the package has no sample corpus"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | grep -q 'cds-archive.sh' || fail "postinst does not make the AppCDS archive"
sh "$opt/lib/app/cds-archive.sh"
[ -s "$opt/lib/app/quire.jsa" ] || fail "no AppCDS archive was made"
ok "AppCDS archive made for this root ($(du -h "$opt/lib/app/quire.jsa" | cut -f1))"

disp=:$((150 + RANDOM % 50))
Xvfb "$disp" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 1
export DISPLAY=$disp
data="$work/data"
mkdir -p "$work/home-dir"
start=$(date +%s%N)
(cd "$work/home-dir" && XDG_DATA_HOME="$data" _JAVA_OPTIONS="-Xlog:cds=info:file=$work/cds.log" \
  exec "$opt/bin/Quire" >"$work/out.txt" 2>&1) & app_pid=$!

window=""
for _ in $(seq 1 600); do
  window=$(xdotool search --onlyvisible --name 'sample-corpus' 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || fail "Quire exited before showing its window"
  sleep 0.1
done
[ -n "$window" ] || fail "no window titled with the sample corpus within 60 s"
ok "window '$(xdotool getwindowname "$window")' mapped $(( ($(date +%s%N) - start) / 1000000 )) ms after launch"
# The desktop entry's StartupWMClass must match, or docks show a second, generic icon for the window.
wmclass=$(sed -n 's/^StartupWMClass=//p' "$desktop")
xdotool search --class "^${wmclass//./\\.}\$" 2>/dev/null | grep -qx "$window" \
  || fail "the window's WM_CLASS is not $wmclass (StartupWMClass of the desktop entry)"
ok "window class $wmclass matches the desktop entry"

log="$data/quire/logs/quire-0.log"
for _ in $(seq 1 600); do
  grep -q 'Corpus indexed and searchable' "$log" 2>/dev/null && break
  sleep 0.1
done
grep -q 'Corpus indexed and searchable' "$log" || fail "the sample corpus was not indexed within 60 s"
copied=$(find "$data/quire/sample-corpus" -maxdepth 1 -type f | wc -l)
shipped=$(find "$opt/lib/app/sample-corpus" -maxdepth 1 -type f | wc -l)
[ "$copied" -eq "$shipped" ] || fail "the sample copy has $copied files, the package $shipped"
ok "sample corpus copied to the data directory ($copied files) and indexed: $(grep -o 'searchable [0-9,]* ms after the JVM started' "$log")"
grep -q "Opened archive .*quire.jsa" "$work/cds.log" || fail "the AppCDS archive was not opened"
! grep -qi "unable to use shared archive\|classpath entry does not exist\|A jar file is not the one" "$work/cds.log" \
  || fail "the AppCDS archive was rejected: $(grep -i 'unable\|not the one\|does not exist' "$work/cds.log" | head -n 3)"
ok "AppCDS archive in use"

sleep 2  # let the first search results paint
mkdir -p "$(dirname "$shot")"
import -window root "$shot"
colours=$(convert "$shot" -format '%k' info:)
[ "$colours" -gt 50 ] || fail "the screenshot is nearly blank ($colours colours)"
ok "screenshot $shot ($colours colours)"

xdotool windowactivate --sync "$window" >/dev/null 2>&1 || xdotool windowfocus "$window" || true
xdotool key --window "$window" ctrl+q
for _ in $(seq 1 150); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then fail "Quire did not close on Ctrl+Q within 15 s"; fi
wait "$app_pid" && status=0 || status=$?
app_pid=""
[ "$status" -eq 0 ] || fail "Quire exited with status $status"
grep -q 'sample-corpus' "$data/quire/window.properties" || fail "window.properties does not remember the sample corpus"
grep -q '^window.width' "$data/quire/window.properties" || fail "window.properties does not remember the window size"
! grep -q 'SEVERE' "$log" || fail "the log has errors: $(grep -A2 SEVERE "$log" | head -n 6)"
ok "closed cleanly on Ctrl+Q; settings saved to window.properties; no errors in the log"
echo "PASS"
