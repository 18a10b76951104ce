package io.streamplane.benchmarks.features;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.benchmarks.harness.Arguments;

/**
 * What one feature-server benchmark run does; every component can be set as {@code --name=value}, e.g.
 * {@code --entities=200000 --get-rate=2000 --rss-updates=0}.
 *
 * @param entities entities loaded into the view, each with {@code tilesPerEntity} tiles
 * @param tilesPerEntity tiles per entity: the current minute and the minutes before it
 * @param getRate single-entity {@code GET /features/{view}/{entity}} requests per second
 * @param postRate {@code POST /features} requests per second
 * @param postEntities entities per {@code POST /features}
 * @param connections keep-alive connections of the load generator
 * @param warmup how long each load phase runs before it is measured
 * @param measure how long each load phase is measured
 * @param rounds how many times the 404 baseline and the GET are measured, alternately (the machine's noise
 *        shows in the baseline of the same round)
 * @param rawReads reads of the in-process baselines (raw RocksDB get, in-process reader)
 * @param rssUpdates tile updates ingested through Kafka while the server's RSS is sampled; 0 skips it
 * @param serverHeap the server's Java heap ({@code -Xms} = {@code -Xmx}, pre-touched)
 * @param seed seed of entity choice and tile contents
 * @param serving whether to load the store and measure the baselines and HTTP reads ({@code false}: freshness only)
 * @param freshnessRate events per second of the freshness run (engine and feature server in one process); 0 skips it
 * @param commitInterval the engine's {@code streamplane.engine.commit-interval} in the freshness run; 0 keeps the
 *        engine's default (50 ms for a pipeline with feature views)
 * @param keyedByEntity whether the freshness run's view is {@code keyedByEntity} (its events are keyed by their
 *        entity either way): no repartition in the engine
 * @param freshnessHops whether the freshness run also reports each hop's latency ({@link FreshnessHops}; its
 *        consumers add load)
 * @param echo whether each round first measures the same 404 request against a bare blocking-socket server in a JVM
 *        of its own ({@link EchoServer}): the floor of this machine and load generator, without the feature server
 * @param report where the markdown report is written
 */
record FeatureBenchmarkOptions(int entities, int tilesPerEntity, int getRate, int postRate, int postEntities,
		int connections, Duration warmup, Duration measure, int rounds, int rawReads, long rssUpdates,
		String serverHeap, long seed, boolean serving, int freshnessRate, Duration commitInterval,
		boolean keyedByEntity, boolean freshnessHops, boolean echo, String report) {

	/**
	 * Defaults: 1M entities, 2 tiles each, GET at 5,000/s, POST(100) at 200/s, 10 s warm-up + 20 s measured
	 * each, the 404 baseline and the GET in 3 rounds, 2M updates for the RSS check (the 10M take about
	 * 2 minutes of ingest on 2 quiet cores, up to 15 on busy ones: {@code --rss-updates=10000000}); no freshness run
	 * ({@code --freshness-rate=10000} adds it, with the engine's default commit interval).
	 */
	static FeatureBenchmarkOptions defaults() {
		return new FeatureBenchmarkOptions(1_000_000, 2, 5_000, 200, 100, 8, Duration.ofSeconds(10),
				Duration.ofSeconds(20), 3, 200_000, 2_000_000, "512m", 42, true, 0, Duration.ZERO,
				false, false, true, "target/features-results.md");
	}

	/**
	 * Reads {@code --name=value} arguments over the defaults.
	 *
	 * @throws IllegalArgumentException naming every unknown argument and bad value, with the allowed names
	 */
	static FeatureBenchmarkOptions parse(String... args) {
		Map<String, String> values = Arguments.parse(defaults().asMap(), args);
		try {
			return new FeatureBenchmarkOptions(Integer.parseInt(values.get("entities")),
					Integer.parseInt(values.get("tiles-per-entity")), Integer.parseInt(values.get("get-rate")),
					Integer.parseInt(values.get("post-rate")), Integer.parseInt(values.get("post-entities")),
					Integer.parseInt(values.get("connections")),
					Duration.ofSeconds(Long.parseLong(values.get("warmup-seconds"))),
					Duration.ofSeconds(Long.parseLong(values.get("measure-seconds"))),
					Integer.parseInt(values.get("rounds")),
					Integer.parseInt(values.get("raw-reads")), Long.parseLong(values.get("rss-updates")),
					values.get("server-heap"), Long.parseLong(values.get("seed")),
					Boolean.parseBoolean(values.get("serving")), Integer.parseInt(values.get("freshness-rate")),
					Duration.ofMillis(Long.parseLong(values.get("commit-interval-ms"))),
					Boolean.parseBoolean(values.get("keyed-by-entity")),
					Boolean.parseBoolean(values.get("freshness-hops")), Boolean.parseBoolean(values.get("echo")),
					values.get("report"));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Bad number in " + values + ": " + ex.getMessage()
					+ ". Counts and rates are whole numbers, durations whole seconds.", ex);
		}
	}

	private Map<String, String> asMap() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("entities", String.valueOf(entities));
		map.put("tiles-per-entity", String.valueOf(tilesPerEntity));
		map.put("get-rate", String.valueOf(getRate));
		map.put("post-rate", String.valueOf(postRate));
		map.put("post-entities", String.valueOf(postEntities));
		map.put("connections", String.valueOf(connections));
		map.put("warmup-seconds", String.valueOf(warmup.toSeconds()));
		map.put("measure-seconds", String.valueOf(measure.toSeconds()));
		map.put("rounds", String.valueOf(rounds));
		map.put("raw-reads", String.valueOf(rawReads));
		map.put("rss-updates", String.valueOf(rssUpdates));
		map.put("server-heap", serverHeap);
		map.put("seed", String.valueOf(seed));
		map.put("serving", String.valueOf(serving));
		map.put("freshness-rate", String.valueOf(freshnessRate));
		map.put("commit-interval-ms", String.valueOf(commitInterval.toMillis()));
		map.put("keyed-by-entity", String.valueOf(keyedByEntity));
		map.put("freshness-hops", String.valueOf(freshnessHops));
		map.put("echo", String.valueOf(echo));
		map.put("report", report);
		return map;
	}

}
