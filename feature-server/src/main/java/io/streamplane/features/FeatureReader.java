package io.streamplane.features;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;

/**
 * Computes feature values at request time by merging the tiles of an entity inside each feature's
 * window, so values fall as tiles age out even when no new event arrives.
 *
 * <p><b>Window.</b> A feature with window {@code W} read as of {@code asOf} merges the tiles whose start
 * lies in {@code [asOf - W, asOf]}. The tile that contains {@code asOf} (the partial leading tile) is
 * included: it holds the newest events. The oldest tile drops out as soon as its start falls before
 * {@code asOf - W}. With 1-minute tiles and {@code W = 5m}, a request at 12:06:30 merges the tiles
 * starting 12:02 to 12:06; at 12:05:00 the tiles 12:00 to 12:05. Values are therefore exact to one tile:
 * for a read in the past, events of the leading tile after {@code asOf} are counted too.
 *
 * <p><b>Status.</b> An entity with no tile starting at or before {@code asOf} is
 * {@link FeatureStatus#NOT_FOUND} for every feature. An entity whose newest event is older than the
 * view's ttl at {@code asOf} is {@link FeatureStatus#OUTSIDE_MAX_AGE} for every feature, without value.
 * Otherwise each feature is {@link FeatureStatus#PRESENT}; a window without events reads 0 for count and
 * sum ({@code "0.00"} for a sum declared {@code decimal(p, 2)}) and {@link FeatureStatus#NOT_FOUND} for
 * the other functions. A feature declared an exact decimal reads as a string with the type's scale, the
 * exact sum or the mean rounded half to even. Tiles pruned from the store (see
 * {@link ServedView#retention()}) count as never seen.
 */
public final class FeatureReader {

	private final TileStore store;

	private final Clock clock;

	/**
	 * @param store the tiles
	 * @param clock the request time for {@link #read(ServedView, String)}
	 */
	public FeatureReader(TileStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** The request time: what reads without an explicit instant are as of. */
	public Instant now() {
		return clock.instant();
	}

	/** The features of {@code entity} as of now, by feature name in the view's order. */
	public Map<String, FeatureValue> read(ServedView view, String entity) {
		return read(view, entity, clock.instant());
	}

	/** The features of {@code entity} as of {@code asOf}, by feature name in the view's order. */
	public Map<String, FeatureValue> read(ServedView view, String entity, Instant asOf) {
		return readAll(view, List.of(entity), asOf).getFirst();
	}

	/**
	 * The features of each entity as of {@code asOf}, in the order of {@code entities}, each by feature name
	 * in the view's order. The entities are read together, from one consistent state of the store.
	 */
	public List<Map<String, FeatureValue>> readAll(ServedView view, List<String> entities, Instant asOf) {
		long asOfMs = asOf.toEpochMilli();
		List<EntityTiles> tiles = store.readAll(view.name(), entities, asOfMs - view.longestWindow().toMillis(),
				asOfMs);
		List<Map<String, FeatureValue>> rows = new ArrayList<>(tiles.size());
		tiles.forEach(entityTiles -> rows.add(values(view, entityTiles, asOfMs)));
		return rows;
	}

	private static Map<String, FeatureValue> values(ServedView view, EntityTiles tiles, long asOfMs) {
		Map<String, FeatureValue> values = LinkedHashMap.newLinkedHashMap(view.features().size());
		if (tiles.latest().isEmpty()) {
			view.features().keySet().forEach(name -> values.put(name, FeatureValue.notFound(null)));
			return values;
		}
		long newestMs = tiles.latest().get().newestEventTimeMs();
		Instant eventTimestamp = Instant.ofEpochMilli(newestMs);
		boolean stale = asOfMs - newestMs > view.ttl().toMillis();
		view.features().forEach((name, feature) -> values.put(name, stale
				? FeatureValue.outsideMaxAge(eventTimestamp)
				: merge(feature, tiles.inRange(), asOfMs, eventTimestamp)));
		return values;
	}

	private static FeatureValue merge(Feature feature, List<Tile> tiles, long asOfMs, Instant eventTimestamp) {
		long windowStartMs = asOfMs - feature.window().toMillis();
		String partialId = feature.partialId();
		PartialAggregate merged = null;
		for (Tile tile : tiles) {
			PartialAggregate partial = tile.partials().get(partialId);
			if (tile.tileStartMs() >= windowStartMs && partial != null) {
				merged = merged == null ? partial : merged.merge(partial);
			}
		}
		if (merged != null) {
			return FeatureValue.present(merged.result(), eventTimestamp);
		}
		return feature.function().hasEmptyValue()
				? FeatureValue.present(feature.emptyValue(), eventTimestamp)
				: FeatureValue.notFound(eventTimestamp);
	}
}
