package io.streamplane.benchmarks.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.streamplane.features.ServedAggregate;
import io.streamplane.features.Feature;
import io.streamplane.features.ServedView;
import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;

/**
 * The benchmark's feature view {@value #NAME}: 20 features, four aggregates (clicks, amount sum, amount
 * max, last page) over five windows (1m, 5m, 15m, 30m, 1h), on one-minute tiles keyed by {@value #KEY}.
 * A tile therefore carries four partials, shared by the five windows of each aggregate.
 */
final class BenchView {

	static final String NAME = "user_activity";

	static final String KEY = "user_id";

	static final String TOPIC = "sp.features.bench." + NAME;

	static final long TILE_MS = 60_000;

	private static final int[] WINDOW_MINUTES = { 1, 5, 15, 30, 60 };

	private static final String[][] AGGREGATES = { { "clicks", "count", "" }, { "amount_sum", "sum", "amount" },
			{ "amount_max", "max", "amount" }, { "last_page", "last", "page" } };

	private BenchView() {
	}

	/** The entity key of entity number {@code index}. */
	static String entity(long index) {
		return "user-" + index;
	}

	/** The feature names, in the view's order. */
	static List<String> featureNames() {
		List<String> names = new ArrayList<>();
		for (String[] aggregate : AGGREGATES) {
			for (int minutes : WINDOW_MINUTES) {
				names.add(aggregate[0] + "_" + minutes + "m");
			}
		}
		return names;
	}

	/** The view, as the server defines it from {@link #serverProperties()}. */
	static ServedView view() {
		Map<String, Feature> features = new LinkedHashMap<>();
		for (String[] aggregate : AGGREGATES) {
			for (int minutes : WINDOW_MINUTES) {
				features.put(aggregate[0] + "_" + minutes + "m", Feature.of(ServedAggregate.valueOf(
						aggregate[1].toUpperCase(Locale.ROOT)), aggregate[2].isEmpty() ? null : aggregate[2],
						Duration.ofMinutes(minutes)));
			}
		}
		return ServedView.of(NAME, KEY, features, Duration.ofMillis(TILE_MS), Duration.ofHours(1));
	}

	/** The view as {@code --streamplane.feature-server.views[...]...} command-line properties. */
	static List<String> serverProperties() {
		String prefix = "--streamplane.feature-server.views[" + NAME + "].";
		List<String> properties = new ArrayList<>(List.of(prefix + "entity-key=" + KEY, prefix + "tile-size=1m",
				prefix + "ttl=1h"));
		for (String[] aggregate : AGGREGATES) {
			for (int minutes : WINDOW_MINUTES) {
				String feature = prefix + "features[" + aggregate[0] + "_" + minutes + "m].";
				properties.add(feature + "aggregate=" + aggregate[1]);
				properties.add(feature + "window=" + minutes + "m");
				if (!aggregate[2].isEmpty()) {
					properties.add(feature + "argument=" + aggregate[2]);
				}
			}
		}
		return properties;
	}

	/** A tile of {@code entity} starting at {@code tileStartMs} with pseudo-random partials. */
	static Tile tile(String entity, long tileStartMs, SplittableRandom random) {
		long clicks = 1 + random.nextInt(20);
		double amount = Math.round(random.nextDouble() * 10_000) / 100.0;
		long newest = tileStartMs + random.nextInt((int) TILE_MS);
		Map<String, PartialAggregate> partials = new LinkedHashMap<>();
		partials.put("count()", new PartialAggregate.Count(clicks));
		partials.put("sum(amount)", new PartialAggregate.Sum(amount * clicks));
		partials.put("max(amount)", new PartialAggregate.Max(amount));
		partials.put("last(page)", new PartialAggregate.Last("/p/" + random.nextInt(1000), newest));
		return new Tile(NAME, entity, tileStartMs, TILE_MS, newest, partials);
	}

}
