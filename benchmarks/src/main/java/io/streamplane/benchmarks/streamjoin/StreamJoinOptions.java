package io.streamplane.benchmarks.streamjoin;

import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.benchmarks.harness.Arguments;

/**
 * What one stream–stream join benchmark run does; each component can be set on the command line
 * as {@code --name=value}, e.g. {@code --impressions=200000 --rounds=5}.
 *
 * @param impressions impressions loaded once, each with exactly one click, read by every run
 * @param partitions partitions of every topic
 * @param rounds throughput rounds of (a) and (b), in an order that alternates
 * @param seed the seed of the ads and of each click's delay
 * @param report where the markdown report is written, relative to the working directory
 */
record StreamJoinOptions(long impressions, int partitions, int rounds, long seed, String report) {

	/** The defaults: 500,000 impressions and as many clicks, 2 partitions, 3 rounds. */
	static StreamJoinOptions defaults() {
		return new StreamJoinOptions(500_000, 2, 3, 42, "target/stream-join-results.md");
	}

	/**
	 * Reads {@code --name=value} arguments over the defaults.
	 * @throws IllegalArgumentException listing every unknown name and bad value, with the allowed names
	 */
	static StreamJoinOptions parse(String... args) {
		Map<String, String> values = Arguments.parse(defaults().asMap(), args);
		try {
			return new StreamJoinOptions(Long.parseLong(values.get("impressions")),
					Integer.parseInt(values.get("partitions")), Integer.parseInt(values.get("rounds")),
					Long.parseLong(values.get("seed")), values.get("report"));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Bad number in " + values + ": " + ex.getMessage()
					+ ". impressions, partitions, rounds and seed are whole numbers.", ex);
		}
	}

	private Map<String, String> asMap() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("impressions", String.valueOf(impressions));
		map.put("partitions", String.valueOf(partitions));
		map.put("rounds", String.valueOf(rounds));
		map.put("seed", String.valueOf(seed));
		map.put("report", report);
		return map;
	}

}
