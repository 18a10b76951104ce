package io.streamplane.engine.compile.internal.group;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.DecimalType;
import io.streamplane.spec.Expression;
import io.streamplane.spec.ExpressionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a group's decimal sum and average take rows back out exactly, where the double sum
 * drifts, and survive the store's serde digit for digit.
 */
class DecimalRetractableTest {

	private static final DecimalType MONEY = new DecimalType(38, 2);

	private static final Expression X = x();

	private static final Aggregation SUM = new Aggregation("s", AggregateFunction.SUM, Optional.of(X), Optional.empty(),
			Optional.of(MONEY));

	private static final Aggregation AVG = new Aggregation("a", AggregateFunction.AVG, Optional.of(X), Optional.empty(),
			Optional.of(new DecimalType(38, 4)));

	private static Expression x() {
		try {
			return new Expression("x", ExpressionEnvironment.compilerBuilder().addVar("x", SimpleType.DYN).build()
				.compile("x").getAst());
		}
		catch (CelValidationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Stream<Long> seeds() {
		return LongStream.range(0, 200).boxed();
	}

	/** Values as {@code AggregateInputs} passes them: text rounded to the scale. */
	private static String amount(Random random) {
		long cents = random.nextInt(10) == 0 ? random.nextLong() / 1000 : random.nextInt(2_000_001) - 1_000_000;
		return BigDecimal.valueOf(cents, 2).toPlainString();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void shouldEqualTheSumOfTheRemainingRowsComputedFromScratch(long seed) {
		Random random = new Random(seed);
		List<String> rows = new ArrayList<>();
		Retractable sum = Retractable.empty(SUM);
		Retractable avg = Retractable.empty(AVG);
		for (int i = 0; i < 500; i++) {
			if (!rows.isEmpty() && random.nextInt(3) == 0) {
				String leaving = rows.remove(random.nextInt(rows.size()));
				sum = sum.remove(leaving);
				avg = avg.remove(leaving);
				continue;
			}
			String coming = amount(random);
			rows.add(coming);
			sum = sum.add(coming);
			avg = avg.add(coming);
		}
		BigDecimal scratch = rows.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);

		assertThat(sum.result()).as("seed %d", seed).isEqualTo(scratch.toPlainString());
		assertThat(avg.result()).as("seed %d", seed).isEqualTo(rows.isEmpty() ? null
				: scratch.divide(BigDecimal.valueOf(rows.size()), 4, RoundingMode.HALF_EVEN).toPlainString());
	}

	@Test
	void shouldGiveZeroBackAfterTakingOutWhatADoubleSumCannot() {
		Retractable exact = Retractable.empty(SUM);
		Retractable loose = Retractable.empty(AggregateFunction.SUM);
		for (int i = 0; i < 1000; i++) {
			exact = exact.add("0.10").add("0.20");
			loose = loose.add(0.1).add(0.2).add(1L);
		}
		for (int i = 0; i < 1000; i++) {
			exact = exact.remove("0.10");
			loose = loose.remove(0.1);
		}

		assertThat(exact.result()).isEqualTo("200.00");
		assertThat(loose.result()).as("the double sum of the remaining 0.2s and 1s drifts").isNotEqualTo(1200.0);
	}

	@Test
	void shouldRoundTripDecimalStatesThroughTheSerdeExactly() {
		Retractable sum = Retractable.empty(SUM).add("12345678901234567890123456789012345.67").add("0.01");
		Retractable avg = Retractable.empty(AVG).add("1.0000").add("2.0000").add("2.0000");
		GroupStateSerde serde = new GroupStateSerde(List.of(SUM, AVG));
		GroupState state = new GroupState(3, List.of("eu"), List.of(sum, avg));

		GroupState read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));

		assertThat(read.accumulators()).containsExactly(sum, avg);
		assertThat(read.accumulators()).extracting(Retractable::result)
			.containsExactly("12345678901234567890123456789012345.68", "1.6667");
		assertThat(read.accumulators().get(0).remove("0.01").result()).isEqualTo("12345678901234567890123456789012345.67");
	}

}
