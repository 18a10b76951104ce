#!/usr/bin/env bash
# Runs the scale benchmark (session windows over growing numbers of users, then recovery after kill -9)
# on an embedded broker and prints a markdown report, also written to benchmarks/target/scale-results.md.
#
#   benchmarks/run-scale.sh                                   # 10k and 100k users: at most 20 minutes on 2 busy cores
#   benchmarks/run-scale.sh --users=10000,100000 --recovery=false
#   benchmarks/run-scale.sh --users=100000,1000000 --heap=6g  # larger sizes; see docs/benchmarks.md (Scale)
#   benchmarks/run-scale.sh --users=100000 --variants=a --recovery=false --restore-rounds=3 \
#     --restore-settings='poll10k:restore.consumer.max.poll.records=10000'   # restore settings, compared in one run
#
# Options (--name=value): users, partitions, heap, latency-rate, latency-seconds, recovery,
# failover-seconds, session-timeout-ms, report, variants (a, b, c or a,b; c = (a) in the suppression layout of
# engines before 2026-12-06), restore-rounds, restore-settings, compact-state (true: each state directory measured
# again after a full compaction of every RocksDB in it)
# (name:key=value,key=value;name:...: Kafka Streams settings over the current ones, each restored once a round
# beside the current settings).
# Each variant runs in a worker JVM of its own (heap: --heap); SCALE_WORKER_JAVA_OPTS adds options to the
# workers, e.g. "-XX:StartFlightRecording=filename=target/scale/{name}.jfr,settings=profile" ({name} is
# replaced by the worker's name); "-Dscale.rocksdb.log=target/rlog/{name}" writes RocksDB's statistics (seeks, internal
# keys skipped, files per level, stalls) to each store's LOG there every 5 s (RocksDBDiagnostics). BENCHMARK_JAVA_OPTS overrides the heap of the benchmark JVM (broker,
# loader, output checks). Runs at nice 10: the machine is shared.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# package (not install): the class path names this tree's module jars, and ~/.m2 is left alone
nice -n 10 ./mvnw -B -q package -DskipTests -pl benchmarks -am

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd benchmarks
exec nice -n 10 "$java" ${BENCHMARK_JAVA_OPTS:--Xms2g -Xmx2g} --enable-native-access=ALL-UNNAMED \
	-cp "target/classes:$(cat target/classpath.txt)" \
	io.streamplane.benchmarks.scale.ScaleBenchmark "$@"
