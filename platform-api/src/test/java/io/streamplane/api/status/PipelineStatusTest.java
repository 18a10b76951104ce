package io.streamplane.api.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.protocol.CdcTableReport;
import io.streamplane.protocol.EngineStatus;
import io.streamplane.protocol.IndexReport;
import io.streamplane.protocol.PipelineState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineStatusTest {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private final StatusBoard board = new StatusBoard(Duration.ofSeconds(30), Duration.ofMinutes(5),
			Clock.fixed(NOW, ZoneOffset.UTC));

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
	void shouldDropAnInstanceSilentForLongerThanTheExpiryAndThenThePipeline() {
		board.accept(report("engine-killed", "RUNNING", 5, 0, NOW.minusSeconds(301)));
		board.accept(report("engine-stale", "RUNNING", 5, 0, NOW.minusSeconds(299)));
		board.accept(new EngineStatus("other", 1, "other-killed", "RUNNING", 5, 5, 0, 0, 0, null, null,
				NOW.minusSeconds(400)));

		assertThat(status().instances()).extracting(InstanceStatus::instanceId).containsExactly("engine-stale");
		assertThat(board.pipelines()).containsExactly("orders");
	}

	@Test
	void shouldForgetAnInstanceOnATombstone() {
		board.accept(report("engine-a", "RUNNING", 7, 0, NOW));
		board.forget("orders", "engine-a");

		assertThat(status().instances()).isEmpty();
	}

	@Test
	void shouldShowEachFeatureViewWithTheNewestEventAnyLiveInstanceWrote() {
		Map<String, Instant> a = new LinkedHashMap<>();
		a.put("user_clicks", Instant.parse("2026-01-01T12:04:55Z"));
		a.put("user_orders", null);
		Map<String, Instant> b = new LinkedHashMap<>();
		b.put("user_clicks", Instant.parse("2026-01-01T12:03:00Z"));
		b.put("user_orders", null);
		board.accept(withViews(report("engine-a", "RUNNING", 1, 0, NOW), a));
		board.accept(withViews(report("engine-b", "RUNNING", 1, 0, NOW), b));
		board.accept(withViews(report("engine-c", "RUNNING", 1, 0, NOW.minusSeconds(60)),
				Map.of("user_clicks", Instant.parse("2026-01-01T13:00:00Z"))));

		Map<String, Instant> views = status().featureViews();

		assertThat(views).containsOnlyKeys("user_clicks", "user_orders");
		assertThat(views.get("user_clicks")).isEqualTo(Instant.parse("2026-01-01T12:04:55Z"));
		assertThat(views.get("user_orders")).isNull();
	}

	@Test
	void shouldShowEachCdcTableAsReportedByTheLiveInstanceThatCapturesIt() {
		board.accept(withCdc(report("engine-a", "RUNNING", 1, 0, NOW),
				Map.of("public.users", new CdcTableReport("STANDBY", null, null))));
		board.accept(withCdc(report("engine-b", "RUNNING", 1, 0, NOW),
				Map.of("public.users", new CdcTableReport("CAPTURING", 4096L, null))));
		board.accept(withCdc(report("engine-c", "RUNNING", 1, 0, NOW.minusSeconds(60)),
				Map.of("public.users", new CdcTableReport("FAILED", null, "stale instance"))));
		board.accept(withCdc(report("engine-d", "RUNNING", 1, 0, NOW),
				Map.of("public.users", new CdcTableReport("STANDBY", null, null),
						"public.plans", new CdcTableReport("STANDBY", null, null))));

		Map<String, CdcTableReport> tables = status().cdcTables();

		assertThat(tables).containsOnlyKeys("public.plans", "public.users");
		assertThat(tables.get("public.users")).isEqualTo(new CdcTableReport("CAPTURING", 4096L, null));
		assertThat(tables.get("public.plans").state()).isEqualTo("STANDBY");
	}

	@Test
	void shouldSumTheIndexWritesOfLiveInstancesWithTheNewestSourceTime() {
		String topic = "sp.index.orders.docs";
		board.accept(withIndexes(report("engine-a", "RUNNING", 1, 0, NOW),
				Map.of("docs", new IndexReport(topic, 10, 2, Instant.parse("2026-01-01T12:00:00Z")))));
		board.accept(withIndexes(report("engine-b", "RUNNING", 1, 0, NOW),
				Map.of("docs", new IndexReport(topic, 5, 0, Instant.parse("2026-01-01T12:01:00Z")))));
		board.accept(withIndexes(report("engine-c", "RUNNING", 1, 0, NOW), Map.of("docs", new IndexReport(topic, 0, 0, null))));
		board.accept(withIndexes(report("engine-d", "RUNNING", 1, 0, NOW.minusSeconds(60)),
				Map.of("docs", new IndexReport(topic, 100, 100, Instant.parse("2026-01-01T13:00:00Z")))));

		assertThat(status().indexes()).containsExactly(
				Map.entry("docs", new IndexReport(topic, 15, 2, Instant.parse("2026-01-01T12:01:00Z"))));
	}

	private static EngineStatus withIndexes(EngineStatus report, Map<String, IndexReport> indexes) {
		return new EngineStatus(report.pipeline(), report.version(), report.instanceId(), report.state(),
				report.recordsInPerSecond(), report.recordsOutPerSecond(), report.consumerLag(), report.lateRecords(),
				report.deadLetters(), report.lastError(), report.lastErrorAt(), report.reportedAt(), Map.of(), Map.of(),
				indexes);
	}

	private static EngineStatus withCdc(EngineStatus report, Map<String, CdcTableReport> tables) {
		return new EngineStatus(report.pipeline(), report.version(), report.instanceId(), report.state(),
				report.recordsInPerSecond(), report.recordsOutPerSecond(), report.consumerLag(), report.lateRecords(),
				report.deadLetters(), report.lastError(), report.lastErrorAt(), report.reportedAt(), Map.of(), tables);
	}

	private static EngineStatus withViews(EngineStatus report, Map<String, Instant> views) {
		return new EngineStatus(report.pipeline(), report.version(), report.instanceId(), report.state(),
				report.recordsInPerSecond(), report.recordsOutPerSecond(), report.consumerLag(), report.lateRecords(),
				report.deadLetters(), report.lastError(), report.lastErrorAt(), report.reportedAt(), views);
	}

	private PipelineStatus status() {
		return PipelineStatus.of("orders", 3, PipelineState.RUNNING, board.instances("orders"));
	}

	private static EngineStatus report(String instance, String state, double in, long lag, Instant at) {
		return new EngineStatus("orders", 3, instance, state, in, in, lag, 0, 0, null, null, at);
	}

}
