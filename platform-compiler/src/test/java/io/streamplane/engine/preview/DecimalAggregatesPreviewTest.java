package io.streamplane.engine.preview;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.json;
import static io.streamplane.engine.preview.Previews.spec;
import static io.streamplane.engine.preview.Previews.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: exact decimal sums and averages, {@code sum(amount) as decimal(18, 2)}, in every step that aggregates. */
class DecimalAggregatesPreviewTest {

	private static final String STREAM = """
			name: decimals
			sources:
			  payments:
			    kafka: { topic: payments }
			    eventTime: { field: t, unit: seconds }
			transforms:
			  out:
			    from: payments
			    steps:
			      - keyBy: user
			      - %s
			outputs:
			  - { from: out, kafka: { topic: out } }
			""";

	private static final String TABLE = """
			name: decimal-groups
			tables:
			  orders: { kafka: { topic: orders }, primaryKey: [order_id] }
			transforms:
			  regions:
			    from: orders
			    steps:
			      - groupBy: region
			        aggregate: %s
			outputs:
			  - { from: regions, kafka: { topic: regions } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	private PreviewResult stream(String step, List<PreviewInput> inputs) {
		return preview.run(spec(STREAM.formatted(step)), inputs);
	}

	private static PreviewInput payment(long t, String amount) {
		return input("payments", "u", "{\"t\": " + t + ", \"user\": \"u\", \"amount\": " + amount + "}");
	}

	private static PreviewInput order(int id, String region, String amount) {
		return PreviewInput.tableChange("orders", Integer.toString(id),
				json("{\"order_id\": " + id + ", \"region\": \"" + region + "\", \"amount\": " + amount + "}"));
	}

	private static PreviewInput deleted(int id) {
		return PreviewInput.tableChange("orders", Integer.toString(id), null);
	}

	@Test
	void shouldSumJsonNumbersAndStringsExactlyInAWindow() {
		List<PreviewInput> inputs = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			inputs.add(payment(1, i % 2 == 0 ? "0.1" : "\"0.2\""));
		}
		inputs.add(payment(20, "1"));
		PreviewResult result = stream("""
				window: { tumbling: 10s }
				        aggregate: { total: "sum(amount) as decimal(18, 2)", mean: "avg(amount) as decimal(18, 4)", loose: "sum(double(amount))" }""",
				inputs);

		assertThat(result.deadLetters()).isEmpty();
		assertThat(values(result, "out")).first().isEqualTo(Previews.value("""
				{"user": "u", "window_start": "1970-01-01T00:00:00Z", "window_end": "1970-01-01T00:00:10Z",
				 "total": "150.00", "mean": "0.1500", "loose": %s}""".formatted(looseSum())));
	}

	private static double looseSum() {
		double sum = 0;
		for (int i = 0; i < 1000; i++) {
			sum += i % 2 == 0 ? 0.1 : 0.2;
		}
		return sum;
	}

	@Test
	void shouldRoundEachValueHalfToEvenToTheDeclaredScale() {
		PreviewResult result = stream("running: { total: \"sum(amount) as decimal(10, 2)\" }",
				List.of(payment(1, "\"0.125\""), payment(2, "0.135"), payment(3, "7")));

		assertThat(Previews.field(result, "out", "total")).containsExactly("0.12", "0.26", "7.26");
	}

	@Test
	void shouldDeadLetterTheRecordThatOverflowsARunningSumAndKeepTheSumWithoutIt() {
		PreviewResult result = stream("running: { total: \"sum(amount) as decimal(4, 2)\" }",
				List.of(payment(1, "60.5"), payment(2, "50"), payment(3, "\"39.49\""), payment(4, "\"1000\"")));

		assertThat(Previews.field(result, "out", "total")).containsExactly("60.50", "99.99");
		assertThat(result.deadLetters()).extracting(DeadLetter::reason).containsExactly(
				"total: sum(amount) reached 110.50, which overflows decimal(4, 2) (at most 2 digits before the point); " +
						"declare a larger precision",
				"total: sum(amount) as decimal(4, 2) the value 1000 overflows decimal(4, 2), which holds at most 2 digits " +
						"before the point");
	}

	@Test
	void shouldDeadLetterAWindowWhoseSumOverflows() {
		PreviewResult result = stream("""
				window: { tumbling: 10s }
				        aggregate: { total: "sum(amount) as decimal(3, 1)" }""",
				List.of(payment(1, "60"), payment(2, "50"), payment(11, "5"), payment(30, "0")));

		assertThat(Previews.field(result, "out", "total")).containsExactly("5.0", "0.0");
		assertThat(result.deadLetters()).extracting(DeadLetter::reason)
			.containsExactly("total: sum(amount) reached 110.0, which overflows decimal(3, 1) (at most 2 digits before " +
					"the point); declare a larger precision");
	}

	@Test
	void shouldDeadLetterAnAmountThatIsNotANumber() {
		PreviewResult result = stream("running: { total: \"sum(amount) as decimal(10, 2)\" }",
				List.of(payment(1, "\"12,50\""), payment(2, "true")));

		assertThat(result.deadLetters()).extracting(DeadLetter::reason).containsExactly(
				"total: sum(amount) as decimal(10, 2) needs a number, got the string \"12,50\"",
				"total: sum(amount) as decimal(10, 2) needs a number, got a boolean");
	}

	@Test
	void shouldSumExactlyOverARollingRange() {
		PreviewResult result = stream("""
				rolling: { range: 20s, slice: 10s }
				        aggregate: { total: "sum(amount) as decimal(10, 2)", mean: "avg(amount) as decimal(10, 2)" }""",
				List.of(payment(1, "0.1"), payment(12, "0.2"), payment(35, "0.3")));

		assertThat(Previews.field(result, "out", "total")).containsExactly("0.10", "0.30", "0.30");
		assertThat(Previews.field(result, "out", "mean")).containsExactly("0.10", "0.15", "0.30");
	}

	@Test
	void shouldDeadLetterTheRecordThatOverflowsARollingSumAndKeepTheSlicesWithoutIt() {
		PreviewResult result = stream("""
				rolling: { range: 20s, slice: 10s }
				        aggregate: { total: "sum(amount) as decimal(3, 1)" }""",
				List.of(payment(1, "60"), payment(2, "50"), payment(3, "39.9"), payment(25, "5")));

		assertThat(Previews.field(result, "out", "total")).containsExactly("60.0", "99.9", "5.0");
		assertThat(result.deadLetters()).extracting(DeadLetter::reason).containsExactly(
				"total: sum(amount) reached 110.0, which overflows decimal(3, 1) (at most 2 digits before the point); " +
						"declare a larger precision");
	}

	@Test
	void shouldSubtractExactlyWhenRowsLeaveAGroup() {
		PreviewResult result = preview.run(spec(TABLE.formatted(
				"{ revenue: \"sum(amount) as decimal(12, 2)\", mean: \"avg(amount) as decimal(12, 3)\" }")),
				List.of(order(1, "eu", "0.1"), order(2, "eu", "\"0.2\""), order(2, "us", "\"0.2\""), deleted(1)));

		assertThat(result.deadLetters()).isEmpty();
		assertThat(values(result, "regions")).containsExactly(
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"revenue\": \"0.10\", \"mean\": \"0.100\"}"),
				Previews.value("{\"op\": \"-\", \"region\": \"eu\", \"revenue\": \"0.10\", \"mean\": \"0.100\"}"),
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"revenue\": \"0.30\", \"mean\": \"0.150\"}"),
				Previews.value("{\"op\": \"-\", \"region\": \"eu\", \"revenue\": \"0.30\", \"mean\": \"0.150\"}"),
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"revenue\": \"0.10\", \"mean\": \"0.100\"}"),
				Previews.value("{\"op\": \"+\", \"region\": \"us\", \"revenue\": \"0.20\", \"mean\": \"0.200\"}"),
				Previews.value("{\"op\": \"-\", \"region\": \"eu\", \"revenue\": \"0.10\", \"mean\": \"0.100\"}"));
	}

	@Test
	void shouldRetractAGroupWhileItsSumOverflowsAndBringItBack() {
		PreviewResult result = preview.run(spec(TABLE.formatted("{ revenue: \"sum(amount) as decimal(3, 0)\" }")),
				List.of(order(1, "eu", "600"), order(2, "eu", "500"), deleted(2)));

		assertThat(values(result, "regions")).containsExactly(
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"revenue\": \"600\"}"),
				Previews.value("{\"op\": \"-\", \"region\": \"eu\", \"revenue\": \"600\"}"),
				Previews.value("{\"op\": \"+\", \"region\": \"eu\", \"revenue\": \"600\"}"));
		assertThat(result.deadLetters()).extracting(DeadLetter::reason).containsExactly(
				"revenue: sum(amount) reached 1100, which overflows decimal(3, 0) (at most 3 digits before the point); " +
						"declare a larger precision");
	}

	/**
	 * Two sessions merged by a record between them: 2 minutes of lateness keep the first open until the
	 * record at 50 s bridges it with the one at 100 s (without lateness it would have closed at 60 s).
	 */
	@Test
	void shouldMergeSessionsExactly() {
		String spec = STREAM.formatted("""
				window: { session: { gap: 60s } }
				        aggregate: { total: "sum(amount) as decimal(10, 2)", mean: "avg(amount) as decimal(10, 3)" }""")
			.replace("unit: seconds }\n", "unit: seconds }\n    lateness: 2m\n");
		PreviewResult result = preview.run(spec(spec),
				List.of(payment(0, "0.1"), payment(100, "\"0.2\""), payment(50, "0.3")));

		assertThat(result.deadLetters()).isEmpty();
		assertThat(Previews.field(result, "out", "total")).last().isEqualTo("0.60");
		assertThat(Previews.field(result, "out", "mean")).last().isEqualTo("0.200");
	}

	@Test
	void shouldReadADecimalResultInHavingAsAString() {
		PreviewResult result = preview.run(spec("""
				name: decimal-having
				tables:
				  orders: { kafka: { topic: orders }, primaryKey: [order_id] }
				transforms:
				  regions:
				    from: orders
				    steps:
				      - groupBy: { by: region, having: "double(revenue) >= 1.0" }
				        aggregate: { revenue: "sum(amount) as decimal(12, 2)" }
				      - set: { label: "revenue + ' EUR'" }
				outputs:
				  - { from: regions, kafka: { topic: regions } }
				"""), List.of(order(1, "eu", "0.5"), order(2, "eu", "\"0.5\""), order(3, "us", "0.99")));

		assertThat(values(result, "regions")).containsExactly(Previews.value(
				"{\"op\": \"+\", \"region\": \"eu\", \"revenue\": \"1.00\", \"label\": \"1.00 EUR\"}"));
	}

}
