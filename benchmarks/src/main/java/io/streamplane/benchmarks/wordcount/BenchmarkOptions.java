package io.streamplane.benchmarks.wordcount;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.benchmarks.harness.Arguments;

/**
 * What one word-count benchmark run does. Every component can be set on the command line as
 * {@code --name=value}, e.g. {@code --words=500000 --rounds=3 --exactly-once=false}.
 *
 * @param words records loaded once into the input topic and read by every throughput run
 * @param dictionarySize how many distinct random 7-letter words the records draw from
 * @param wordsPerEventSecond how fast event time advances, in records per second of event time;
 * a 10 s window therefore holds ten times this many records
 * @param partitions partitions of the input and output topics
 * @param rounds throughput rounds; each runs every variant once, in an order that alternates
 * @param exactlyOnce whether to also measure (a) and (b) once each under {@code exactly_once_v2}
 * @param latencyRate the rate of the latency runs in words per second, or 0 for half of (a)'s
 * maximum (half of (b)'s if (a) was not measured)
 * @param latencyWarmup how long the rate-limited producer runs before its records are measured
 * @param latencyDuration how long the measured part of the latency run lasts
 * @param seed the seed of the dictionary and of the word sequence
 * @param report where the markdown report is written, relative to the working directory
 */
record BenchmarkOptions(long words, int dictionarySize, int wordsPerEventSecond, int partitions, int rounds,
		boolean exactlyOnce, long latencyRate, Duration latencyWarmup, Duration latencyDuration, long seed, String report) {

	/**
	 * The defaults: 1,000,000 words (about 20 s per Kafka Streams run on 2 cores, so that the whole
	 * run stays under 5 minutes), 5,000-word dictionary, 2 partitions, 2 rounds, exactly once too,
	 * latency at half of (a)'s maximum for 5 s + 20 s.
	 */
	static BenchmarkOptions defaults() {
		return new BenchmarkOptions(1_000_000, 5_000, 10_000, 2, 2, true, 0, Duration.ofSeconds(5),
				Duration.ofSeconds(20), 42, "target/wordcount-results.md");
	}

	/**
	 * Reads {@code --name=value} arguments over the defaults.
	 * @throws IllegalArgumentException listing every unknown name and bad value, with the allowed names
	 */
	static BenchmarkOptions parse(String... args) {
		Map<String, String> values = Arguments.parse(defaults().asMap(), args);
		try {
			return fromMap(values);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Bad number in " + values + ": " + ex.getMessage()
					+ ". Counts are whole numbers, durations whole seconds, exactly-once true or false.", ex);
		}
	}

	private Map<String, String> asMap() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("words", String.valueOf(words));
		map.put("dictionary-size", String.valueOf(dictionarySize));
		map.put("words-per-event-second", String.valueOf(wordsPerEventSecond));
		map.put("partitions", String.valueOf(partitions));
		map.put("rounds", String.valueOf(rounds));
		map.put("exactly-once", String.valueOf(exactlyOnce));
		map.put("latency-rate", String.valueOf(latencyRate));
		map.put("latency-warmup-seconds", String.valueOf(latencyWarmup.toSeconds()));
		map.put("latency-seconds", String.valueOf(latencyDuration.toSeconds()));
		map.put("seed", String.valueOf(seed));
		map.put("report", report);
		return map;
	}

	private static BenchmarkOptions fromMap(Map<String, String> map) {
		return new BenchmarkOptions(Long.parseLong(map.get("words")), Integer.parseInt(map.get("dictionary-size")),
				Integer.parseInt(map.get("words-per-event-second")), Integer.parseInt(map.get("partitions")),
				Integer.parseInt(map.get("rounds")), Boolean.parseBoolean(map.get("exactly-once")),
				Long.parseLong(map.get("latency-rate")),
				Duration.ofSeconds(Long.parseLong(map.get("latency-warmup-seconds"))),
				Duration.ofSeconds(Long.parseLong(map.get("latency-seconds"))), Long.parseLong(map.get("seed")),
				map.get("report"));
	}

}
