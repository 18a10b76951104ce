package io.streamplane.engine.compile.internal.window;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import io.streamplane.engine.compile.internal.value.Decimals;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.spec.AggregateFunction;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.DecimalType;
import io.streamplane.spec.Expression;
import io.streamplane.spec.ExpressionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18: decimal accumulators of windows, running and rolling steps: exact where doubles drift, merged exactly, stored exactly. */
class DecimalAccumulatorTest {

	private static final DecimalType MONEY = new DecimalType(18, 2);

	private static final Expression X = x();

	private static final Aggregation SUM = new Aggregation("s", AggregateFunction.SUM, Optional.of(X), Optional.empty(),
			Optional.of(MONEY));

	private static final Aggregation AVG = new Aggregation("a", AggregateFunction.AVG, Optional.of(X), Optional.empty(),
			Optional.of(MONEY));

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

	@Test
	void shouldSumTenthsExactlyWhereTheDoubleSumDrifts() {
		Accumulator exact = Accumulator.empty(SUM);
		Accumulator loose = Accumulator.empty(AggregateFunction.SUM);
		for (int i = 0; i < 10_000; i++) {
			exact = exact.add(Decimals.text(Decimals.of(0.1, MONEY)), i).add(Decimals.text(Decimals.of("0.2", MONEY)), i);
			loose = loose.add(0.1, i).add(0.2, i);
		}

		assertThat(exact.result()).isEqualTo("3000.00");
		assertThat(loose.result()).as("0.1 + 0.2 summed 10,000 times in doubles").isNotEqualTo(3000.0)
			.isEqualTo(2999.999999999098);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void shouldEqualTheSumComputedFromScratchHoweverWindowsMerge(long seed) {
		Random random = new Random(seed);
		List<Accumulator> sessions = new ArrayList<>();
		BigDecimal scratch = BigDecimal.ZERO;
		int values = 0;
		for (int s = 0; s < 1 + random.nextInt(8); s++) {
			Accumulator sum = Accumulator.empty(SUM);
			Accumulator avg = Accumulator.empty(AVG);
			for (int i = 0; i < random.nextInt(200); i++) {
				Object value = switch (random.nextInt(3)) {
					case 0 -> (long) random.nextInt(1000);
					case 1 -> random.nextInt(1_000_000) / 100.0;
					default -> BigDecimal.valueOf(random.nextLong(100_000_000_000_000L), 2).toPlainString();
				};
				String entered = Decimals.text(Decimals.of(value, MONEY));
				scratch = scratch.add(new BigDecimal(value.toString()));
				values++;
				sum = sum.add(entered, i);
				avg = avg.add(entered, i);
			}
			sessions.add(sum);
			sessions.add(avg);
		}
		Accumulator sum = Accumulator.empty(SUM);
		Accumulator avg = Accumulator.empty(AVG);
		for (int i = 0; i < sessions.size(); i += 2) {
			sum = sum.merge(sessions.get(i));
			avg = avg.merge(sessions.get(i + 1));
		}

		assertThat(sum.result()).as("seed %d", seed).isEqualTo(scratch.setScale(2).toPlainString());
		assertThat(avg.result()).as("seed %d", seed).isEqualTo(values == 0 ? null
				: scratch.divide(BigDecimal.valueOf(values), 2, Decimals.ROUNDING).toPlainString());
	}

	@Test
	void shouldRoundHalfToEvenAndRejectValuesTheTypeCannotHold() {
		assertThat(Decimals.of("2.345", MONEY)).isEqualTo(new BigDecimal("2.34"));
		assertThat(Decimals.of("2.355", MONEY)).isEqualTo(new BigDecimal("2.36"));
		assertThat(Decimals.of(-0.125, MONEY)).isEqualTo(new BigDecimal("-0.12"));
		assertThat(Decimals.of(" 1e3 ", MONEY)).isEqualTo(new BigDecimal("1000.00"));
		assertThat(Decimals.of("9999999999999999.99", MONEY)).isEqualTo(new BigDecimal("9999999999999999.99"));
		assertThatThrownBy(() -> Decimals.of("9999999999999999.995", MONEY)).isInstanceOf(RecordException.class)
			.hasMessage("the value 9999999999999999.995 overflows decimal(18, 2), which holds at most 16 digits before the point");
		assertThatThrownBy(() -> Decimals.of(Double.NaN, MONEY)).isInstanceOf(RecordException.class);
	}

	@Test
	void shouldTakeJsonNumbersAsWrittenWhileADoubleHoldsAllTheirDigitsAndRefuseThemBeyond() {
		assertThat(Decimals.of(9999999999999.99, MONEY)).isEqualTo(new BigDecimal("9999999999999.99"));
		assertThat(Decimals.of(-1234567890123.45, MONEY)).isEqualTo(new BigDecimal("-1234567890123.45"));
		assertThatThrownBy(() -> Decimals.of(1234567890123456.78, MONEY)).isInstanceOf(RecordException.class)
			.hasMessage("got the JSON number 1234567890123456.8, read as a double, which holds 15 significant digits: " +
					"too few for decimal(18, 2) from 10000000000000 on; write the amount as a JSON string, e.g. " +
					"\"1234567890123456.80\"");
		assertThat(Decimals.of("1234567890123456.78", MONEY)).isEqualTo(new BigDecimal("1234567890123456.78"));
	}

	@Test
	void shouldReportAnOverflowOnlyWhenTheResultIsRead() {
		Accumulator sum = Accumulator.empty(SUM).add("9999999999999999.99", 0).add("0.01", 1);

		assertThat(sum.result()).isEqualTo(new Decimals.Overflow(new BigDecimal("10000000000000000.00"), MONEY));
		assertThat(sum.add("-0.01", 2).result()).isEqualTo("9999999999999999.99");
	}

	@Test
	void shouldRestoreDecimalStatesFromTheWindowStoreDigitForDigit() {
		WindowStateSerde serde = new WindowStateSerde(List.of(SUM, AVG));
		WindowState state = new WindowState("w", List.of(
				Accumulator.empty(SUM).add("123456789012345678901234567890.12", 0),
				Accumulator.empty(AVG).add("0.10", 0).add("0.20", 1)));

		WindowState read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));

		assertThat(read).isEqualTo(state);
		assertThat(read.accumulators()).extracting(Accumulator::result)
			.containsExactly(new Decimals.Overflow(new BigDecimal("123456789012345678901234567890.12"), MONEY), "0.15");
	}

}
