#!/usr/bin/env bash
# Writes every CLI output of every shipped scenario (plan in each format, --explain, compare, sweep,
# simulate, report as Markdown/CSV, export, prices show), in English and Korean, into OUTDIR.
# Two runs (before and after a refactoring) compared with `diff -r A B` prove the output unchanged.
# Usage: bench/outputs-snapshot.sh OUTDIR [JAR]   (JAR defaults to target/promplan.jar; build it first)
set -u
out=${1:?usage: outputs-snapshot.sh OUTDIR [JAR]}
jar=${2:-target/promplan.jar}
mkdir -p "$out"
run() { local name=$1; shift; java -jar "$jar" "$@" >"$out/$name.out" 2>"$out/$name.err"; echo "exit $?" >>"$out/$name.out"; sed -i "s|$out|OUTDIR|g" "$out/$name.out" "$out/$name.err"; }
for s in scenarios/*.yaml; do
  b=$(basename "$s" .yaml)
  for lang in en ko; do
    run "plan-$b-$lang" plan "$s" --lang "$lang"
    run "plan-$b-$lang-explain" plan "$s" --lang "$lang" --explain
    run "simulate-$b-$lang" simulate "$s" --lang "$lang" --runs 2000 --seed 7
    run "sweep-$b-$lang" sweep "$s" --lang "$lang"
    for f in md csv; do
      run "report-$b-$lang-$f" report "$s" --lang "$lang" --out "$out/report-$b-$lang.$f"
    done
  done
  run "plan-$b-json" plan "$s" --format json
  run "plan-$b-csv" plan "$s" --format csv
  run "export-$b" export "$s" --out "$out/export-$b"
  rm -f "$out/export-$b/.promplan-export.json"
done
for lang in en ko; do run "compare-$lang" compare scenarios/*.yaml --lang "$lang"; done
run prices-show prices show --region ap-northeast-2
exit 0
