package io.streamplane.engine.compile.internal.feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.Failure;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.window.WindowInput;
import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileCodec;
import io.streamplane.protocol.tiles.TileFormatException;
import io.streamplane.spec.Aggregation;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the tiles of a feature view, per (entity, tile), in a logged RocksDB store, and on every
 * record updates its tile and forwards the whole tile at once as its {@link TileCodec#toBytes} in the
 * field {@link #TILE} (the bytes the store keeps too), so freshness never waits for a tile to end or a cache to flush. The records come
 * from {@link WindowInput}, which has already dead-lettered late records and evaluated the
 * arguments. Tiles whose every event would now be late are deleted as the stream time (the largest
 * event time seen) moves on, once per tile length of progress.
 *
 * <p>Store keys are {@code <tileStart, 19 digits>/<entity>}, so tiles sort by start and expiry is one
 * range scan (up to {@code <tileStart>0}, as {@code '0'} follows {@code '/'}).
 */
final class TileUpdater implements FixedKeyProcessor<String, Row, Row> {

	/** The field of the forwarded row that holds the tile's bytes. */
	static final String TILE = "\u0000tile";

	private final TileSettings settings;

	private FixedKeyProcessorContext<String, Row> context;

	private KeyValueStore<String, byte[]> store;

	private long streamTime = Long.MIN_VALUE;

	private long expiredThrough = Long.MIN_VALUE;

	TileUpdater(TileSettings settings) {
		this.settings = settings;
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Row> context) {
		this.context = context;
		this.store = context.getStateStore(settings.storeName());
	}

	@Override
	public void process(FixedKeyRecord<String, Row> record) {
		Row row = record.value();
		if (row.marker()) {
			return;
		}
		long time = record.timestamp();
		if (time > streamTime) {
			streamTime = time;
			expireOldTiles();
		}
		long tileStart = time - Math.floorMod(time, settings.tileSizeMs());
		String key = key(tileStart, record.key());
		byte[] stored = store.get(key);
		Tile before = stored == null ? null : TileCodec.fromBytes(stored);
		byte[] tile;
		try {
			tile = TileCodec.toBytes(updated(before, record.key(), tileStart, row, time));
		}
		catch (RecordException ex) {
			context.forward(record.withValue(row.fail(Failure.of(settings.path(), ex))), settings.deadLetter());
			return;
		}
		store.put(key, tile);
		LinkedHashMap<String, Object> fields = LinkedHashMap.newLinkedHashMap(1);
		fields.put(TILE, tile);
		context.forward(record.withValue(Row.owning(fields, row.origin(), false)));
	}

	private Tile updated(Tile before, String entity, long tileStart, Row row, long time) {
		Map<String, PartialAggregate> partials = new LinkedHashMap<>(before == null ? Map.of() : before.partials());
		for (Aggregation aggregation : settings.aggregations()) {
			TilePartials.add(partials, aggregation, row.fields().get(aggregation.name()), time);
		}
		long newest = before == null ? time : Math.max(time, before.newestEventTimeMs());
		try {
			return new Tile(settings.view(), entity, tileStart, settings.tileSizeMs(), newest, partials);
		}
		catch (TileFormatException ex) {
			throw new RecordException(ex.getMessage());
		}
	}

	/**
	 * Deletes the tiles that end at or before the horizon behind the stream time, once per tile of
	 * stream-time progress: every event they could still receive would be late.
	 */
	private void expireOldTiles() {
		long cutoff = streamTime - settings.horizonMs();
		long lastExpiredStart = cutoff - Math.floorMod(cutoff, settings.tileSizeMs()) - settings.tileSizeMs();
		if (lastExpiredStart < 0 || lastExpiredStart <= expiredThrough) {
			return;
		}
		expiredThrough = lastExpiredStart;
		List<String> expired = new ArrayList<>();
		try (KeyValueIterator<String, byte[]> tiles = store.range(key(0, ""), String.format("%019d0", lastExpiredStart))) {
			tiles.forEachRemaining((KeyValue<String, byte[]> tile) -> expired.add(tile.key));
		}
		expired.forEach(store::delete);
	}

	static String key(long tileStart, String entity) {
		if (tileStart < 0) {
			return String.format("%019d/%s", tileStart, entity);
		}
		String start = Long.toString(tileStart);
		return new StringBuilder(20 + entity.length()).repeat('0', 19 - start.length()).append(start).append('/')
			.append(entity).toString();
	}

}
