package io.streamplane.api.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.streamplane.protocol.EngineStatus;
import io.streamplane.protocol.PipelineState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineStatusTest {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private final StatusBoard board = new StatusBoard(Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void shouldBePendingWhileNoEngineReports() {
		PipelineStatus status = status();

		assertThat(status.state()).isEqualTo("PENDING");
		assertThat(status.instances()).isEmpty();
	}

	@Test
	void shouldSumLiveInstancesAndMarkSilentOnesStale() {
		board.accept(report("engine-a", "RUNNING", 100, 5, NOW.minusSeconds(2)));
		board.accept(report("engine-b", "RUNNING", 50, 3, NOW.minusSeconds(3)));
		board.accept(report("engine-c", "RUNNING", 999, 999, NOW.minusSeconds(31)));

		PipelineStatus status = status();

		assertThat(status.state()).isEqualTo("RUNNING");
		assertThat(status.totals().recordsInPerSecond()).isEqualTo(150.0);
		assertThat(status.totals().consumerLag()).isEqualTo(8);
		assertThat(status.instances()).extracting(InstanceStatus::state).containsExactly("RUNNING", "RUNNING", "STALE");
	}

	@Test
	void shouldBeFailedWhenAnyLiveInstanceFailed() {
		board.accept(report("engine-a", "RUNNING", 1, 0, NOW));
		board.accept(report("engine-b", "FAILED", 0, 0, NOW));

		assertThat(status().state()).isEqualTo("FAILED");
	}

	@Test
	void shouldBeMixedWhileInstancesDisagree() {
		board.accept(report("engine-a", "RUNNING", 1, 0, NOW));
		board.accept(report("engine-b", "REBALANCING", 0, 0, NOW));

		assertThat(status().state()).isEqualTo("MIXED");
	}

	@Test
	void shouldKeepTheNewestReportOfAnInstance() {
		board.accept(report("engine-a", "RUNNING", 7, 0, NOW.minusSeconds(1)));
		board.accept(report("engine-a", "REBALANCING", 1, 0, NOW.minusSeconds(5)));

		assertThat(status().instances()).singleElement().extracting(InstanceStatus::recordsInPerSecond).isEqualTo(7.0);
	}

	@Test
	void shouldForgetAnInstanceOnATombstone() {
		board.accept(report("engine-a", "RUNNING", 7, 0, NOW));
		board.forget("orders", "engine-a");

		assertThat(status().instances()).isEmpty();
	}

	private PipelineStatus status() {
		return PipelineStatus.of("orders", 3, PipelineState.RUNNING, board.instances("orders"));
	}

	private static EngineStatus report(String instance, String state, double in, long lag, Instant at) {
		return new EngineStatus("orders", 3, instance, state, in, in, lag, 0, 0, null, null, at);
	}

}
