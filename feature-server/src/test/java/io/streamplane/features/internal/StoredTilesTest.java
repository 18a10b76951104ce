package io.streamplane.features.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.streamplane.protocol.tiles.PartialAggregate;
import io.streamplane.protocol.tiles.Tile;
import io.streamplane.protocol.tiles.TileCodec;
import io.streamplane.protocol.tiles.TileFormatException;

class StoredTilesTest {

	private static final long START = 1_767_268_800_000L;

	@Test
	void shouldStoreEveryPartialTypeInBinaryAndReadItBackUnchanged() {
		Map<String, PartialAggregate> partials = new LinkedHashMap<>();
		partials.put("count()", new PartialAggregate.Count(3));
		partials.put("sum(amount)", new PartialAggregate.Sum(12.5));
		partials.put("min(amount)", new PartialAggregate.Min(-1.0));
		partials.put("max(amount)", new PartialAggregate.Max(9.0));
		partials.put("avg(amount)", new PartialAggregate.Avg(10.0, 4));
		partials.put("first(page)", new PartialAggregate.First("héllo", START + 1));
		partials.put("last(page)", new PartialAggregate.Last(null, START + 2));
		partials.put("last(n)", new PartialAggregate.Last(7L, START + 3));
		partials.put("first(i)", new PartialAggregate.First(7, START + 4));
		partials.put("first(x)", new PartialAggregate.First(2.5, START + 5));
		partials.put("last(flag)", new PartialAggregate.Last(true, START + 6));
		partials.put("count_distinct(item)", PartialAggregate.Distinct.empty().add("a").add("b"));
		Tile tile = new Tile("clicks", "u1", START, 60_000, START + 6, partials);

		byte[] stored = StoredTiles.encode(tile);

		assertThat(stored[0]).isEqualTo((byte) 1);
		assertThat(stored.length).isLessThan(TileCodec.toJson(tile).length);
		assertThat(StoredTiles.decode("clicks", "u1", stored)).isEqualTo(tile);
	}

	@Test
	void shouldStoreATileWithAValueTheBinaryFormCannotHoldAsJson() {
		Tile tile = new Tile("clicks", "u1", START, 60_000, START,
				Map.of("last(n)", new PartialAggregate.Last(new BigInteger("123456789012345678901234567890"), START)));

		byte[] stored = StoredTiles.encode(tile);

		assertThat(stored[0]).isEqualTo((byte) '{');
		assertThat(StoredTiles.decode("clicks", "u1", stored).partials().get("last(n)").result())
			.isEqualTo(new BigInteger("123456789012345678901234567890"));
	}

	@Test
	void shouldReadTilesStoredAsJsonBeforeTheBinaryForm() {
		Tile tile = new Tile("clicks", "u1", START, 60_000, START, Map.of("count()", new PartialAggregate.Count(2)));

		assertThat(StoredTiles.decode("clicks", "u1", TileCodec.toJson(tile))).isEqualTo(tile);
	}

	@Test
	void shouldRejectBytesOfAnUnknownFormat() {
		assertThatThrownBy(() -> StoredTiles.decode("clicks", "u1", new byte[] { 9, 1, 2 }))
			.isInstanceOf(TileFormatException.class)
			.hasMessageContaining("clicks/u1");
	}

}
