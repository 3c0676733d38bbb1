#!/bin/sh
# Makes docs/screenshot-main.png (and, with LANG_ARG=ko, docs/screenshot-main-ko.png) from the built jar:
# starts Xvfb, opens the app on the seed scenario, waits for the first plan, grabs the screen, stops both.
# Needs: xvfb, imagemagick, libgtk-3-0 (apt-get install -y xvfb imagemagick libgtk-3-0) and `mvn package` first.
set -eu
cd "$(dirname "$0")/.."
LANG_ARG="${LANG_ARG:-en}"
OUT="docs/screenshot-main.png"
[ "$LANG_ARG" = "ko" ] && OUT="docs/screenshot-main-ko.png"
DISPLAY_NUM="${DISPLAY_NUM:-:99}"
Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $APP 2>/dev/null; kill $XVFB 2>/dev/null' EXIT
sleep 1
DISPLAY="$DISPLAY_NUM" java -Duser.language="$LANG_ARG" -jar target/promplan.jar >/dev/null 2>&1 &
APP=$!
# wait until the window is there, then give the first plan (debounced, off the UI thread) time to show
for i in $(seq 1 60); do
  if DISPLAY="$DISPLAY_NUM" xwininfo -root -tree 2>/dev/null | grep -q '"Promplan - '; then break; fi
  sleep 0.5
done
sleep 6
DISPLAY="$DISPLAY_NUM" import -window root "$OUT"
echo "wrote $OUT"
