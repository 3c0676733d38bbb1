#!/bin/sh
# Start-up bench of the desktop app: time to the first frame with content, to the first filled answer
# (the manager's summary with the plan of the seed scenario) and to the recommendation on the first screen
# (the decision, 5,000 simulated runs), from the launch of `java -jar` (JVM start included), over RUNS runs
# (default 5) under Xvfb. Prints every run and min/median/max.
# The app marks the two events itself (-Dpromplan.startupTrace=true: "promplan-startup <event> <epoch ms>"
# on stderr, after the JavaFX pulse that laid the frame out).
# Needs: xvfb (apt-get install -y xvfb libgtk-3-0) and the jar (mvn -B -DskipTests package).
# Usage: bench/app-startup.sh [RUNS]      env: LANG_ARG=en|ko, JAR=target/promplan.jar, DISPLAY_NUM=:97
set -eu
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
JAR="${JAR:-target/promplan.jar}"
LANG_ARG="${LANG_ARG:-en}"
DISPLAY_NUM="${DISPLAY_NUM:-:97}"
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -DskipTests package first" >&2; exit 1; }
command -v Xvfb >/dev/null 2>&1 || { echo "Xvfb is missing: apt-get install -y xvfb libgtk-3-0" >&2; exit 1; }
TMP=$(mktemp -d /tmp/promplan-startup.XXXXXX)
Xvfb "$DISPLAY_NUM" -screen 0 1440x900x24 >/dev/null 2>&1 &
XVFB=$!
APP=""
trap '[ -n "$APP" ] && kill "$APP" 2>/dev/null; kill "$XVFB" 2>/dev/null; rm -rf "$TMP"' EXIT
sleep 1
i=1
while [ "$i" -le "$RUNS" ]; do
  LOG="$TMP/run-$i.log"
  START=$(date +%s%3N)
  DISPLAY="$DISPLAY_NUM" java -Dpromplan.startupTrace=true -Duser.language="$LANG_ARG" -jar "$JAR" >/dev/null 2>"$LOG" &
  APP=$!
  n=0
  while ! grep -q "promplan-startup verdict" "$LOG" 2>/dev/null; do
    n=$((n + 1))
    if [ "$n" -gt 600 ] || ! kill -0 "$APP" 2>/dev/null; then
      echo "run $i: no recommendation within 60 s (or the app exited); its stderr:" >&2
      cat "$LOG" >&2
      exit 1
    fi
    sleep 0.1
  done
  FRAME=$(awk '$2 == "first-frame" {print $3}' "$LOG")
  ANSWER=$(awk '$2 == "filled-answer" {print $3}' "$LOG")
  VERDICT=$(awk '$2 == "verdict" {print $3}' "$LOG")
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  APP=""
  echo "$((FRAME - START)) $((ANSWER - START)) $((VERDICT - START))" >> "$TMP/times"
  echo "run $i: first frame $((FRAME - START)) ms, filled answer $((ANSWER - START)) ms, recommendation $((VERDICT - START)) ms"
  i=$((i + 1))
  sleep 1
done
stats() {
  sort -n | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "min %d ms, median %d ms, max %d ms (%d runs)\n", a[1], m, a[NR], NR}'
}
printf 'time to first frame:   '; cut -d' ' -f1 "$TMP/times" | stats
printf 'time to filled answer: '; cut -d' ' -f2 "$TMP/times" | stats
printf 'time to recommendation: '; cut -d' ' -f3 "$TMP/times" | stats
