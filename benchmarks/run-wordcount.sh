#!/usr/bin/env bash
# Runs the word-count benchmark (Pathway's workload) on an embedded broker and prints a markdown
# report, also written to benchmarks/target/wordcount-results.md. Takes about 4 minutes on 2 cores.
#
#   benchmarks/run-wordcount.sh                       # defaults: 1,000,000 words, 2 rounds
#   benchmarks/run-wordcount.sh --words=500000 --rounds=3 --exactly-once=false
#
# Options (--name=value): words, dictionary-size, words-per-event-second, partitions, rounds,
# exactly-once, latency-rate, latency-warmup-seconds, latency-seconds, seed, report.
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
	io.streamplane.benchmarks.wordcount.WordCountBenchmark "$@"
