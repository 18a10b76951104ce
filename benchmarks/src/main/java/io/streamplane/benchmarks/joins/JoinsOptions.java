package io.streamplane.benchmarks.joins;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.streamplane.benchmarks.harness.Arguments;

/**
 * What one enrichment benchmark run does. Every component can be set on the command line as
 * {@code --name=value}, e.g. {@code --events=500000 --rounds=3 --reactive=false}.
 *
 * @param events page views loaded once and read by every throughput run
 * @param users rows of the users table, loaded before the page views
 * @param partitions partitions of every topic
 * @param rounds throughput rounds of (a), (b) and (d), in an order that alternates
 * @param reactive whether to measure (c) and (e), the reactive join on {@code user_id} and on {@code key}, once
 *        each at the end of the rounds
 * @param exactlyOnce whether to also measure (a) and (b) once each under {@code exactly_once_v2}
 * @param cdc whether to measure CDC latency: PostgreSQL commit to the re-emitted joined view
 * @param cdcUsers rows of the CDC users table, one page view each
 * @param cdcRate row updates per second in the CDC run
 * @param cdcWarmup how long updates run before they are measured
 * @param cdcDuration how long the measured updates run
 * @param lingerCompare whether each round also measures (f), (a) with the producer {@code linger.ms}
 *        {@code compareLingerMs} instead of the engine's (5 ms), and exactly once too
 * @param compareLingerMs the producer {@code linger.ms} of (f): by default Kafka Streams' 100 ms
 * @param cdcLingerMs the producer {@code linger.ms} of each CDC run, in order: one run per value, e.g.
 *        {@code 100,5,5,100} to compare Kafka Streams' default with the engine's in one process
 * @param cdcHops whether the CDC runs also note when each update reaches the CDC topic and the repartition topics
 * @param profile a directory for a CPU profile of each throughput run ({@code CpuProfiler}), or empty for none
 * @param seed the seed of the page views' users and pages
 * @param report where the markdown report is written, relative to the working directory
 */
record JoinsOptions(long events, long users, int partitions, int rounds, boolean reactive, boolean exactlyOnce,
		boolean cdc, long cdcUsers, int cdcRate, Duration cdcWarmup, Duration cdcDuration, boolean lingerCompare,
		int compareLingerMs, List<Integer> cdcLingerMs, boolean cdcHops, String profile, long seed, String report) {

	/** The engine's producer {@code linger.ms} (its {@code StreamsSettings}), unless Kafka Streams' is configured. */
	static final int ENGINE_LINGER_MS = 5;

	/** Kafka Streams' producer {@code linger.ms}: what (f) compares the engine's with unless told otherwise. */
	static final int STREAMS_LINGER_MS = 100;

	JoinsOptions {
		cdcLingerMs = List.copyOf(cdcLingerMs);
	}

	/**
	 * The defaults: 1,000,000 page views, 100,000 users, 2 partitions, 3 rounds, (c) and exactly
	 * once too; CDC latency over 1,000 users at 1,000 updates/s for 5 s + 30 s: about 5 minutes on 2 cores.
	 */
	static JoinsOptions defaults() {
		return new JoinsOptions(1_000_000, 100_000, 2, 3, true, true, true, 1_000, 1_000, Duration.ofSeconds(5),
				Duration.ofSeconds(30), false, STREAMS_LINGER_MS, List.of(ENGINE_LINGER_MS), true, "", 42,
				"target/joins-results.md");
	}

	/**
	 * Reads {@code --name=value} arguments over the defaults.
	 * @throws IllegalArgumentException listing every unknown name and bad value, with the allowed names
	 */
	static JoinsOptions parse(String... args) {
		Map<String, String> values = Arguments.parse(defaults().asMap(), args);
		try {
			return new JoinsOptions(Long.parseLong(values.get("events")), Long.parseLong(values.get("users")),
					Integer.parseInt(values.get("partitions")), Integer.parseInt(values.get("rounds")),
					Boolean.parseBoolean(values.get("reactive")), Boolean.parseBoolean(values.get("exactly-once")),
					Boolean.parseBoolean(values.get("cdc")), Long.parseLong(values.get("cdc-users")),
					Integer.parseInt(values.get("cdc-rate")),
					Duration.ofSeconds(Long.parseLong(values.get("cdc-warmup-seconds"))),
					Duration.ofSeconds(Long.parseLong(values.get("cdc-seconds"))),
					Boolean.parseBoolean(values.get("linger-compare")), Integer.parseInt(values.get("compare-linger-ms")),
					Stream.of(values.get("cdc-linger-ms").split(",")).map(String::strip).map(Integer::valueOf).toList(),
					Boolean.parseBoolean(values.get("cdc-hops")), values.get("profile"), Long.parseLong(values.get("seed")),
					values.get("report"));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Bad number in " + values + ": " + ex.getMessage()
					+ ". Counts are whole numbers, durations whole seconds, compare-linger-ms whole milliseconds, cdc-linger-ms a "
					+ "comma-separated list of whole milliseconds, reactive, exactly-once, cdc, cdc-hops and linger-compare true or false.", ex);
		}
	}

	private Map<String, String> asMap() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("events", String.valueOf(events));
		map.put("users", String.valueOf(users));
		map.put("partitions", String.valueOf(partitions));
		map.put("rounds", String.valueOf(rounds));
		map.put("reactive", String.valueOf(reactive));
		map.put("exactly-once", String.valueOf(exactlyOnce));
		map.put("cdc", String.valueOf(cdc));
		map.put("cdc-users", String.valueOf(cdcUsers));
		map.put("cdc-rate", String.valueOf(cdcRate));
		map.put("cdc-warmup-seconds", String.valueOf(cdcWarmup.toSeconds()));
		map.put("cdc-seconds", String.valueOf(cdcDuration.toSeconds()));
		map.put("linger-compare", String.valueOf(lingerCompare));
		map.put("compare-linger-ms", String.valueOf(compareLingerMs));
		map.put("cdc-linger-ms", String.join(",", cdcLingerMs.stream().map(String::valueOf).toList()));
		map.put("cdc-hops", String.valueOf(cdcHops));
		map.put("profile", profile);
		map.put("seed", String.valueOf(seed));
		map.put("report", report);
		return map;
	}

}
