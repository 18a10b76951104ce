#!/usr/bin/env bash
# Runs the feature-server benchmark and prints a markdown report, also written to
# benchmarks/target/features-results.md. About 7 minutes on 2 quiet cores with the defaults.
#
#   benchmarks/run-features.sh                      # 1M entities, GET at 5,000/s, POST(100) at 200/s, 2M updates
#   benchmarks/run-features.sh --rss-updates=10000000   # the issue's 10M-update memory check (+2 minutes quiet)
#   benchmarks/run-features.sh --entities=200000 --get-rate=2000 --rss-updates=0
#
# Options (--name=value): entities, tiles-per-entity, get-rate, post-rate, post-entities, connections,
# warmup-seconds, measure-seconds, rounds, raw-reads, rss-updates, server-heap, seed, serving, freshness-rate,
# commit-interval-ms, keyed-by-entity, freshness-hops, report.
# Uses $JAVA_HOME/bin/java if JAVA_HOME is set; BENCHMARK_JAVA_OPTS overrides the harness's heap settings.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# package (not install): the class path names this tree's module jars, and ~/.m2 is left alone
./mvnw -B -q package -DskipTests -pl benchmarks -am

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd benchmarks
exec "$java" ${BENCHMARK_JAVA_OPTS:--Xms1g -Xmx1g} --enable-native-access=ALL-UNNAMED \
	-cp "target/classes:$(cat target/classpath.txt)" \
	io.streamplane.benchmarks.features.FeatureBenchmark "$@"
