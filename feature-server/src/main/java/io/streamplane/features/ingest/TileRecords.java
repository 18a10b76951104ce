package io.streamplane.features.ingest;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.streamplane.features.ConsumedTile;
import io.streamplane.features.FeatureServerException;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileCodec;
import io.streamplane.protocol.tiles.TileFormatException;

/**
 * Reads the records of the tile topics {@code sp.features.<pipeline>.<view>}: the key is the entity,
 * the value the {@link Tile} in either form {@link TileCodec#fromBytes} reads (the binary form the engine
 * writes, or JSON). A tombstone (null value) names the tile it
 * removes in the headers {@value #VIEW_HEADER} and {@value #TILE_START_HEADER} (decimal epoch ms).
 */
public final class TileRecords {

	/** The topics that carry tiles. */
	public static final Pattern TOPICS = Pattern.compile("sp\\.features\\..+");

	/** Header of a tombstone: the view of the removed tile. */
	public static final String VIEW_HEADER = "sp.tile.view";

	/** Header of a tombstone: the start of the removed tile, decimal epoch milliseconds. */
	public static final String TILE_START_HEADER = "sp.tile.start";

	private TileRecords() {
	}

	/**
	 * The tile (or removal) a record carries.
	 *
	 * @throws FeatureServerException (permanent) if the record is not a valid tile record
	 */
	public static ConsumedTile decode(ConsumerRecord<String, byte[]> record) {
		String entity = record.key();
		if (entity == null) {
			throw FeatureServerException.invalid("tile record without key: the key must be the entity");
		}
		if (record.value() == null) {
			return ConsumedTile.tombstone(header(record, VIEW_HEADER), entity, tileStart(record));
		}
		Tile tile;
		try {
			tile = TileCodec.fromBytes(record.value());
		}
		catch (TileFormatException ex) {
			throw FeatureServerException.invalid(ex.getMessage());
		}
		if (!tile.entity().equals(entity)) {
			throw FeatureServerException.invalid("tile record key " + entity + " is not the tile's entity "
					+ tile.entity());
		}
		return ConsumedTile.of(tile);
	}

	private static long tileStart(ConsumerRecord<String, byte[]> record) {
		String value = header(record, TILE_START_HEADER);
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw FeatureServerException.invalid("tombstone header " + TILE_START_HEADER
					+ " must be the tile start in epoch milliseconds, got " + value);
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null || header.value() == null) {
			throw FeatureServerException.invalid("tombstone without header " + name + ": a tombstone must name the "
					+ "tile it removes in " + VIEW_HEADER + " and " + TILE_START_HEADER);
		}
		return new String(header.value(), StandardCharsets.UTF_8);
	}

}
