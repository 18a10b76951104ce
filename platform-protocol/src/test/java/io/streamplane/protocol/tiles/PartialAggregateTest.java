package io.streamplane.protocol.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.streamplane.protocol.tiles.PartialAggregate.Avg;
import io.streamplane.protocol.tiles.PartialAggregate.Count;
import io.streamplane.protocol.tiles.PartialAggregate.First;
import io.streamplane.protocol.tiles.PartialAggregate.Last;
import io.streamplane.protocol.tiles.PartialAggregate.Max;
import io.streamplane.protocol.tiles.PartialAggregate.Min;
import io.streamplane.protocol.tiles.PartialAggregate.Sum;

class PartialAggregateTest {

	@Test
	void shouldMergeEveryAggregateOverTheUnionOfItsEvents() {
		assertThat(new Count(2).merge(new Count(3)).result()).isEqualTo(5L);
		assertThat(new Sum(2.5).merge(new Sum(4)).result()).isEqualTo(6.5);
		assertThat(new Min(2).merge(new Min(-1)).result()).isEqualTo(-1.0);
		assertThat(new Max(2).merge(new Max(-1)).result()).isEqualTo(2.0);
		assertThat(new Avg(10, 4).merge(new Avg(2, 1)).result()).isEqualTo(2.4);
		assertThat(new First("a", 10).merge(new First("b", 5)).result()).isEqualTo("b");
		assertThat(new Last("a", 10).merge(new Last("b", 5)).result()).isEqualTo("a");
		assertThat(new Last("a", 10).merge(new Last("b", 10)).result()).isEqualTo("b");
	}

	@Test
	void shouldReadNoAverageOfNoValues() {
		assertThat(new Avg(0, 0).result()).isNull();
	}

	@Test
	void shouldRefuseToMergeDifferentKindsNamingBoth() {
		assertThatThrownBy(() -> new Count(1).merge(new Sum(1)))
			.isInstanceOf(TileFormatException.class)
			.hasMessageContaining("Count[n=1]").hasMessageContaining("Sum[total=1.0]");
	}

	@Test
	void shouldRoundTripTilesThroughJson() {
		Tile tile = new Tile("orders", "u1", 60_000, 60_000, 61_500, Map.of(
				"count()", new Count(3), "sum(amount)", new Sum(12.5), "min(amount)", new Min(1),
				"max(amount)", new Max(9), "avg(amount)", new Avg(12.5, 3),
				"first(item)", new First("pen", 60_100), "last(item)", new Last("ink", 61_500)));

		byte[] json = TileCodec.toJson(tile);

		assertThat(new String(json)).contains("\"count()\":{\"type\":\"count\",\"n\":3}");
		assertThat(TileCodec.fromJson(json)).isEqualTo(tile);
	}

	@Test
	void shouldRejectJsonThatIsNotATile() {
		assertThatThrownBy(() -> TileCodec.fromJson("{\"view\":\"v\",\"bogus\":1}".getBytes()))
			.isInstanceOf(TileFormatException.class).hasMessageContaining("not a valid tile record");
	}

	@Test
	void shouldNameEveryProblemOfAnInvalidTile() {
		assertThatThrownBy(() -> new Tile("", "a\0b", 1_000, 60_000, 0, Map.of()))
			.isInstanceOf(TileFormatException.class)
			.hasMessageContaining("view:").hasMessageContaining("entity:")
			.hasMessageContaining("tileStartMs: must be a multiple of tileSizeMs 60000");
	}
}
