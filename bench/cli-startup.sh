#!/bin/sh
# Start-up bench of the command line: wall time of `plan scenarios/seed-5-services.yaml --format json` and of
# `--help`, through `java -jar target/promplan.jar` (the system Java) and through the installed `promplan`
# launcher (the .deb unpacked into a scratch root with dpkg-deb -x, then its postinst's CDS step,
# lib/promplan-cds, run there as an installation runs it). The two are started in turn (jar, launcher, jar,
# launcher, ...) so that both see the same machine; each prints min/median/max over RUNS runs, and the median
# of the per-pair ratio launcher/jar. The launcher runs with no Java on the PATH and JAVA_HOME unset.
# It also checks that a CLI command loads no JavaFX/AWT/Swing class, and, when Xvfb is installed, times the
# desktop app's first frame with content: bench/app-startup.sh for the jar, the same measure for the launcher.
#
# Needs: the jar (mvn -B -DskipTests package), the .deb (mvn -B -Pinstaller -DskipTests package), dpkg-deb.
# Usage: bench/cli-startup.sh [RUNS]     env: DEB=target/installer/promplan_<v>_amd64.deb, APP_RUNS=5 (0: no app)
#        CDS=installed (default: the archive made as postinst makes it) | shipped (the archive in the .deb only)
set -eu
cd "$(dirname "$0")/.."
RUNS="${1:-15}"
APP_RUNS="${APP_RUNS:-5}"
CDS="${CDS:-installed}"
JAR="target/promplan.jar"
DEB="${DEB:-$(ls target/installer/promplan_*_amd64.deb 2>/dev/null | head -1)}"
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -DskipTests package first" >&2; exit 1; }
[ -n "$DEB" ] && [ -f "$DEB" ] || { echo "no .deb under target/installer: run mvn -B -Pinstaller -DskipTests package first" >&2; exit 1; }
command -v dpkg-deb >/dev/null 2>&1 || { echo "dpkg-deb is missing: apt-get install -y dpkg" >&2; exit 1; }

TMP=$(mktemp -d /tmp/promplan-cli-startup.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
ROOT="$TMP/root"
mkdir -p "$ROOT"
dpkg-deb -x "$DEB" "$ROOT"
LAUNCHER="$ROOT/opt/promplan/bin/promplan"
if [ "$CDS" = installed ]; then
  "$ROOT/opt/promplan/lib/promplan-cds"
fi
SYSJAVA=$(command -v java)

# The launcher sees no Java: a clean environment, PATH without any JDK's bin, JAVA_HOME unset.
launcher() { env -i PATH=/usr/bin:/bin HOME="$HOME" LANG="${LANG:-C.UTF-8}" "$LAUNCHER" "$@"; }
jar() { "$SYSJAVA" -jar "$JAR" "$@"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
stats() {
  sort -n | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
    printf "min %6.3f s  median %6.3f s  max %6.3f s  (%d runs)\n", a[1] / 1000, m / 1000, a[NR] / 1000, NR}'
}
ratio_stats() {
  sort -n | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
    printf "min %5.2f    median %5.2f    max %5.2f    (%d pairs)\n", a[1], m, a[NR], NR}'
}

# paired NAME ARGS...: jar then launcher, RUNS times, after one warm-up each
paired() {
  name=$1
  shift
  jar "$@" >/dev/null 2>&1 || { echo "java -jar $JAR $* failed:" >&2; jar "$@" >&2; exit 1; }
  launcher "$@" >/dev/null 2>&1 || { echo "launcher $* failed:" >&2; launcher "$@" >&2; exit 1; }
  : > "$TMP/$name.jar"
  : > "$TMP/$name.launcher"
  : > "$TMP/$name.ratio"
  i=1
  while [ "$i" -le "$RUNS" ]; do
    t0=$(now_ms); jar "$@" >/dev/null 2>&1; t1=$(now_ms)
    launcher "$@" >/dev/null 2>&1; t2=$(now_ms)
    echo $((t1 - t0)) >> "$TMP/$name.jar"
    echo $((t2 - t1)) >> "$TMP/$name.launcher"
    awk -v a=$((t2 - t1)) -v b=$((t1 - t0)) 'BEGIN {printf "%.4f\n", a / b}' >> "$TMP/$name.ratio"
    i=$((i + 1))
  done
  printf '%-16s java -jar:  ' "$name"; stats < "$TMP/$name.jar"
  printf '%-16s launcher:   ' "$name"; stats < "$TMP/$name.launcher"
  printf '%-16s launcher/java -jar, per pair: ' "$name"; ratio_stats < "$TMP/$name.ratio"
}

echo "jar:      $SYSJAVA -jar $JAR   ($("$SYSJAVA" -version 2>&1 | head -1))"
echo "launcher: $LAUNCHER   (from $DEB, CDS archive: $CDS; $(grep '^java-options=-X' "$ROOT/opt/promplan/lib/app/promplan.cfg" | sed 's/^java-options=//' | tr '\n' ' '))"
echo "machine:  $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Same output both ways
jar plan scenarios/seed-5-services.yaml --format json > "$TMP/jar.json"
launcher plan scenarios/seed-5-services.yaml --format json > "$TMP/launcher.json"
if cmp -s "$TMP/jar.json" "$TMP/launcher.json"; then echo "plan --format json: the same bytes both ways"; else echo "plan --format json: OUTPUTS DIFFER" >&2; exit 1; fi

# No desktop class for a CLI command
for args in "plan scenarios/seed-5-services.yaml --format json" "--help"; do
  # shellcheck disable=SC2086
  env -i PATH=/usr/bin:/bin HOME="$HOME" JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$TMP/classes.txt" "$LAUNCHER" $args >/dev/null 2>&1
  total=$(wc -l < "$TMP/classes.txt")
  desktop=$(awk '{print $2}' "$TMP/classes.txt" | grep -cE '^(javafx\.|com\.sun\.javafx\.|com\.sun\.glass\.|com\.sun\.prism\.|java\.awt\.|javax\.swing\.|sun\.awt\.|sun\.java2d\.|io\.promplan\.ui\.|org\.jfree\.)' || true)
  shared=$(grep -c 'shared objects file' "$TMP/classes.txt" || true)
  echo "classes loaded by 'promplan $args': $total ($shared from the CDS archive), JavaFX/AWT/Swing/UI: $desktop"
done
echo

paired plan plan scenarios/seed-5-services.yaml --format json
paired help --help

if [ "$APP_RUNS" -gt 0 ] && command -v Xvfb >/dev/null 2>&1; then
  echo
  echo "desktop app, java -jar (bench/app-startup.sh $APP_RUNS):"
  if sh bench/app-startup.sh "$APP_RUNS" > "$TMP/app-jar.txt" 2>&1; then
    grep -E '^time to' "$TMP/app-jar.txt"
  else
    echo "bench/app-startup.sh failed; its output:"; tail -15 "$TMP/app-jar.txt"
  fi
  echo "desktop app, launcher (the same measure):"
  DISPLAY_NUM=:96
  Xvfb "$DISPLAY_NUM" -screen 0 1440x900x24 >/dev/null 2>&1 &
  XVFB=$!
  APP=""
  trap '[ -n "$APP" ] && kill "$APP" 2>/dev/null; kill "$XVFB" 2>/dev/null; rm -rf "$TMP"' EXIT
  sleep 1
  : > "$TMP/app.times"
  i=1
  while [ "$i" -le "$APP_RUNS" ]; do
    LOG="$TMP/app-$i.log"
    START=$(now_ms)
    env -i PATH=/usr/bin:/bin HOME="$HOME" DISPLAY="$DISPLAY_NUM" \
      JAVA_TOOL_OPTIONS="-Dpromplan.startupTrace=true -Duser.language=en" "$LAUNCHER" >/dev/null 2>"$LOG" &
    APP=$!
    n=0
    while ! grep -q "promplan-startup filled-answer" "$LOG" 2>/dev/null; do
      n=$((n + 1))
      if [ "$n" -gt 600 ] || ! kill -0 "$APP" 2>/dev/null; then
        echo "launcher app run $i: no filled answer within 60 s (or the app exited), not counted; its stderr:"
        tail -5 "$LOG"
        break
      fi
      sleep 0.1
    done
    FRAME=$(awk '$2 == "first-frame" {print $3}' "$LOG")
    ANSWER=$(awk '$2 == "filled-answer" {print $3}' "$LOG")
    kill "$APP" 2>/dev/null || true
    wait "$APP" 2>/dev/null || true
    APP=""
    if [ -n "$FRAME" ] && [ -n "$ANSWER" ]; then
      echo "$((FRAME - START)) $((ANSWER - START))" >> "$TMP/app.times"
    fi
    i=$((i + 1))
    sleep 1
  done
  if [ -s "$TMP/app.times" ]; then
    printf 'time to first frame:   '; cut -d' ' -f1 "$TMP/app.times" | stats
    printf 'time to filled answer: '; cut -d' ' -f2 "$TMP/app.times" | stats
  fi
else
  echo
  echo "desktop app: skipped (APP_RUNS=0 or no Xvfb: apt-get install -y xvfb libgtk-3-0)"
fi
