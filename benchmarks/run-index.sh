#!/usr/bin/env bash
# Vector-index benchmark: (a) embedding throughput, batched in-process all-MiniLM-L6-v2 vs LangChain4j's default
# embedAll vs the batched int8-quantized model, on the same chunks in the same run; (b) recall@10, latency and QPS
# of Lucene HNSW (the product's query: default candidates, and k alone) vs exact brute force over 100,000 chunks of
# real documentation (/usr/share/doc), with index size and RSS; (c) the quantized model's vectors and neighbours
# against the float model's. Prints a markdown report, also written to benchmarks/target/index-results.md.
# The first run embeds the corpus (about 10 minutes on 2 quiet cores) and caches its vectors in
# benchmarks/target/index-bench/; later runs take about 8 minutes.
#
#   benchmarks/run-index.sh
#   benchmarks/run-index.sh --recall=false                       # throughput only, about 2 minutes
#   benchmarks/run-index.sh --corpus-chunks=20000 --queries=500  # a smaller index
#   benchmarks/run-index.sh --freshness                           # freshness instead: PostgreSQL commit -> searchable
#   benchmarks/run-index.sh --freshness --rate=50 --measure-seconds=60   # about 3 minutes
#
# Options (--name=value): doc-dirs, chunk-words, throughput, throughput-chunks, rounds, batch-size, threads,
# recall, corpus-chunks, queries, k, candidates (HNSW candidates explored per search; default: the product's),
# quality-chunks (the first N indexed chunks also embedded by the int8-quantized model to compare; 0: skip),
# hnsw-m, hnsw-beam, cache-dir, report. With --freshness (first): rate,
# warmup-seconds, measure-seconds, rows, chunk-words, doc-dirs, poll-ms, heap, report; it starts Streamplane
# standalone in a JVM of its own (INDEX_FRESHNESS_JAVA_OPTS adds options; log in benchmarks/target/index-freshness.log).
# Uses $JAVA_HOME/bin/java if JAVA_HOME is set; BENCHMARK_JAVA_OPTS overrides the heap settings.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# package (not install): the class path names this tree's module jars, and ~/.m2 is left alone
./mvnw -B -q package -DskipTests -pl benchmarks -am

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd benchmarks
if [ "${1:-}" = "--freshness" ]; then
	shift
	exec "$java" ${BENCHMARK_JAVA_OPTS:--Xms256m -Xmx512m} --enable-native-access=ALL-UNNAMED \
		-cp "target/classes:$(cat target/classpath.txt)" \
		io.streamplane.benchmarks.index.FreshnessBenchmark "$@"
fi
# jdk.incubator.vector: Lucene's SIMD dot products, for the HNSW search and the brute force alike
exec "$java" ${BENCHMARK_JAVA_OPTS:--Xms2g -Xmx2g} --enable-native-access=ALL-UNNAMED \
	--add-modules jdk.incubator.vector \
	-cp "target/classes:$(cat target/classpath.txt)" \
	io.streamplane.benchmarks.index.IndexBenchmark "$@"
