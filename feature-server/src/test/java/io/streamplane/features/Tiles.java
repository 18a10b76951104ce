package io.streamplane.features;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;

/** Test tiles: one-minute tiles built from ISO times. */
final class Tiles {

	static final long MINUTE_MS = Duration.ofMinutes(1).toMillis();

	private Tiles() {
	}

	static long ms(String isoTime) {
		return Instant.parse(isoTime).toEpochMilli();
	}

	static long minuteStart(long eventTimeMs) {
		return eventTimeMs - Math.floorMod(eventTimeMs, MINUTE_MS);
	}

	/** A one-minute tile holding the given partials, whose newest event is at {@code newestEventTime}. */
	static Tile tile(String view, String entity, String newestEventTime, Map<String, PartialAggregate> partials) {
		long newest = ms(newestEventTime);
		return new Tile(view, entity, minuteStart(newest), MINUTE_MS, newest, partials);
	}

	/** A one-minute tile of {@code n} events for {@code count()}. */
	static Tile counted(String view, String entity, String newestEventTime, long n) {
		return tile(view, entity, newestEventTime, Map.of("count()", new PartialAggregate.Count(n)));
	}

	static ConsumedTile consumed(Tile tile) {
		return ConsumedTile.of(tile);
	}
}
