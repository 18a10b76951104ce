#!/usr/bin/env bash
# Runs the table group-by benchmark (issue 18) on an embedded broker and prints a markdown report,
# also written to benchmarks/target/groupby-results.md: a Streamplane groupBy against a hand-written
# KTable.groupBy().count() over the same table changes, in the same run.
#
#   benchmarks/run-groupby.sh                              # defaults: 1,000,000 changes of 100,000 orders
#   benchmarks/run-groupby.sh --changes=300000 --rows=30000 --rounds=2
#
# Options (--name=value): changes, rows, regions, rounds, seed, report.
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
	io.streamplane.benchmarks.groupby.GroupByBenchmark "$@"
