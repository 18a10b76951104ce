package io.streamplane.protocol.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.streamplane.protocol.tiles.PartialAggregate.Avg;
import io.streamplane.protocol.tiles.PartialAggregate.Count;
import io.streamplane.protocol.tiles.PartialAggregate.DecimalAvg;
import io.streamplane.protocol.tiles.PartialAggregate.DecimalSum;
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
	void shouldMergeDecimalsExactlyAtTheirScale() {
		assertThat(new DecimalSum("0.10").merge(new DecimalSum("0.20")).result()).isEqualTo("0.30");
		assertThat(new DecimalSum("10012345678901234.55").merge(new DecimalSum("1.00")).result())
			.isEqualTo("10012345678901235.55");
		assertThat(new DecimalSum("-1.50").merge(new DecimalSum("1.50")).result()).isEqualTo("0.00");
		assertThat(new DecimalAvg("0.30", 2).merge(new DecimalAvg("0.12", 1)).result()).isEqualTo("0.14");
		assertThat(new DecimalAvg("0.25", 2).result()).as("0.125 half to even").isEqualTo("0.12");
		assertThat(new DecimalAvg("0.35", 2).result()).as("0.175 half to even").isEqualTo("0.18");
		assertThat(new DecimalAvg("7", 2).result()).as("scale 0").isEqualTo("4");
		assertThat(new DecimalAvg("0.00", 0).result()).isNull();
	}

	@Test
	void shouldRefuseToMergeADecimalSumWithADoubleSum() {
		assertThatThrownBy(() -> new DecimalSum("1.00").merge(new Sum(1)))
			.isInstanceOf(TileFormatException.class).hasMessageContaining("DecimalSum");
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
				"first(item)", new First("pen", 60_100), "last(item)", new Last("ink", 61_500),
				"sum(amount) as decimal(18, 2)", new DecimalSum("12.50"),
				"avg(amount) as decimal(18, 2)", new DecimalAvg("12.50", 3)));

		byte[] json = TileCodec.toJson(tile);

		assertThat(new String(json)).contains("\"count()\":{\"type\":\"count\",\"n\":3}")
			.contains("{\"type\":\"decimal_sum\",\"total\":\"12.50\"}")
			.contains("{\"type\":\"decimal_avg\",\"sum\":\"12.50\",\"count\":3}");
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
