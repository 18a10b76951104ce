package io.streamplane.engine.preview;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static io.streamplane.engine.preview.Previews.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: rolling aggregates, each record seeing its key's aggregate over the range ending at it. */
class RollingPreviewTest {

	private static final String PIPELINE = """
			name: rolling
			sources:
			  clicks:
			    kafka: { topic: clicks }
			    eventTime: { field: ts, unit: iso8601 }
			    lateness: %s
			    fields: { ts: string, user: string, page: string, ms: int }
			transforms:
			  out:
			    from: clicks
			    steps:
			%s
			outputs:
			  - { from: out, kafka: { topic: out } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	private PreviewResult run(String lateness, String steps, List<PreviewInput> inputs) {
		String indented = steps.lines().map(line -> "      " + line).reduce("", (a, b) -> a + b + "\n");
		return preview.run(spec(PIPELINE.formatted(lateness, indented)), inputs);
	}

	private static PreviewInput click(String user, String time, String page, int ms) {
		return input("clicks", user, "{\"ts\": \"2026-01-01T" + time + "Z\", \"user\": \"" + user + "\", \"page\": \"" +
				page + "\", \"ms\": " + ms + "}");
	}

	@Test
	void shouldAggregateEachKeysRecordsOfTheRangeEndingAtTheRecordsSlice() {
		PreviewResult result = run("0s", """
				- rolling: { range: 1h, slice: 1m }
				  aggregate: { clicks: "count()", home: "count(page == 'home')", slowest: "max(ms)", total: "sum(ms)" }
				- select: [ts, clicks, home, slowest, total]""", List.of(
				click("u1", "00:00:00", "home", 10), click("u1", "00:30:00", "cart", 30),
				click("u2", "00:45:00", "home", 99), click("u1", "00:59:30", "home", 20),
				click("u1", "01:00:10", "cart", 5), click("u1", "01:30:30", "home", 1)));

		assertThat(values(result, "out")).containsExactlyElementsOf(values(
				"{\"ts\": \"2026-01-01T00:00:00Z\", \"clicks\": 1, \"home\": 1, \"slowest\": 10, \"total\": 10}",
				"{\"ts\": \"2026-01-01T00:30:00Z\", \"clicks\": 2, \"home\": 1, \"slowest\": 30, \"total\": 40}",
				"{\"ts\": \"2026-01-01T00:45:00Z\", \"clicks\": 1, \"home\": 1, \"slowest\": 99, \"total\": 99}",
				"{\"ts\": \"2026-01-01T00:59:30Z\", \"clicks\": 3, \"home\": 2, \"slowest\": 30, \"total\": 60}",
				"{\"ts\": \"2026-01-01T01:00:10Z\", \"clicks\": 3, \"home\": 1, \"slowest\": 30, \"total\": 55}",
				"{\"ts\": \"2026-01-01T01:30:30Z\", \"clicks\": 3, \"home\": 2, \"slowest\": 20, \"total\": 26}"));
	}

	@Test
	void shouldDeadLetterARecordWhoseSliceClosedAndLetOneWithinLatenessSeeTheRangeEndingAtItsSlice() {
		List<PreviewInput> inputs = List.of(click("u1", "00:10:00", "home", 1), click("u1", "00:20:00", "home", 1),
				click("u1", "00:08:30", "home", 1), click("u1", "00:19:59", "home", 1));

		PreviewResult strict = run("0s", "- rolling: { range: 1h, slice: 1m }\n  aggregate: { clicks: \"count()\" }\n" +
				"- select: [ts, clicks]", inputs);
		PreviewResult lenient = run("15m", "- rolling: { range: 1h, slice: 1m }\n  aggregate: { clicks: \"count()\" }\n" +
				"- select: [ts, clicks]", inputs);

		assertThat(Previews.field(strict, "out", "clicks")).containsExactlyElementsOf(values("1", "2"));
		assertThat(strict.deadLetters()).hasSize(2).allSatisfy(dead -> {
			assertThat(dead.late()).isTrue();
			assertThat(dead.reason()).startsWith("late record: event time 2026-01-01T00:");
		});
		assertThat(Previews.field(lenient, "out", "clicks")).containsExactlyElementsOf(values("1", "2", "1", "3"));
		assertThat(lenient.deadLetters()).isEmpty();
	}

	@Test
	void shouldAlertOnceWhenTheRollingCountReachesTheThresholdAndReArmBelowIt() {
		PreviewResult result = run("0s", """
				- rolling: { range: 10m }
				  aggregate: { clicks_10m: "count()" }
				- crossing: { value: clicks_10m, thresholds: [3], as: alert }
				- select: [ts, clicks_10m, alert]""", List.of(
				click("u1", "00:00:00", "a", 1), click("u1", "00:01:00", "a", 1), click("u1", "00:02:00", "a", 1),
				click("u1", "00:03:00", "a", 1), click("u1", "00:20:00", "a", 1), click("u1", "00:21:00", "a", 1),
				click("u1", "00:22:00", "a", 1)));

		assertThat(values(result, "out")).containsExactlyElementsOf(values(
				"{\"ts\": \"2026-01-01T00:02:00Z\", \"clicks_10m\": 3, \"alert\": 3}",
				"{\"ts\": \"2026-01-01T00:22:00Z\", \"clicks_10m\": 3, \"alert\": 3}"));
	}

	@Test
	void shouldPreviewA24HourRollingCountOver3000RecordsInUnder5Seconds() {
		List<PreviewInput> inputs = new ArrayList<>();
		for (int i = 0; i < 3_000; i++) {
			long second = i * 28L;
			String time = "%02d:%02d:%02d".formatted(second / 3600, second / 60 % 60, second % 60);
			inputs.add(click("u" + (i % 3), time, "home", i));
		}

		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpu = threads.getCurrentThreadCpuTime();
		PreviewResult result = run("0s", "- rolling: { range: 24h }\n  aggregate: { clicks_24h: \"count()\" }", inputs);
		Duration took = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpu);

		assertThat(result.outputs().get("out")).hasSize(3_000);
		assertThat(result.outputs().get("out").getLast().value().get("clicks_24h").asLong()).isEqualTo(1_000L);
		assertThat(took).as("CPU time of the preview (the driver runs on this thread; wall time on a shared, "
				+ "loaded machine says little)").isLessThan(Duration.ofSeconds(5));
	}

}
