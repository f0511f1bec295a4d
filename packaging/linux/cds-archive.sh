#!/bin/sh
# Creates the class-data-sharing archive (AppCDS) of an installed Quire: lib/app/quire.jsa.
#
# The archive holds the classes Quire loads up to a ready window, already parsed and verified, so
# the next start skips that work. Java 17 checks the absolute path of every jar against the one the
# archive was made with, so the archive is made where Quire is installed: by the .deb's postinst,
# by `mvn -Pdist package` for target/dist/app/Quire, and by hand after moving an app image:
#     sh <image>/lib/app/cds-archive.sh
# It needs no display: the class list (lib/app/quire.classlist) was recorded at build time from a
# real start of the window. Without an archive Quire starts as usual, only more slowly.
set -eu
app=$(cd "$(dirname "$0")" && pwd -P)
image=$(dirname "$(dirname "$app")")
java="$image/lib/runtime/bin/java"
list="$app/quire.classlist"
[ -f "$list" ] || { echo "cds-archive: no class list at $list; Quire will start without an archive." >&2; exit 0; }
cfg=$(ls "$app"/*.cfg | head -n 1)
# The launcher's class path, in its order, with $APPDIR expanded as the launcher expands it.
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s#^\\\$APPDIR#$app#" | paste -sd: -)
rm -f "$app/quire.jsa"
"$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$app/quire.jsa" \
    -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$cp" >/dev/null 2>&1 \
  || { echo "cds-archive: the archive could not be made; Quire will start without it." >&2; rm -f "$app/quire.jsa"; exit 0; }
chmod 644 "$app/quire.jsa"
