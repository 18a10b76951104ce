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
 * @param join {@code inner}, or {@code left}: both variants then keep the impressions without a click
 */
record StreamJoinOptions(long impressions, int partitions, int rounds, long seed, String report, String join) {

	StreamJoinOptions {
		if (!join.equals("inner") && !join.equals("left")) {
			throw new IllegalArgumentException("--join=" + join + " is not a join this benchmark runs; use --join=inner " +
					"or --join=left");
		}
	}

	/** The defaults: 500,000 impressions and as many clicks, 2 partitions, 3 rounds, an inner join. */
	static StreamJoinOptions defaults() {
		return new StreamJoinOptions(500_000, 2, 3, 42, "target/stream-join-results.md", "inner");
	}

	/** Whether both variants run a left join. */
	boolean left() {
		return join.equals("left");
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
					Long.parseLong(values.get("seed")), values.get("report"), values.get("join"));
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
		map.put("join", join);
		return map;
	}

}
