package io.streamplane.api.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.streamplane.api.ControlPlaneProperties;
import io.streamplane.api.web.PreviewRequests.PreviewRequest;
import io.streamplane.engine.preview.PipelinePreview;
import io.streamplane.engine.preview.PreviewBudget;
import io.streamplane.engine.preview.PreviewBudgetException;
import io.streamplane.engine.preview.PreviewInput;
import io.streamplane.engine.preview.PreviewResult;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.SpecFormat;
import io.streamplane.spec.SpecReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.async.DeferredResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12: previews run on a bounded pool, within their time, and never outlive the server. */
class PreviewRunnerTest {

	/** One input that fans out into 10^9 records: runs until a budget stops it. */
	private static final String FAN_OUT = """
			name: fan-out
			sources:
			  events:
			    kafka: { topic: events }
			    fields: { xs: list }
			transforms:
			  out:
			    from: events
			    steps:
			      - explode: { field: a, from: xs }
			      - explode: { field: b, from: xs }
			      - explode: { field: c, from: xs }
			outputs:
			  - { from: out, kafka: { topic: out } }
			""";

	private PreviewRunner runner;

	@AfterEach
	void stop() {
		if (runner != null && runner.isRunning()) {
			runner.stop();
		}
	}

	@Test
	void shouldStopAPreviewWhenItsTimeIsUpAndNameTheProperty() throws Exception {
		runner = started(1, 0, Duration.ofMillis(300));

		DeferredResult<PreviewResult> result = runner.run(fanOut());

		PreviewBudgetException failure = (PreviewBudgetException) await(result);
		assertThat(failure.part()).isEqualTo(PreviewBudget.Part.TIME);
		assertThat(failure.limit()).isEqualTo("300ms");
		assertThat(failure).hasMessage("the preview ran longer than 300ms");
	}

	@Test
	void shouldRefuseAPreviewAtOnceWhenEveryThreadIsBusyAndTheQueueFull() {
		runner = started(1, 0, Duration.ofMinutes(1));
		runner.run(fanOut());

		assertThatThrownBy(() -> runner.run(fanOut())).isInstanceOf(PreviewRunner.PreviewUnavailableException.class)
			.hasMessageContaining("all 1 preview threads are busy and 0 previews wait")
			.hasMessageContaining("streamplane.control-plane.preview.threads");
	}

	@Test
	void shouldAnswerRunningAndWaitingPreviewsWhenStoppedWithoutWaitingForThem() throws Exception {
		runner = started(1, 1, Duration.ofMinutes(1));
		DeferredResult<PreviewResult> running = runner.run(fanOut());
		DeferredResult<PreviewResult> waiting = runner.run(fanOut());
		Thread.sleep(200);
		long start = System.nanoTime();

		runner.stop();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(await(waiting)).isInstanceOf(PreviewRunner.PreviewUnavailableException.class)
			.hasMessageContaining("shutting down");
		assertThat(await(running)).hasMessage("the preview was cancelled");
		assertThatThrownBy(() -> runner.run(fanOut())).isInstanceOf(PreviewRunner.PreviewUnavailableException.class);
	}

	private static PreviewRunner started(int threads, int queue, Duration timeout) {
		PreviewRunner runner = new PreviewRunner(new PipelinePreview(), new ControlPlaneProperties.Preview(threads, queue,
				timeout, Long.MAX_VALUE, Integer.MAX_VALUE, DataSize.ofGigabytes(1)));
		runner.start();
		return runner;
	}

	private static PreviewRequest fanOut() {
		PipelineSpec spec = new SpecReader().read(FAN_OUT, SpecFormat.YAML).spec();
		String thousand = "[" + "1,".repeat(999) + "1]";
		return new PreviewRequest(spec, List.of(PreviewInput.of("events", "k",
				JsonMapper.builder().build().readTree("{\"xs\": " + thousand + "}"))));
	}

	/** The error the result was completed with, waiting up to 30 s. */
	private static Throwable await(DeferredResult<PreviewResult> result) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		result.setResultHandler(value -> done.countDown());
		assertThat(done.await(30, TimeUnit.SECONDS)).as("the preview was answered").isTrue();
		return (Throwable) result.getResult();
	}

}
