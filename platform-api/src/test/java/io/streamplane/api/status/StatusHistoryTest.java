package io.streamplane.api.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.streamplane.protocol.EngineStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusHistoryTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));

	private final StatusBoard board = new StatusBoard(Duration.ofSeconds(30), Duration.ofHours(1), clock);

	private final StatusHistory history = new StatusHistory(board, clock);

	@Test
	void shouldSampleTheTotalsOfEveryReportingPipelineOldestFirst() {
		board.accept(report("orders", "engine-a", 10, 3));
		board.accept(report("orders", "engine-b", 5, 1));
		history.sample();
		clock.advance(StatusHistory.INTERVAL);
		board.accept(report("orders", "engine-a", 20, 0));
		history.sample();

		PipelineStatusHistory orders = history.of("orders");

		assertThat(orders.sampleInterval()).isEqualTo(Duration.ofSeconds(5));
		assertThat(orders.samples()).extracting(StatusSample::recordsInPerSecond).containsExactly(15.0, 25.0);
		assertThat(orders.samples()).extracting(StatusSample::consumerLag).containsExactly(4L, 1L);
		assertThat(orders.samples()).extracting(StatusSample::state).containsOnly("RUNNING");
		assertThat(history.of("unknown").samples()).isEmpty();
	}

	@Test
	void shouldKeepTheLastFifteenMinutesAndForgetPipelinesNoInstanceReportsOn() {
		board.accept(report("orders", "engine-a", 1, 0));
		for (int i = 0; i < StatusHistory.SAMPLES + 20; i++) {
			clock.advance(StatusHistory.INTERVAL);
			history.sample();
		}

		assertThat(history.of("orders").samples()).hasSize(StatusHistory.SAMPLES);
		assertThat(history.of("orders").samples().getLast().at()).isEqualTo(clock.instant());

		board.forget("orders", "engine-a");
		history.sample();

		assertThat(history.of("orders").samples()).isEmpty();
	}

	private EngineStatus report(String pipeline, String instance, double in, long lag) {
		return new EngineStatus(pipeline, 1, instance, "RUNNING", in, in, lag, 0, 0, null, null, clock.instant());
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
