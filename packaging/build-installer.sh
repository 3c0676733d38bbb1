#!/usr/bin/env bash
# Builds the installer from the shaded jar (run by `mvn -B -Pinstaller package`, after the shade step).
#
#   1. jdeps lists the JDK modules the jar needs; jlink makes a runtime of only those (plus TLS for the
#      price refresh, locale data for Korean and the extra charsets), with its own CDS archive.
#   2. Training: the runtime's java runs the CLI's commands once each on the shipped scenarios (and the desktop
#      app once under Xvfb, when Xvfb is installed) and records the classes they load
#      (-XX:DumpLoadedClassList); the lists are merged into lib/promplan.classlist.
#   3. jpackage makes the app image: the jar on the class path (JavaFX included, as with `java -jar`), the JVM
#      options for short runs. On Linux bin/promplan is then replaced by packaging/linux/promplan.sh, which
#      starts the runtime's java with the same options (CLI with arguments, desktop app without): jpackage's
#      native launcher runs `rpm -qf` and `dpkg -S` on itself at every start.
#   4. The image gets lib/pricing-data, lib/scenarios, the class list, lib/promplan.jsa (a CDS archive of
#      the JDK classes the commands use, valid wherever the image is unpacked) and lib/promplan-cds, which
#      remakes lib/promplan.jsa with the app's own classes too. Java 17 records the jar's absolute path in
#      an archive that holds app classes, so that one can only be made where the package is installed:
#      the .deb's postinst runs lib/promplan-cds (a few seconds), never the app itself.
#   5. jpackage turns the image into target/installer/promplan_<version>_amd64.deb (or dmg/msi/app-image).
#
# Environment (set by the pom): JAR, VERSION, TYPE (deb | app-image | dmg | msi), OUT, BASEDIR, JAVA_HOME.
set -euo pipefail

: "${JAR:?}" "${VERSION:?}" "${OUT:?}" "${BASEDIR:?}" "${JAVA_HOME:?}"
TYPE="${TYPE:-deb}"
NAME=promplan
BIN="$JAVA_HOME/bin"
# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
APP_VERSION="${VERSION%%-*}"
RES="$BASEDIR/src/main/jpackage"
WORK="$OUT/work"
case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=mac ;;
  MINGW* | MSYS* | CYGWIN*) OS=windows ;;
  *) OS=other ;;
esac

for tool in jdeps jlink jpackage; do
  [ -x "$BIN/$tool" ] || [ -x "$BIN/$tool.exe" ] || { echo "installer: $BIN/$tool not found (a full JDK 17+ is needed)" >&2; exit 1; }
done
if [ "$TYPE" = deb ]; then
  for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null 2>&1 || { echo "installer: $tool is missing: sudo apt-get install -y fakeroot dpkg-dev" >&2; exit 1; }
  done
fi

rm -rf "$OUT"
mkdir -p "$WORK/input" "$WORK/train"
cp "$JAR" "$WORK/input/$NAME.jar"

echo "== installer: modules (jdeps)"
MODULES=$("$BIN/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$JAR" 2>/dev/null | tail -1)
# jdk.crypto.ec: TLS to the AWS Price List API; jdk.localedata: Korean (and every other) locale's formats,
# as with a system Java; jdk.charsets: a non-UTF-8 system charset (EUC-KR, ...).
MODULES="$MODULES,jdk.crypto.ec,jdk.localedata,jdk.charsets"
echo "$MODULES"

echo "== installer: runtime (jlink)"
# bin/java is kept (no --strip-native-commands): the class-data-sharing archive is made with it.
"$BIN/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$WORK/runtime"
JAVA="$WORK/runtime/bin/java"

echo "== installer: training runs (the classes each command loads, with the runtime above)"
SCN="$BASEDIR/scenarios"
n=0
train() {
  n=$((n + 1))
  (cd "$BASEDIR" && "$JAVA" -XX:DumpLoadedClassList="$WORK/train/$n.classlist" -Djava.awt.headless=true \
    -cp "$WORK/input/$NAME.jar" io.promplan.Launcher "$@" >"$WORK/train/$n.out" 2>&1) \
    || { echo "installer: training run failed: promplan $*" >&2; cat "$WORK/train/$n.out" >&2; exit 1; }
}
train --help
train plan --help
train plan "$SCN/seed-5-services.yaml" --format json
train plan "$SCN/seed-5-services.yaml"
train plan "$SCN/services-10.yaml" --format csv
train plan "$SCN/services-20.yaml" --explain
train compare "$SCN/seed-5-services.yaml" "$SCN/services-10.yaml" "$SCN/services-20.yaml"
train sweep "$SCN/seed-5-services.yaml" --services 1..50 --format json
train simulate "$SCN/seed-5-services.yaml" --runs 2000 --seed 42
train prices show --format json
train export "$SCN/seed-5-services.yaml" --out "$WORK/train/export"
train report "$SCN/seed-5-services.yaml" --out "$WORK/train/plan.pdf" --lang ko
# The desktop app too, when Xvfb is there (the CI job installs it): started on the seed scenario, stopped once
# its answer is filled in; user.home is a scratch folder, so the builder's recent files stay untouched.
if [ "$OS" = linux ] && command -v Xvfb >/dev/null 2>&1; then
  XDISPLAY=:93
  Xvfb "$XDISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
  XVFB=$!
  sleep 2
  mkdir -p "$WORK/train/home"
  (cd "$BASEDIR" && exec env DISPLAY="$XDISPLAY" "$JAVA" -XX:DumpLoadedClassList="$WORK/train/app.classlist" \
    -Duser.home="$WORK/train/home" -Dpromplan.startupTrace=true -cp "$WORK/input/$NAME.jar" io.promplan.Launcher \
    >"$WORK/train/app.out" 2>"$WORK/train/app.err") &
  APP=$!
  waited=0
  while ! grep -q "promplan-startup filled-answer" "$WORK/train/app.err" 2>/dev/null; do
    if [ "$waited" -ge 1200 ] || ! kill -0 "$APP" 2>/dev/null; then
      echo "installer: the desktop app's training run did not fill its answer; its classes are left out" >&2
      tail -5 "$WORK/train/app.err" >&2
      rm -f "$WORK/train/app.classlist"
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  sleep 1
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  kill "$XVFB" 2>/dev/null || true
  wait "$XVFB" 2>/dev/null || true
else
  echo "installer: no Xvfb: the desktop app's classes are left out of the class list (apt-get install -y xvfb)"
fi
# One list: the "id:" numbers are per run, so they are dropped (they only matter for custom class loaders).
cat "$WORK/train"/*.classlist | grep -v '^#' | sed 's/ id: [0-9]*$//' | awk '!seen[$0]++' > "$WORK/$NAME.classlist"
echo "$(wc -l < "$WORK/$NAME.classlist") classes and lambda forms in the class list"

echo "== installer: app image (jpackage)"
# Short CLI runs (measured by bench/cli-startup.sh): C1 only, the serial collector, the CDS archive.
# -Xlog:cds=off: a stale archive (the jar changed after the archive was made) is then ignored silently.
JAVA_OPTS=(
  "-XX:SharedArchiveFile=\$APPDIR/../$NAME.jsa" "-Xshare:auto" "-Xlog:cds=off" "-Xlog:cds+dynamic=off"
  "-XX:TieredStopAtLevel=1" "-XX:+UseSerialGC"
)
ICON_ARGS=()
case "$OS" in
  linux) ICON_ARGS=(--icon "$RES/$NAME.png") ;;
esac
JOPT_ARGS=()
for o in "${JAVA_OPTS[@]}"; do JOPT_ARGS+=(--java-options "$o"); done
"$BIN/jpackage" --type app-image --name "$NAME" --app-version "$APP_VERSION" \
  --vendor "Promplan" --description "Capacity and cost planner for Prometheus + Grafana on AWS ECS Fargate" \
  --input "$WORK/input" --main-jar "$NAME.jar" --main-class io.promplan.Launcher \
  --runtime-image "$WORK/runtime" "${JOPT_ARGS[@]}" "${ICON_ARGS[@]}" --dest "$WORK/image"

case "$OS" in
  mac) LIB="$WORK/image/$NAME.app/Contents/app/.." ;;   # not run here: the workflow's macOS job
  windows) LIB="$WORK/image/$NAME" ;;                  # not run here: the workflow's Windows job
  *) LIB="$WORK/image/$NAME/lib" ;;
esac
IMAGE_JAVA="$LIB/runtime/bin/java"
[ -x "$IMAGE_JAVA" ] || IMAGE_JAVA="$WORK/runtime/bin/java"

echo "== installer: price snapshot, scenarios, class list, CDS archive of the JDK classes"
mkdir -p "$LIB/pricing-data" "$LIB/scenarios"
cp "$BASEDIR"/pricing-data/*.json "$BASEDIR/pricing-data/README.md" "$LIB/pricing-data/"
cp "$SCN"/*.yaml "$LIB/scenarios/"
cp "$WORK/$NAME.classlist" "$LIB/$NAME.classlist"
if [ "$OS" = linux ]; then
  cp "$BASEDIR/packaging/linux/promplan-cds" "$LIB/promplan-cds"
  chmod 755 "$LIB/promplan-cds"
  # bin/promplan: a shell script that starts the runtime's java with the same options, in place of jpackage's
  # native launcher, which runs `rpm -qf` and `dpkg -S` on itself at every start (packaging/linux/promplan.sh)
  OPTS="-Djpackage.app-version=$APP_VERSION"
  for o in "${JAVA_OPTS[@]}"; do OPTS="$OPTS $(printf '%s' "$o" | sed 's|\$APPDIR|"$APPDIR"|g')"; done
  sed "s|@JAVA_OPTIONS@|$OPTS|" "$BASEDIR/packaging/linux/promplan.sh" > "$WORK/image/$NAME/bin/$NAME"
  chmod 755 "$WORK/image/$NAME/bin/$NAME"
  rm -f "$LIB/libapplauncher.so"
  grep '^exec ' "$WORK/image/$NAME/bin/$NAME"
fi
# The shipped archive: the same class list with no class path, so only JDK classes (the app's are
# reported as not found, hence the log). It is valid wherever the package is unpacked.
"$IMAGE_JAVA" -Xshare:dump -XX:SharedClassListFile="$LIB/$NAME.classlist" \
  -XX:SharedArchiveFile="$LIB/$NAME.jsa" >"$WORK/jdk-archive.log" 2>&1 \
  || { cat "$WORK/jdk-archive.log" >&2; exit 1; }
ls -l "$LIB/$NAME.jsa"

if [ "$TYPE" = app-image ]; then
  echo "app image: $WORK/image"
  exit 0
fi

echo "== installer: $TYPE (jpackage)"
PKG_ARGS=()
case "$TYPE" in
  deb)
    PKG_ARGS=(--resource-dir "$RES" --linux-shortcut --linux-app-category utils --linux-package-deps libgtk-3-0
      --linux-deb-maintainer "promplan@users.noreply.github.com" --linux-package-name "$NAME") ;;
  msi)
    PKG_ARGS=(--win-menu --win-shortcut --win-dir-chooser --win-console) ;;
  dmg | pkg)
    PKG_ARGS=() ;;
esac
"$BIN/jpackage" --type "$TYPE" --app-image "$WORK/image/$([ "$OS" = mac ] && echo "$NAME.app" || echo "$NAME")" \
  --name "$NAME" --app-version "$APP_VERSION" --vendor "Promplan" \
  --description "Capacity and cost planner for Prometheus + Grafana on AWS ECS Fargate" \
  "${PKG_ARGS[@]}" --dest "$OUT"

if [ "$TYPE" = deb ]; then
  # jpackage names it promplan_<version>-1_amd64.deb (Debian release 1)
  for f in "$OUT"/${NAME}_*_amd64.deb; do
    [ "$f" = "$OUT/${NAME}_${APP_VERSION}_amd64.deb" ] || mv "$f" "$OUT/${NAME}_${APP_VERSION}_amd64.deb"
  done
fi
ls -l "$OUT"
