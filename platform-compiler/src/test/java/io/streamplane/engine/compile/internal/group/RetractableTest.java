package io.streamplane.engine.compile.internal.group;

import java.util.List;
import java.util.Optional;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.Expression;
import io.streamplane.spec.ExpressionEnvironment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: accumulators of a group-by give back, after a row is taken out, what they gave before it came. */
class RetractableTest {

	private static final Expression X = x();

	private static Expression x() {
		try {
			return new Expression("x", ExpressionEnvironment.compilerBuilder().addVar("x", SimpleType.DYN).build()
				.compile("x").getAst());
		}
		catch (CelValidationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Retractable fold(AggregateFunction function, Object... values) {
		Retractable state = Retractable.empty(function);
		for (Object value : values) {
			state = state.add(value);
		}
		return state;
	}

	@Test
	void shouldGiveTheIntegerSumBackExactlyOnceTheLastDecimalLeaves() {
		Retractable sum = fold(AggregateFunction.SUM, 3L, 0.1, 4L, 0.2);

		assertThat(sum.result()).isInstanceOf(Double.class);
		assertThat(sum.remove(0.1).remove(0.2).result()).isEqualTo(7L);
		assertThat(Retractable.empty(AggregateFunction.SUM).result()).isEqualTo(0L);
	}

	@Test
	void shouldKeepASumExactPastTheLongRangeByCountingTheOverflowAsDecimal() {
		Retractable sum = fold(AggregateFunction.SUM, Long.MAX_VALUE, 1L);

		assertThat(sum.result()).isEqualTo((double) Long.MAX_VALUE + 1);
		assertThat(sum.remove(1L).result()).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void shouldRevealTheNextExtremeWhenTheExtremeLeaves() {
		Retractable min = fold(AggregateFunction.MIN, 5L, 3L, 3L, 9L);
		Retractable max = fold(AggregateFunction.MAX, "b", "c", "a");

		assertThat(min.remove(3L).result()).isEqualTo(3L);
		assertThat(min.remove(3L).remove(3L).result()).isEqualTo(5L);
		assertThat(max.remove("c").result()).isEqualTo("b");
		assertThat(fold(AggregateFunction.MIN).result()).isNull();
	}

	@Test
	void shouldCountDistinctValuesWhileSomeRowHoldsThem() {
		Retractable distinct = fold(AggregateFunction.COUNT_DISTINCT, 7L, 7.0, "7", null);

		assertThat(distinct.result()).isEqualTo(2L);
		assertThat(distinct.remove(7L).result()).isEqualTo(2L);
		assertThat(distinct.remove(7L).remove(7.0).result()).isEqualTo(1L);
	}

	@Test
	void shouldAverageOnlyValuesAndGiveNullForNone() {
		Retractable avg = fold(AggregateFunction.AVG, 2L, null, 5L);

		assertThat(avg.result()).isEqualTo(3.5);
		assertThat(avg.remove(2L).remove(5L).result()).isNull();
	}

	@Test
	void shouldRoundTripEveryStateThroughTheSerde() {
		List<Aggregation> aggregations = List.of(
				new Aggregation("n", AggregateFunction.COUNT, Optional.empty()),
				new Aggregation("s", AggregateFunction.SUM, Optional.of(X)),
				new Aggregation("a", AggregateFunction.AVG, Optional.of(X)),
				new Aggregation("lo", AggregateFunction.MIN, Optional.of(X)),
				new Aggregation("d", AggregateFunction.COUNT_DISTINCT, Optional.of(X)));
		GroupState state = new GroupState(3, List.of("eu", 7L), List.of(fold(AggregateFunction.COUNT, 1L, 2L),
				fold(AggregateFunction.SUM, 1L, 0.5), fold(AggregateFunction.AVG, 2L, 4L),
				fold(AggregateFunction.MIN, "b", "a", "a"), fold(AggregateFunction.COUNT_DISTINCT, 1L, 2L, 2L)));
		GroupStateSerde serde = new GroupStateSerde(aggregations);

		GroupState read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));

		assertThat(read.rows()).isEqualTo(3);
		assertThat(read.group()).isEqualTo(state.group());
		assertThat(read.accumulators()).extracting(Retractable::result)
			.containsExactly(2L, 1.5, 3.0, "a", 2L);
		assertThat(read.accumulators().get(3).remove("a").remove("a").result()).isEqualTo("b");
	}

}
