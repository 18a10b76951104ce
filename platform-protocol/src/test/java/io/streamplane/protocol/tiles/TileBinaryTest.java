package io.streamplane.protocol.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TileBinaryTest {

	private static final long START = 1_767_268_800_000L;

	private static final Tile EVERY_TYPE = everyType();

	@Test
	void shouldWriteEveryPartialTypeNamedAndReadItBackUnchanged() {
		byte[] bytes = TileCodec.toBytes(EVERY_TYPE);

		assertThat(bytes[0]).isEqualTo(TileBinary.NAMED);
		assertThat(bytes.length).isLessThan(TileCodec.toJson(EVERY_TYPE).length / 2);
		assertThat(TileCodec.fromBytes(bytes)).isEqualTo(EVERY_TYPE);
	}

	@Test
	void shouldWriteEveryPartialTypeUnnamedAndReadItBackIntoTheGivenViewAndEntity() {
		byte[] bytes = TileBinary.unnamed(EVERY_TYPE).orElseThrow();

		assertThat(bytes[0]).isEqualTo(TileBinary.UNNAMED);
		assertThat(TileBinary.readUnnamed("clicks", "u1", bytes)).isEqualTo(EVERY_TYPE);
	}

	@Test
	void shouldWriteATileWithAValueTheBinaryFormCannotHoldAsJsonAndStillReadIt() {
		Tile tile = new Tile("clicks", "u1", START, 60_000, START,
				Map.of("last(n)", new PartialAggregate.Last(new BigInteger("123456789012345678901234567890"), START)));

		byte[] bytes = TileCodec.toBytes(tile);

		assertThat(bytes[0]).isEqualTo((byte) '{');
		assertThat(TileCodec.fromBytes(bytes).partials().get("last(n)").result())
			.isEqualTo(new BigInteger("123456789012345678901234567890"));
	}

	@Test
	void shouldReadTheJsonOfAnyOtherProducer() {
		Tile tile = new Tile("clicks", "u1", START, 60_000, START, Map.of("count()", new PartialAggregate.Count(2)));

		assertThat(TileCodec.fromBytes(TileCodec.toJson(tile))).isEqualTo(tile);
	}

	@Test
	void shouldRejectTruncatedOrOverlongBinaryTiles() {
		byte[] bytes = TileCodec.toBytes(EVERY_TYPE);

		assertThatThrownBy(() -> TileCodec.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
			.isInstanceOf(TileFormatException.class)
			.hasMessageContaining("truncated");
		assertThatThrownBy(() -> TileCodec.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
			.isInstanceOf(TileFormatException.class)
			.hasMessageContaining("1 bytes after its last partial");
		assertThatThrownBy(() -> TileBinary.readUnnamed("clicks", "u1", bytes))
			.isInstanceOf(TileFormatException.class)
			.hasMessageContaining("not a tile in binary form 1");
	}

	@Test
	void shouldRejectABinaryTileThatBreaksTheTileRules() {
		Tile tile = new Tile("clicks", "u1", START, 60_000, START, Map.of());
		byte[] bytes = TileCodec.toBytes(tile);
		bytes[bytes.length - 10] = 0x7F;

		assertThatThrownBy(() -> TileCodec.fromBytes(bytes)).isInstanceOf(TileFormatException.class)
			.hasMessageContaining("newestEventTimeMs");
	}

	private static Tile everyType() {
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
		partials.put("sum(amount) as decimal(38, 2)", new PartialAggregate.DecimalSum("12345678901234567890123456789012.35"));
		partials.put("avg(amount) as decimal(18, 4)", new PartialAggregate.DecimalAvg("-0.3000", 3));
		return new Tile("clicks", "u1", START, 60_000, START + 6, partials);
	}

}
