package io.streamplane.engine.preview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: sessions with {@code emit: updates} retract the sessions a later record merged away.
 * Folding the change stream as a consumer would (the last row per key and window, a row with
 * {@code "op": "-"} removing its window) gives, for random events in random order, exactly the
 * sessions computed from scratch.
 */
class SessionRetractionsPropertyTest {

	private static final Duration GAP = Duration.ofMinutes(5);

	private static final String SPEC = """
			name: sessions
			sources:
			  clicks:
			    kafka: { topic: clicks }
			    eventTime: { field: ts, unit: iso8601 }
			    lateness: 1d
			transforms:
			  sessions:
			    from: clicks
			    steps:
			      - keyBy: user
			      - window: { session: { gap: 5m }, emit: updates }
			        aggregate: { clicks: "count()" }
			outputs:
			  - { from: sessions, kafka: { topic: sessions } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
	void shouldFoldToTheSessionsComputedFromScratch(long seed) {
		Random random = new Random(seed);
		Instant base = Instant.parse("2026-01-01T00:00:00Z");
		List<Map.Entry<String, Instant>> events = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			events.add(Map.entry("u" + random.nextInt(3), base.plusSeconds(random.nextInt(7_200))));
		}
		Collections.shuffle(events, random);
		List<PreviewInput> inputs = events.stream().map(event -> input("clicks", null,
				"{\"user\": \"" + event.getKey() + "\", \"ts\": \"" + event.getValue() + "\"}")).toList();

		PreviewResult result = preview.run(spec(SPEC), inputs);

		assertThat(result.deadLetters()).isEmpty();
		assertThat(folded(result)).as("seed %d", seed).isEqualTo(fromScratch(events));
	}

	/** The last row per key and window, a retraction removing its window: "user start end" -> clicks. */
	private static Map<String, Long> folded(PreviewResult result) {
		Map<String, Long> sessions = new TreeMap<>();
		for (PreviewOutput output : result.outputs().get("sessions")) {
			String window = output.key() + " " + output.value().path("window_start").asString() + " " +
					output.value().path("window_end").asString();
			if ("-".equals(output.value().path("op").asString(""))) {
				assertThat(sessions).as("a retraction names a window emitted before").containsKey(window);
				sessions.remove(window);
			}
			else {
				sessions.put(window, output.value().path("clicks").asLong());
			}
		}
		return sessions;
	}

	/** Per user, the events sorted by time and split where two are more than the gap apart. */
	private static Map<String, Long> fromScratch(List<Map.Entry<String, Instant>> events) {
		Map<String, List<Instant>> byUser = new TreeMap<>();
		events.forEach(event -> byUser.computeIfAbsent(event.getKey(), user -> new ArrayList<>()).add(event.getValue()));
		Map<String, Long> sessions = new TreeMap<>();
		byUser.forEach((user, times) -> {
			Collections.sort(times);
			int first = 0;
			for (int i = 1; i <= times.size(); i++) {
				if (i == times.size() || Duration.between(times.get(i - 1), times.get(i)).compareTo(GAP) > 0) {
					sessions.put(user + " " + times.get(first) + " " + times.get(i - 1), (long) (i - first));
					first = i;
				}
			}
		});
		return sessions;
	}

}
