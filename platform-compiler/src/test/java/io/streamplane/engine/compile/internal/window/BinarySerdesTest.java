package io.streamplane.engine.compile.internal.window;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import io.streamplane.engine.compile.internal.keyed.StoredValue;
import io.streamplane.engine.compile.internal.value.Origin;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.value.RowSerde;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.Expression;
import io.streamplane.spec.ExpressionEnvironment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BinarySerdesTest {

	private static final RowSerde ROWS = new RowSerde();

	private static Map<String, Object> fields() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("z", List.of(1L, -2.5, "ü", true));
		nested.put("a", null);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("word", "héllo");
		fields.put("count", Long.MIN_VALUE);
		fields.put("big", Long.MAX_VALUE);
		fields.put("ratio", 0.1);
		fields.put("ok", false);
		fields.put("none", null);
		fields.put("nested", nested);
		fields.put("empty", new ArrayList<>());
		return fields;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Row roundTrip(Row row) {
		return ROWS.deserializer().deserialize("t", ROWS.serializer().serialize("t", row));
	}

	@Test
	void shouldKeepFieldsInOrderWithTheirTypesAndTheOriginBytesAcrossARepartition() {
		Row row = Row.of(fields(), new Origin(utf8("k"), utf8("{\"word\":1}")));

		Row read = roundTrip(row);

		assertThat(read.fields()).containsExactlyEntriesOf(row.fields());
		assertThat(read.origin().key()).isEqualTo(row.origin().key());
		assertThat(read.origin().value()).isEqualTo(row.origin().value());
		assertThat(read.marker()).isFalse();
		assertThat(read.failed()).isFalse();
	}

	@Test
	void shouldKeepMarkersAndMissingOrigins() {
		assertThat(roundTrip(Row.endOfInput())).satisfies(read -> {
			assertThat(read.marker()).isTrue();
			assertThat(read.origin().isKnown()).isFalse();
			assertThat(read.fields()).isEmpty();
		});
		assertThat(roundTrip(Row.of(Map.of("n", 1L), new Origin(null, new byte[0]))).origin())
			.satisfies(origin -> {
				assertThat(origin.key()).isNull();
				assertThat(origin.value()).isEmpty();
			});
	}

	private static Expression expression(String text) {
		try {
			return new Expression(text, ExpressionEnvironment.compilerBuilder().addVar("x", SimpleType.DYN).build()
				.compile(text).getAst());
		}
		catch (CelValidationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void shouldRestoreEveryKindOfAccumulatorFromTheWindowStore() {
		Expression x = expression("x");
		List<Aggregation> aggregations = List.of(new Aggregation("n", AggregateFunction.COUNT, Optional.empty()),
				new Aggregation("s", AggregateFunction.SUM, Optional.of(x)),
				new Aggregation("lo", AggregateFunction.MIN, Optional.of(x)),
				new Aggregation("hi", AggregateFunction.MAX, Optional.of(x)),
				new Aggregation("mean", AggregateFunction.AVG, Optional.of(x)),
				new Aggregation("first", AggregateFunction.FIRST, Optional.of(x)),
				new Aggregation("last", AggregateFunction.LAST, Optional.of(x)),
				new Aggregation("all", AggregateFunction.COLLECT, Optional.of(x)),
				new Aggregation("kinds", AggregateFunction.COUNT_DISTINCT, Optional.of(x)),
				new Aggregation("before", AggregateFunction.PREVIOUS, Optional.of(x)),
				new Aggregation("none", AggregateFunction.PREVIOUS, Optional.of(x)));
		WindowStateSerde serde = new WindowStateSerde(aggregations);
		WindowState state = new WindowState("w", List.of(new Accumulator.Count(3), new Accumulator.Sum(4.5),
				new Accumulator.Extreme(false, -7L), new Accumulator.Extreme(true, "z"), new Accumulator.Avg(9.0, 2),
				new Accumulator.Positional(false, true, 100L, Map.of("a", 1L)), Accumulator.empty(AggregateFunction.LAST),
				new Accumulator.Collect(List.of(new Accumulator.Timed(5L, null), new Accumulator.Timed(6L, "b"))),
				new Accumulator.Distinct(Set.of(1L, "one")), new Accumulator.Previous(true, null),
				Accumulator.empty(AggregateFunction.PREVIOUS)));

		WindowState read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));

		assertThat(read).isEqualTo(state);
	}

	@Test
	void shouldRestoreTheLastValueOfAKeyIncludingNull() {
		var serde = StoredValue.serde();
		for (Object value : new Object[] { null, 42L, 0.5, "paid", fields() }) {
			StoredValue stored = new StoredValue(value);

			byte[] bytes = serde.serializer().serialize("t", stored);

			assertThat(bytes).isNotNull();
			assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(stored);
		}
	}

}
