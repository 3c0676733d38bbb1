#!/bin/sh
# Screenshots of the desktop app from the built jar, under Xvfb, at one screen size and in one language:
#   the main window on the seed scenario (once its recommendation is in), the decision views (Ctrl+2),
#   and Compare (Ctrl+K: the scenario being edited beside the shipped 5/10/20-service steps).
# The app marks when its answer and its recommendation are on screen (-Dpromplan.startupTrace=true);
# the script waits for those marks rather than guessing a delay.
# Files: docs/screenshot-{main,decision,compare}[-ko][-WxH].png; the size suffix is left out at 1440x900.
# Needs: xvfb, imagemagick, xdotool, x11-utils, libgtk-3-0 (apt-get install -y xvfb imagemagick xdotool x11-utils libgtk-3-0)
# and the jar (mvn -B -DskipTests package).
# Usage: LANG_ARG=en|ko SIZE=1440x900|1280x720 docs/make-screenshot.sh
set -eu
cd "$(dirname "$0")/.."
LANG_ARG="${LANG_ARG:-en}"
SIZE="${SIZE:-1440x900}"
JAR="${JAR:-target/promplan.jar}"
DISPLAY_NUM="${DISPLAY_NUM:-:99}"
SUFFIX=""
[ "$LANG_ARG" = "ko" ] && SUFFIX="-ko"
[ "$SIZE" != "1440x900" ] && SUFFIX="$SUFFIX-$SIZE"
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -DskipTests package first" >&2; exit 1; }
for c in Xvfb import xdotool xwininfo; do
  command -v "$c" >/dev/null 2>&1 || { echo "$c is missing: apt-get install -y xvfb imagemagick xdotool x11-utils libgtk-3-0" >&2; exit 1; }
done
LOG=$(mktemp /tmp/promplan-shot.XXXXXX)
Xvfb "$DISPLAY_NUM" -screen 0 "${SIZE}x24" >/dev/null 2>&1 &
XVFB=$!
APP=""
trap '[ -n "$APP" ] && kill "$APP" 2>/dev/null; kill "$XVFB" 2>/dev/null; rm -f "$LOG"' EXIT
sleep 1
DISPLAY="$DISPLAY_NUM" java -Dpromplan.startupTrace=true -Duser.language="$LANG_ARG" -jar "$JAR" >/dev/null 2>"$LOG" &
APP=$!
wait_for() { # wait_for EVENT SECONDS
  n=0
  while ! grep -q "promplan-startup $1" "$LOG" 2>/dev/null; do
    n=$((n + 1))
    if [ "$n" -gt $(($2 * 10)) ] || ! kill -0 "$APP" 2>/dev/null; then
      echo "no '$1' within $2 s; the app's stderr:" >&2; cat "$LOG" >&2; exit 1
    fi
    sleep 0.1
  done
}
wait_for verdict 120
sleep 2
DISPLAY="$DISPLAY_NUM" import -window root "docs/screenshot-main$SUFFIX.png"
echo "wrote docs/screenshot-main$SUFFIX.png"
WIN=$(DISPLAY="$DISPLAY_NUM" xdotool search --name "Promplan - " | head -n 1)
DISPLAY="$DISPLAY_NUM" xdotool windowfocus "$WIN" key --window "$WIN" ctrl+2
sleep 3
DISPLAY="$DISPLAY_NUM" import -window root "docs/screenshot-decision$SUFFIX.png"
echo "wrote docs/screenshot-decision$SUFFIX.png"
DISPLAY="$DISPLAY_NUM" xdotool windowfocus "$WIN" key --window "$WIN" ctrl+1
DISPLAY="$DISPLAY_NUM" xdotool windowfocus "$WIN" key --window "$WIN" ctrl+k
# four scenarios planned off the UI thread
sleep "${COMPARE_WAIT:-8}"
DISPLAY="$DISPLAY_NUM" import -window root "docs/screenshot-compare$SUFFIX.png"
echo "wrote docs/screenshot-compare$SUFFIX.png"
