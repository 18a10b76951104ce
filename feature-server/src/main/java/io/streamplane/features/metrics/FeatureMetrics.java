package io.streamplane.features.metrics;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.streamplane.features.ConsumedTile;
import io.streamplane.features.TileStore;
import io.streamplane.features.ingest.IngestListener;

/**
 * The feature server's ingest meters:
 * <ul>
 * <li>{@value #FRESHNESS} (gauge, seconds, tag {@code view}): now minus the newest event time ingested for
 * the view; one gauge per view, registered when the view's first tile is ingested (or at start for views
 * already in the store);</li>
 * <li>{@value #LAG} (gauge, records): end offsets minus consumed positions, summed over the tile topic
 * partitions, as of the last poll;</li>
 * <li>{@value #TILES} (counter): tile records written to the store, tombstones included;</li>
 * <li>{@value #MALFORMED} (counter): records skipped as not valid tile records.</li>
 * </ul>
 * Request latencies are timed by {@link RequestTimingFilter}.
 */
public final class FeatureMetrics implements IngestListener {

	/** Name of the per-view freshness gauge. */
	public static final String FRESHNESS = "streamplane.features.freshness";

	/** Name of the ingest lag gauge. */
	public static final String LAG = "streamplane.features.ingest.lag";

	/** Name of the ingested tiles counter. */
	public static final String TILES = "streamplane.features.ingest.tiles";

	/** Name of the malformed records counter. */
	public static final String MALFORMED = "streamplane.features.ingest.malformed";

	private final MeterRegistry registry;

	private final TileStore store;

	private final Clock clock;

	private final Set<String> views = ConcurrentHashMap.newKeySet();

	private final AtomicLong lag = new AtomicLong();

	private final Counter tiles;

	private final Counter malformed;

	/** Registers the meters, with a freshness gauge for every view the store already holds. */
	public FeatureMetrics(MeterRegistry registry, TileStore store, Clock clock) {
		this.registry = registry;
		this.store = store;
		this.clock = clock;
		Gauge.builder(LAG, lag, AtomicLong::get)
			.description("Tile records not yet ingested, summed over the tile topic partitions")
			.baseUnit("records")
			.register(registry);
		this.tiles = Counter.builder(TILES).description("Tile records written to the tile store").register(registry);
		this.malformed = Counter.builder(MALFORMED).description("Records skipped as not valid tile records")
			.register(registry);
		store.newestEventTimes().keySet().forEach(this::registerFreshness);
	}

	@Override
	public void applied(List<ConsumedTile> batch) {
		tiles.increment(batch.size());
		for (ConsumedTile tile : batch) {
			if (!views.contains(tile.view())) {
				registerFreshness(tile.view());
			}
		}
	}

	@Override
	public void malformed() {
		malformed.increment();
	}

	@Override
	public void lag(long records) {
		lag.set(records);
	}

	private void registerFreshness(String view) {
		if (views.add(view)) {
			Gauge.builder(FRESHNESS, this, metrics -> metrics.freshnessSeconds(view))
				.description("Now minus the newest event time ingested for the view")
				.baseUnit("seconds")
				.tag("view", view)
				.register(registry);
		}
	}

	private double freshnessSeconds(String view) {
		Long newest = store.newestEventTimes().get(view);
		return newest == null ? Double.NaN : (clock.millis() - newest) / 1000.0;
	}

}
