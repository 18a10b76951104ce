#!/usr/bin/env bash
# Measures standalone's time to healthy (with the demo) for bin/streamplane (AOT cache on JDK 25+)
# against the baseline `java -jar streamplane-exec.jar`, alternating them in the same run so both see
# the same machine load. Prints a markdown report, also written to benchmarks/target/startup-results.md.
#
#   benchmarks/run-startup.sh                     # 3 rounds, ports 18000-18004 and 18100-18104
#   benchmarks/run-startup.sh --rounds=5 --port-base=28000
#
# Each variant keeps its own data directory under benchmarks/target/startup/, started once before the
# rounds (first start: PostgreSQL's initdb, the launcher's training start), so rounds measure restarts.
# "healthy" is the time from exec to the first 200 of /actuator/health; "ready" is what the banner logs.
set -euo pipefail

rounds=3 port_base=18000
for arg in "$@"; do
	case "$arg" in
		--rounds=*) rounds=${arg#*=} ;;
		--port-base=*) port_base=${arg#*=} ;;
		*) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
	esac
done
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bin/lib/jdk.sh"
streamplane_java
jar="$root/streamplane-app/target/streamplane-exec.jar"
[ -f "$jar" ] || (cd "$root" && JAVA_HOME=$(dirname "$(dirname "$STREAMPLANE_JAVA")") ./mvnw -q package -DskipTests -pl streamplane-app -am)
work="$root/benchmarks/target/startup"
mkdir -p "$work"

# start <variant> <ports offset>: prints "<healthy ms> <ready ms>" and stops the process
start() {
	local variant=$1 base=$((port_base + $2)) command
	case "$variant" in
		launcher) command=("$root/bin/streamplane") ;;
		baseline) command=("$STREAMPLANE_JAVA" -jar "$jar") ;;
	esac
	local begin pid status
	begin=$(date +%s%N)
	JAVA_HOME=$(dirname "$(dirname "$STREAMPLANE_JAVA")") "${command[@]}" --streamplane.demo.enabled=true \
		--server.port=$base --streamplane.feature-server.serving-port=$((base + 1)) \
		--streamplane.standalone.kafka-port=$((base + 2)) --streamplane.standalone.controller-port=$((base + 3)) \
		--streamplane.standalone.postgres-port=$((base + 4)) --streamplane.standalone.data-dir="$work/$variant-data" \
		>"$work/$variant.log" 2>&1 &
	pid=$!
	until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$base/actuator/health")" = 200 ]; do
		kill -0 $pid 2>/dev/null || { echo "$variant exited; see $work/$variant.log" >&2; exit 1; }
		sleep 0.1
	done
	echo "$(( ($(date +%s%N) - begin) / 1000000 )) $(sed -n 's/.*Streamplane is ready (standalone, \([0-9]*\) ms.*/\1/p' "$work/$variant.log")"
	kill $pid
	wait $pid || true
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "Warming up (first starts; the launcher prepares its AOT cache) ..." >&2
start launcher 0 >/dev/null
start baseline 100 >/dev/null
rows="" launcher_healthy="" baseline_healthy=""
for round in $(seq 1 "$rounds"); do
	load_before=$(cut -d' ' -f1 /proc/loadavg)
	if [ $((round % 2)) = 1 ]; then
		read -r lh lr < <(start launcher 0); read -r bh br < <(start baseline 100)
	else
		read -r bh br < <(start baseline 100); read -r lh lr < <(start launcher 0)
	fi
	rows+="| $round | $lh | $lr | $bh | $br | $load_before |"$'\n'
	launcher_healthy+="$lh"$'\n' baseline_healthy+="$bh"$'\n'
	echo "round $round: launcher $lh ms, baseline $bh ms (load $load_before)" >&2
done
report="$work/../startup-results.md"
{
	echo "Standalone start-up with the demo, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, Java $(streamplane_java_major "$STREAMPLANE_JAVA")"
	echo
	echo "| round | bin/streamplane healthy ms | ready ms | java -jar healthy ms | ready ms | load average before |"
	echo "|---|---|---|---|---|---|"
	printf '%s' "$rows"
	echo
	echo "Median to healthy: bin/streamplane $(printf '%s' "$launcher_healthy" | median) ms, java -jar $(printf '%s' "$baseline_healthy" | median) ms."
} | tee "$report"
