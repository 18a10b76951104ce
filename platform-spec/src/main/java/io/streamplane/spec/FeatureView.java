package io.streamplane.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An online feature view: per entity, mergeable partial aggregates of a stream over tiles of event
 * time, written to {@link #topic(String) its tile topic} for the feature server, which merges the
 * tiles inside each feature's window at request time.
 * <pre>
 * features:
 *   - name: user_clicks            # view name, unique across all pipelines
 *     from: clicks                 # a source or transform
 *     entity: user_id              # the field holding the entity key
 *     keyedByEntity: true          # optional; the topic's records are keyed by user_id: no repartition
 *     tileSize: 1m                 # default 1m
 *     ttl: 1h                      # optional; older newest event: OUTSIDE_MAX_AGE
 *     features:
 *       clicks_5m: { aggregate: "count()", window: 5m }
 * </pre>
 *
 * @param name the view name: what {@code GET /features/{view}/{entity}} names; global, not per pipeline
 * @param from the source or transform aggregated
 * @param entity the field whose value (as text) is the entity key
 * @param tileSize the length of one tile; every window is a multiple of it
 * @param ttl how old the entity's newest event may be before its features read {@code OUTSIDE_MAX_AGE};
 * empty: the longest window
 * @param features the features by name, in document order
 * @param keyedByEntity whether the records arrive keyed by their entity (the Kafka key is the entity field's
 *        text, written with Kafka's default partitioner): then a view reading a source's records as they are
 *        takes them where they are, without a repartition, and dead-letters a record whose key is not its entity
 */
public record FeatureView(String name, String from, String entity, Duration tileSize, Optional<Duration> ttl,
		Map<String, FeatureDefinition> features, boolean keyedByEntity) {

	/** The tile size when the spec names none. */
	public static final Duration DEFAULT_TILE_SIZE = Duration.ofMinutes(1);

	public FeatureView {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(entity, "entity");
		Objects.requireNonNull(tileSize, "tileSize");
		Objects.requireNonNull(ttl, "ttl");
		features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
		if (features.isEmpty()) {
			throw new IllegalArgumentException("feature view '" + name + "' needs at least one feature");
		}
	}

	/** The topic the engine writes this view's tiles to: {@code sp.features.<pipeline>.<view>}. */
	public String topic(String pipeline) {
		return "sp.features." + pipeline + "." + name;
	}

	/** The longest window of any feature. */
	public Duration longestWindow() {
		return features.values().stream().map(FeatureDefinition::window).max(Duration::compareTo).orElseThrow();
	}

	/** The ttl, or the longest window when none is given. */
	public Duration effectiveTtl() {
		return ttl.orElseGet(this::longestWindow);
	}

	/**
	 * How far behind the newest event time a tile is still needed: the longest window or the ttl,
	 * whichever is longer, plus one tile. Older tiles are expired, and older records are late.
	 */
	public Duration retention() {
		Duration longest = longestWindow();
		return (longest.compareTo(effectiveTtl()) >= 0 ? longest : effectiveTtl()).plus(tileSize);
	}

}
