package io.streamplane.protocol.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DistinctSketchTest {

	@Test
	void shouldCountFewValuesExactlyAndRepeatsOnce() {
		DistinctSketch sketch = DistinctSketch.empty().add("a").add("b").add("a").add(7L).add(7.0).add(7);

		assertThat(sketch.estimate()).isEqualTo(3);
		assertThat(DistinctSketch.empty().estimate()).isZero();
	}

	@Test
	void shouldEstimateManyValuesWithinTwoStandardErrors() {
		DistinctSketch sketch = DistinctSketch.empty();
		for (int i = 0; i < 100_000; i++) {
			sketch = sketch.add("user-" + i);
		}

		assertThat((double) sketch.estimate()).isCloseTo(100_000, within(3_200.0));
	}

	@Test
	void shouldCountValuesSeenInBothSketchesOfAUnionOnce() {
		DistinctSketch left = DistinctSketch.empty();
		DistinctSketch right = DistinctSketch.empty();
		for (int i = 0; i < 600; i++) {
			left = left.add("v" + i);
			right = right.add("v" + (i + 300));
		}

		assertThat((double) left.union(right).estimate()).isCloseTo(900, within(27.0));
	}

	@Test
	void shouldRoundTripSparseAndDenseBytes() {
		DistinctSketch few = DistinctSketch.empty().add("x").add("y");
		DistinctSketch many = DistinctSketch.empty();
		for (int i = 0; i < 20_000; i++) {
			many = many.add(i);
		}

		assertThat(few.toBytes()).hasSize(4 + 2 * 3);
		assertThat(many.toBytes()).hasSize(2 + 4096);
		assertThat(DistinctSketch.fromBase64(few.toBase64()).estimate()).isEqualTo(2);
		assertThat(DistinctSketch.fromBase64(many.toBase64()).estimate()).isEqualTo(many.estimate());
	}

	@Test
	void shouldRejectBytesThatAreNotASketch() {
		assertThatThrownBy(() -> DistinctSketch.fromBase64("not base64!")).isInstanceOf(TileFormatException.class);
		assertThatThrownBy(() -> DistinctSketch.fromBytes(new byte[] { 1, 12, 0, 5 }))
			.isInstanceOf(TileFormatException.class).hasMessageContaining("malformed");
	}

	@Test
	void shouldMergeDistinctPartialsOfTwoTilesThroughTheirJson() {
		PartialAggregate.Distinct first = PartialAggregate.Distinct.empty().add("a").add("b");
		PartialAggregate.Distinct second = PartialAggregate.Distinct.empty().add("b").add("c").add(null);
		Tile tile = new Tile("v", "u1", 0, 60_000, 10, Map.of("count_distinct(item)", first));

		Tile read = TileCodec.fromJson(TileCodec.toJson(tile));

		assertThat(new String(TileCodec.toJson(tile))).contains("{\"type\":\"distinct\",\"sketch\":\"");
		assertThat(read.partials().get("count_distinct(item)").merge(second).result()).isEqualTo(3L);
	}

}
