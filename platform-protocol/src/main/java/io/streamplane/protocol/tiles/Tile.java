package io.streamplane.protocol.tiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The partial aggregates of one entity over one tile of event time: the record the engine writes to
 * topic {@code sp.features.<pipeline>.<view>} with the entity as key, and the value the feature
 * server's tile store keeps. A tile covers event times {@code [tileStartMs, tileStartMs + tileSizeMs)};
 * tiles are aligned to the epoch ({@code tileStartMs % tileSizeMs == 0}).
 *
 * <p>Each record carries the tile's <em>current</em> partial state and replaces the previous record of
 * the same (view, entity, tileStartMs), so applying a record twice changes nothing.
 *
 * <p>The engine writes tiles in the binary form of {@link TileBinary}; any producer may write JSON
 * ({@link TileCodec} reads both): {@code {"view":"clicks","entity":"u1","tileStartMs":1767268800000,
 * "tileSizeMs":60000,"newestEventTimeMs":1767268805000,"partials":{"count()":{"type":"count","n":2}}}}.
 *
 * @param view the feature view name
 * @param entity the entity key (UTF-8, must not contain U+0000)
 * @param tileStartMs start of the tile, epoch milliseconds, {@code >= 0}
 * @param tileSizeMs length of the tile in milliseconds, {@code > 0}
 * @param newestEventTimeMs event time of the newest event in the tile, epoch milliseconds, inside the tile
 * @param partials partial aggregates by partial id (e.g. {@code "count()"}, {@code "sum(amount)"}), see
 *        {@code FeatureDefinition.partialId} in the spec module
 */
public record Tile(String view, String entity, long tileStartMs, long tileSizeMs, long newestEventTimeMs,
		Map<String, PartialAggregate> partials) {

	/** Validates the tile and freezes {@code partials} in partial-id order. */
	public Tile {
		List<String> problems = partials == null || !isValid(view, entity, tileStartMs, tileSizeMs, newestEventTimeMs)
				? problems(view, entity, tileStartMs, tileSizeMs, newestEventTimeMs) : List.of();
		if (partials == null) {
			problems.add("partials: must be present (may be empty)");
		}
		if (!problems.isEmpty()) {
			throw TileFormatException.invalid("invalid tile " + view + "/" + entity + "@" + tileStartMs + ": "
					+ String.join("; ", problems));
		}
		partials = Collections.unmodifiableMap(new TreeMap<>(partials));
	}

	/** Exclusive end of the tile, epoch milliseconds. */
	public long tileEndMs() {
		return tileStartMs + tileSizeMs;
	}

	/** Whether {@link #problems} finds none, without building its list: tiles are read on every request. */
	private static boolean isValid(String view, String entity, long startMs, long sizeMs, long newestMs) {
		return view != null && !view.isBlank() && entity != null && !entity.isEmpty() && entity.indexOf('\0') < 0
				&& startMs >= 0 && sizeMs > 0 && startMs % sizeMs == 0 && newestMs >= startMs
				&& newestMs < startMs + sizeMs;
	}

	private static List<String> problems(String view, String entity, long startMs, long sizeMs, long newestMs) {
		List<String> problems = new ArrayList<>();
		if (view == null || view.isBlank()) {
			problems.add("view: must be a non-blank name");
		}
		if (entity == null || entity.isEmpty() || entity.indexOf('\0') >= 0) {
			problems.add("entity: must be non-empty and must not contain U+0000, got " + entity);
		}
		if (startMs < 0) {
			problems.add("tileStartMs: must be >= 0 (epoch ms), got " + startMs);
		}
		if (sizeMs <= 0) {
			problems.add("tileSizeMs: must be > 0, got " + sizeMs);
		}
		else if (startMs % sizeMs != 0) {
			problems.add("tileStartMs: must be a multiple of tileSizeMs " + sizeMs + ", got " + startMs);
		}
		else if (newestMs < startMs || newestMs >= startMs + sizeMs) {
			problems.add("newestEventTimeMs: must lie in [" + startMs + ", " + (startMs + sizeMs) + "), got " + newestMs);
		}
		return problems;
	}
}
