#!/usr/bin/env bash
# Runs the rolling-aggregate benchmark (issue 14) on an embedded broker and prints a markdown report,
# also written to benchmarks/target/rolling-results.md.
#
#   benchmarks/run-rolling.sh                              # defaults: 1,000,000 clicks, 100,000 users
#   benchmarks/run-rolling.sh --events=200000 --users=20000 --rounds=1
#
# Options (--name=value): events, users, partitions, rounds, report.
# Uses $JAVA_HOME/bin/java if JAVA_HOME is set; BENCHMARK_JAVA_OPTS overrides the heap settings.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# package (not install): the class path names this tree's module jars, and ~/.m2 is left alone
./mvnw -B -q package -DskipTests -pl benchmarks -am

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd benchmarks
exec "$java" ${BENCHMARK_JAVA_OPTS:--Xms2g -Xmx2g} \
	-cp "target/classes:$(cat target/classpath.txt)" \
	io.streamplane.benchmarks.rolling.RollingBenchmark "$@"
