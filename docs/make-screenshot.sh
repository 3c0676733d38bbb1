#!/bin/sh
# Makes docs/screenshot-main.png (and, with LANG_ARG=ko, docs/screenshot-main-ko.png) from the built jar:
# starts Xvfb, opens the app on the seed scenario, waits for the first plan, grabs the screen, stops both.
# With xdotool installed it then presses Ctrl+2 (View > Decision views) and grabs docs/screenshot-decision.png
# (or -ko.png) too.
# Needs: xvfb, imagemagick, libgtk-3-0 (apt-get install -y xvfb imagemagick libgtk-3-0 [xdotool]) and `mvn package` first.
set -eu
cd "$(dirname "$0")/.."
LANG_ARG="${LANG_ARG:-en}"
OUT="docs/screenshot-main.png"
DECISION="docs/screenshot-decision.png"
[ "$LANG_ARG" = "ko" ] && OUT="docs/screenshot-main-ko.png" && DECISION="docs/screenshot-decision-ko.png"
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
if command -v xdotool >/dev/null 2>&1; then
  WIN=$(DISPLAY="$DISPLAY_NUM" xdotool search --name "Promplan - " | head -n 1)
  DISPLAY="$DISPLAY_NUM" xdotool windowfocus "$WIN" key --window "$WIN" ctrl+2
  # the decision views: 100,000 simulation runs off the UI thread
  sleep 8
  DISPLAY="$DISPLAY_NUM" import -window root "$DECISION"
  echo "wrote $DECISION"
fi
