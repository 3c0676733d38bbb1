#!/usr/bin/env bash
# Fetches Prometheus 3.5 LTS (prometheus, promtool) and Alertmanager 0.33 (alertmanager, amtool) as Debian sid
# builds into a cache folder, without installing anything or touching the system's apt configuration.
# Prints the folder holding the four binaries on its last line. Falls back to Debian bookworm's builds
# (Prometheus 2.42 / Alertmanager 0.25) with a printed note when sid cannot be reached.
# usage: .ci/real-software.sh [CACHE_DIR]      (default ~/.cache/promplan-real-software)
set -euo pipefail
CACHE="${1:-${PROMPLAN_REAL_SOFTWARE:-$HOME/.cache/promplan-real-software}}"
BIN="$CACHE/bin"
if [ -x "$BIN/promtool" ] && [ -x "$BIN/prometheus" ] && [ -x "$BIN/amtool" ] && [ -x "$BIN/alertmanager" ]; then
  echo "$BIN"; exit 0
fi
mkdir -p "$CACHE/apt/lists/partial" "$CACHE/apt/cache/archives/partial" "$CACHE/debs" "$BIN"
fetch() { # $1 = suite
  echo "deb http://deb.debian.org/debian $1 main" > "$CACHE/apt/sources.list"
  local opts=(-o Dir::Etc::sourcelist="$CACHE/apt/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$CACHE/apt/lists" -o Dir::Cache="$CACHE/apt/cache" -o Debug::NoLocking=1 \
    -o APT::Sandbox::User=root)
  apt-get "${opts[@]}" -qq update >&2 || return 1
  rm -f "$CACHE"/debs/*.deb
  (cd "$CACHE/debs" && apt-get "${opts[@]}" -qq download prometheus promtool prometheus-alertmanager >&2) || \
  (cd "$CACHE/debs" && apt-get "${opts[@]}" -qq download prometheus prometheus-alertmanager >&2)
}
if fetch sid; then
  echo "real-software: Debian sid builds (Prometheus 3.5 LTS, Alertmanager 0.33)" >&2
else
  echo "real-software: NOTE Debian sid unreachable; falling back to bookworm (Prometheus 2.42, Alertmanager 0.25)" >&2
  fetch bookworm
fi
rm -rf "$CACHE/x" && mkdir -p "$CACHE/x"
for f in "$CACHE"/debs/*.deb; do dpkg-deb -x "$f" "$CACHE/x"; done
cp "$CACHE/x/usr/bin/prometheus" "$BIN/prometheus"
cp "$CACHE/x/usr/bin/promtool" "$BIN/promtool"
cp "$CACHE/x/usr/bin/prometheus-alertmanager" "$BIN/alertmanager"
cp "$CACHE/x/usr/bin/amtool" "$BIN/amtool"
rm -rf "$CACHE/x"
"$BIN/promtool" --version 2>&1 | head -1 >&2
"$BIN/amtool" --version 2>&1 | head -1 >&2
echo "$BIN"
