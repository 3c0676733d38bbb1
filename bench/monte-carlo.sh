#!/usr/bin/env bash
# JMH benchmark of the Monte Carlo: 100,000 draws (fast method) of the shipped scenarios, one full
# plan (what the exact method pays per draw), and curves + 100,000 draws from scratch.
# Usage: bench/monte-carlo.sh [JMH options, e.g. -wi 1 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main MonteCarloBench "$@"
