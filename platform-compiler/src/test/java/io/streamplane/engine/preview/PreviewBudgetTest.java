package io.streamplane.engine.preview;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 12: a preview stops when it spends any part of its budget, also inside one record's fan-out. */
class PreviewBudgetTest {

	/** Three explodes of 1000 elements: one input record becomes 10^9 records if nothing stops it. */
	private static final String FAN_OUT = """
			name: fan-out
			sources:
			  events:
			    kafka: { topic: events }
			    fields: { id: int, xs: list }
			transforms:
			  out:
			    from: events
			    steps:
			      - explode: { field: a, from: xs }
			      - explode: { field: b, from: xs }
			      - explode: { field: c, from: xs }
			      - select: [id, a, b, c]
			outputs:
			  - { from: out, kafka: { topic: out } }
			""";

	private static final String THOUSAND = "[" + "1,".repeat(999) + "1]";

	private final PipelinePreview preview = new PipelinePreview();

	@Test
	void shouldStopARecordThatFansOutBeyondTheStepBudget() {
		PreviewBudget budget = new PreviewBudget(Duration.ofMinutes(1), 50_000, Integer.MAX_VALUE, Long.MAX_VALUE);

		PreviewBudgetException failure = catchThrowableOfType(PreviewBudgetException.class, () -> preview
			.run(spec(FAN_OUT), List.of(input("events", "k", "{\"id\": 1, \"xs\": " + THOUSAND + "}")), budget, () -> false));

		assertThat(failure.part()).isEqualTo(PreviewBudget.Part.STEPS);
		assertThat(failure.limit()).isEqualTo("50000");
	}

	@Test
	void shouldStopWhenTheOutputsExceedTheRecordBudget() {
		PreviewBudget budget = new PreviewBudget(Duration.ofMinutes(1), Long.MAX_VALUE, 10, Long.MAX_VALUE);

		PreviewBudgetException failure = catchThrowableOfType(PreviewBudgetException.class, () -> preview
			.run(spec(FAN_OUT), List.of(input("events", "k", "{\"id\": 1, \"xs\": [1, 2, 3]}")), budget, () -> false));

		assertThat(failure.part()).isEqualTo(PreviewBudget.Part.OUTPUT_RECORDS);
		assertThat(failure.getMessage()).isEqualTo("the preview wrote more than 10 output records and dead letters");
	}

	@Test
	void shouldStopWhenTheOutputsExceedTheByteBudget() {
		PreviewBudget budget = new PreviewBudget(Duration.ofMinutes(1), Long.MAX_VALUE, Integer.MAX_VALUE, 100);

		PreviewBudgetException failure = catchThrowableOfType(PreviewBudgetException.class, () -> preview
			.run(spec(FAN_OUT), List.of(input("events", "k", "{\"id\": 1, \"xs\": [1, 2, 3]}")), budget, () -> false));

		assertThat(failure.part()).isEqualTo(PreviewBudget.Part.OUTPUT_BYTES);
	}

	@Test
	void shouldStopWhenTheTimeIsSpent() {
		PreviewBudget budget = new PreviewBudget(Duration.ofMillis(200), Long.MAX_VALUE, Integer.MAX_VALUE,
				Long.MAX_VALUE);
		long start = System.nanoTime();

		PreviewBudgetException failure = catchThrowableOfType(PreviewBudgetException.class, () -> preview
			.run(spec(FAN_OUT), List.of(input("events", "k", "{\"id\": 1, \"xs\": " + THOUSAND + "}")), budget, () -> false));

		assertThat(failure.part()).isEqualTo(PreviewBudget.Part.TIME);
		assertThat(failure.limit()).isEqualTo("200ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void shouldStopWhenCancelled() {
		AtomicBoolean cancelled = new AtomicBoolean(true);

		PreviewCancelledException failure = catchThrowableOfType(PreviewCancelledException.class, () -> preview
			.run(spec(FAN_OUT), List.of(input("events", "k", "{\"id\": 1, \"xs\": " + THOUSAND + "}")),
					PreviewBudget.UNLIMITED, cancelled::get));

		assertThat(failure).hasMessage("the preview was cancelled");
	}

	@Test
	void shouldAnswerWithinTheBudget() {
		PreviewBudget budget = new PreviewBudget(Duration.ofMinutes(1), 100, 10, 10_000);

		PreviewResult result = preview.run(spec(FAN_OUT), List.of(input("events", "k", "{\"id\": 1, \"xs\": [1, 2]}")),
				budget, () -> false);

		assertThat(result.outputs().get("out")).hasSize(8);
	}

}
