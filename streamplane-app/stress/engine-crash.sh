#!/usr/bin/env bash
# Runs an integration test (EngineCrashIT by default) again and again while busy loops compete for
# the cores, and prints one line per run and a summary. Used to check exactly-once under CPU
# contention; see docs/engine.md#exactly-once-under-cpu-contention.
#
#   streamplane-app/stress/engine-crash.sh                  # EngineCrashIT, 10 runs, one busy loop per core
#   streamplane-app/stress/engine-crash.sh --runs=3 --busy=0
#   streamplane-app/stress/engine-crash.sh --test=MilestoneAlertCrashIT
#
# Each run is `./mvnw verify` of streamplane-app with only that test (the reactor builds what it
# needs; nothing is installed), with $JAVA_HOME's JDK (21 or newer). Per run, the Maven log, the
# failsafe report and the test's target/engine-crash-it directory (engine logs, dump.txt on a
# failure) are kept in streamplane-app/target/stress/run-<n>/. Exits with 1 when any run failed,
# and stops at once when the build itself fails.
set -euo pipefail

runs=10
busy=$(nproc)
test=EngineCrashIT
for arg in "$@"; do
	case "$arg" in
		--runs=*) runs="${arg#*=}" ;;
		--busy=*) busy="${arg#*=}" ;;
		--test=*) test="${arg#*=}" ;;
		*) echo "unknown option $arg (options: --runs=N --busy=N --test=ClassName)" >&2; exit 2 ;;
	esac
done

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
out=streamplane-app/target/stress
rm -rf "$out"
mkdir -p "$out"

loops=()
stop_loops() {
	if [ ${#loops[@]} -gt 0 ]; then
		kill "${loops[@]}" 2>/dev/null || true
	fi
}
trap stop_loops EXIT
for ((i = 0; i < busy; i++)); do
	(while :; do :; done) &
	loops+=($!)
done

failed=0
for ((n = 1; n <= runs; n++)); do
	dir="$out/run-$n"
	mkdir -p "$dir"
	load_before=$(cut -d' ' -f1 /proc/loadavg)
	start=$(date +%s)
	rm -rf streamplane-app/target/failsafe-reports streamplane-app/target/engine-crash-it
	if ./mvnw -B -pl streamplane-app -am verify -Dtest=none -Dit.test="$test" \
		-Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false >"$dir/maven.log" 2>&1; then
		result=passed
	else
		result=FAILED
		failed=$((failed + 1))
	fi
	if ! ls streamplane-app/target/failsafe-reports/*"$test".txt >/dev/null 2>&1; then
		tail -20 "$dir/maven.log" >&2
		echo "The build failed before $test ran; see $dir/maven.log" >&2
		exit 2
	fi
	cp streamplane-app/target/failsafe-reports/*"$test"*.txt "$dir/" 2>/dev/null || true
	cp -r streamplane-app/target/engine-crash-it "$dir/" 2>/dev/null || true
	elapsed=$(grep -ho "Time elapsed: [0-9.]* s" streamplane-app/target/failsafe-reports/*"$test".txt 2>/dev/null | head -1 || true)
	echo "run $n of $runs: $result, $((($(date +%s) - start))) s with the build (test ${elapsed#Time elapsed: }), load $load_before -> $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/summary.txt"
done
echo "$test: $((runs - failed)) of $runs passed with $busy busy loops on $(nproc) cores; logs in $out" | tee -a "$out/summary.txt"
[ "$failed" -eq 0 ]
