package io.streamplane.benchmarks.scale;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.streamplane.benchmarks.harness.Arguments;

/**
 * What one scale benchmark run does. Every component can be set on the command line as
 * {@code --name=value}, e.g. {@code --users=10000,100000 --recovery=false}.
 *
 * @param users the sizes, distinct users each, measured in this order; recovery runs at the last
 * @param partitions partitions of every input and output topic
 * @param heap the maximum heap of each worker JVM, e.g. {@code 3g}
 * @param latencyRate closing events per second in the latency runs, and in the recovery runs
 * @param latencyDuration how long each latency run sends closing events (at most a third of the users)
 * @param recovery whether to measure restore from the changelogs and fail-over to a standby at the last size
 * @param failoverDuration how long closing events are sent in the fail-over run; the active instance is
 * killed 5 s in
 * @param sessionTimeout the consumers' {@code session.timeout.ms}: how long the group takes to notice a killed
 * instance
 * @param report where the markdown report is written, relative to the working directory
 * @param variants the letters of the variants to run, e.g. {@code a} for the Streamplane pipeline alone
 * @param restoreRounds rounds of {@link RestoreComparison} at the last size after (a)'s run, 0 for none: each
 * round restores (a)'s state from its changelogs once with the current settings and once with each of
 * {@code restoreSettings}
 * @param restoreSettings the candidate settings that {@code restoreRounds} compares with the current ones, see
 * {@link RestoreComparison#candidates(String)}, e.g.
 * {@code poll10k:restore.consumer.max.poll.records=10000;fetch4m:restore.consumer.max.partition.fetch.bytes=4194304}
 * @param compactState whether to measure each state directory again after a full compaction of every RocksDB in it
 * ({@link StateCompaction}): how much of the state is overwritten values and deletions not yet compacted
 */
record ScaleOptions(List<Long> users, int partitions, String heap, int latencyRate, Duration latencyDuration,
		boolean recovery, Duration failoverDuration, Duration sessionTimeout, String report, List<String> variants,
		int restoreRounds, String restoreSettings, boolean compactState) {

	/**
	 * The defaults: 10,000 and 100,000 users, recovery at 100,000: at most 20 minutes on 2 busy shared cores;
	 * larger sizes with {@code --users}.
	 */
	static ScaleOptions defaults() {
		return new ScaleOptions(List.of(10_000L, 100_000L), 2, "3g", 2_000, Duration.ofSeconds(10), true,
				Duration.ofSeconds(30), Duration.ofSeconds(6), "target/scale-results.md", List.of("a", "b"), 0, "", false);
	}

	/**
	 * Reads {@code --name=value} arguments over the defaults.
	 * @throws IllegalArgumentException listing every unknown name and bad value, with the allowed names
	 */
	static ScaleOptions parse(String... args) {
		Map<String, String> values = Arguments.parse(defaults().asMap(), args);
		try {
			return new ScaleOptions(Arrays.stream(values.get("users").split(",")).map(String::trim).map(Long::parseLong)
				.toList(), Integer.parseInt(values.get("partitions")), values.get("heap"),
					Integer.parseInt(values.get("latency-rate")),
					Duration.ofSeconds(Long.parseLong(values.get("latency-seconds"))),
					Boolean.parseBoolean(values.get("recovery")),
					Duration.ofSeconds(Long.parseLong(values.get("failover-seconds"))),
					Duration.ofMillis(Long.parseLong(values.get("session-timeout-ms"))), values.get("report"),
					Arrays.stream(values.get("variants").split(",")).map(String::trim).toList(),
					Integer.parseInt(values.get("restore-rounds")), values.get("restore-settings"),
					Boolean.parseBoolean(values.get("compact-state")));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Bad number in " + values + ": " + ex.getMessage()
					+ ". users is a comma-separated list of whole numbers, durations whole seconds (session-timeout-ms milliseconds).",
					ex);
		}
	}

	/** Whether {@code variant} is among {@link #variants()}. */
	boolean runs(ScaleVariant variant) {
		return variants.contains(variant.letter());
	}

	private Map<String, String> asMap() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("users", users.stream().map(String::valueOf).collect(Collectors.joining(",")));
		map.put("partitions", String.valueOf(partitions));
		map.put("heap", heap);
		map.put("latency-rate", String.valueOf(latencyRate));
		map.put("latency-seconds", String.valueOf(latencyDuration.toSeconds()));
		map.put("recovery", String.valueOf(recovery));
		map.put("failover-seconds", String.valueOf(failoverDuration.toSeconds()));
		map.put("session-timeout-ms", String.valueOf(sessionTimeout.toMillis()));
		map.put("report", report);
		map.put("variants", String.join(",", variants));
		map.put("restore-rounds", String.valueOf(restoreRounds));
		map.put("restore-settings", restoreSettings);
		map.put("compact-state", String.valueOf(compactState));
		return map;
	}

}
