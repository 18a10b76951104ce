#!/usr/bin/env bash
# Runs the stream-table enrichment benchmark on an embedded broker and prints a markdown report,
# also written to benchmarks/target/joins-results.md.
#
#   benchmarks/run-joins.sh                                  # defaults: 1,000,000 page views, 100,000 users
#   benchmarks/run-joins.sh --events=500000 --rounds=3 --exactly-once=false --reactive=false
#
# Options (--name=value): events, users, partitions, rounds, reactive, exactly-once, seed, report.
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
	io.streamplane.benchmarks.joins.JoinsBenchmark "$@"
