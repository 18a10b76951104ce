#!/usr/bin/env bash
# Times the web console's pipelines page with 100 pipelines against the same page with 1, in headless Chromium,
# and prints a markdown report, also written to benchmarks/target/console-results.md. About a minute.
# Needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver).
#
#   benchmarks/run-console.sh
#   benchmarks/run-console.sh --pipelines=300 --rounds=5
#
# Uses $JAVA_HOME/bin/java if JAVA_HOME is set.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# package (not install): the class path names this tree's module jars, and ~/.m2 is left alone
./mvnw -B -q package -DskipTests -pl benchmarks -am

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd benchmarks
exec "$java" -Xms512m -Xmx1g --enable-native-access=ALL-UNNAMED \
	-cp "target/classes:$(cat target/classpath.txt)" \
	io.streamplane.benchmarks.console.ConsoleBenchmark "$@"
