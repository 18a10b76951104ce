#!/usr/bin/env bash
# Runs the stream-stream join benchmark (issue 18) on an embedded broker: the Streamplane join of
# impressions with their clicks within 10 minutes against a hand-written KStream.join with
# JoinWindows, in the same run. Prints a markdown report, also written to
# benchmarks/target/stream-join-results.md.
#
#   benchmarks/run-stream-join.sh                          # defaults: 500,000 impressions and clicks, 3 rounds
#   benchmarks/run-stream-join.sh --impressions=200000 --rounds=5
#   benchmarks/run-stream-join.sh --join=left              # type: left against KStream.leftJoin
#
# Options (--name=value): impressions, partitions, rounds, seed, report, join (inner or left).
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
	io.streamplane.benchmarks.streamjoin.StreamJoinBenchmark "$@"
