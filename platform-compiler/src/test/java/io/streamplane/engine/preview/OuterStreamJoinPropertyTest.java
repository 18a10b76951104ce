package io.streamplane.engine.preview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import io.streamplane.spec.StreamJoinType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.streamplane.engine.preview.Previews.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Issue 18, property: for random impressions and clicks arriving out of order, a left, right or
 * full stream–stream join emits, after any prefix of the input, exactly the answer computed from
 * scratch for that prefix: every pair of events that were not late, plus every kept event that was
 * not late, found no match, and whose window has closed (stream time past its time + within +
 * lateness) — none earlier, none that a match arrived for in time; and it dead-letters exactly the
 * late events (more than the lateness behind stream time). An event whose join key is {@code null}
 * matches nothing, never counts as late and does not move stream time: a kept one comes out at
 * once, with {@code null} for the other side's fields. Each seed is one random history.
 */
class OuterStreamJoinPropertyTest {

	/** Seeds run per type by default; {@code -Dstreamjoin.seeds=1000} runs more. */
	private static final int SEEDS = Integer.getInteger("streamjoin.seeds", 10);

	private static final long WITHIN = 300;

	private static final long LATENESS = 60;

	private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

	private static final String SPEC = """
			name: impressions-and-clicks
			sources:
			  impressions:
			    kafka: { topic: impressions }
			    fields: { impression_id: string, ad: string, ts: string }
			    eventTime: { field: ts, unit: iso8601 }
			    lateness: 1m
			  clicks:
			    kafka: { topic: clicks }
			    fields: { impression_id: string, click: string, ts: string }
			    eventTime: { field: ts, unit: iso8601 }
			    lateness: 1m
			transforms:
			  joined:
			    from: impressions
			    steps:
			      - join: { stream: clicks, on: impression_id, streamOn: impression_id, within: 5m, type: TYPE }
			outputs:
			  - { from: joined, kafka: { topic: joined } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	/**
	 * One input event: an impression (with {@code ad}) or a click (with {@code click}), its join key
	 * ({@code null} for none) and time in seconds.
	 */
	private record Event(boolean impression, String name, String key, long time) {

		PreviewInput toInput() {
			String ts = BASE.plusSeconds(time).toString();
			return impression ? Previews.input("impressions", name, "{\"impression_id\": " + quoted(key) + ", \"ad\": \"" + name +
					"\", \"ts\": \"" + ts + "\"}")
					: Previews.input("clicks", name, "{\"impression_id\": " + quoted(key) + ", \"click\": \"" + name + "\", \"ts\": \"" +
							ts + "\"}");
		}

	}

	static Stream<Arguments> histories() {
		return Stream.of(StreamJoinType.LEFT, StreamJoinType.RIGHT, StreamJoinType.FULL)
			.flatMap(type -> Stream.iterate(0L, seed -> seed + 1).limit(SEEDS).map(seed -> arguments(type, seed)));
	}

	@ParameterizedTest(name = "{0} seed {1}")
	@MethodSource("histories")
	void shouldEmitAfterEveryPrefixExactlyTheAnswerComputedFromScratch(StreamJoinType type, long seed) {
		Random random = new Random(seed);
		List<Event> events = new ArrayList<>();
		int count = 30 + random.nextInt(30);
		for (int i = 0; i < count; i++) {
			boolean impression = random.nextBoolean();
			long time = Math.max(0, i * 40L + random.nextInt(-150, 40));
			String key = random.nextInt(6) == 0 ? null : "k" + random.nextInt(4);
			events.add(new Event(impression, (impression ? "a" : "c") + i, key, time));
		}
		String spec = SPEC.replace("TYPE", type.name().toLowerCase(Locale.ROOT));
		for (int cut : List.of(random.nextInt(count / 2), count / 2 + random.nextInt(count / 2), count)) {
			List<Event> prefix = new ArrayList<>(events.subList(0, cut));
			if (cut == count) {
				prefix.add(new Event(true, "flush", "flush", count * 40L + 86_400));
			}
			PreviewResult result = preview.run(spec(spec), prefix.stream().map(Event::toInput).toList());

			FromScratch expected = new FromScratch(type, prefix);
			assertThat(sorted(result.outputs().getOrDefault("joined", List.of()).stream()
				.map(output -> Previews.value(output.value().toString())).toList()))
				.as("%s seed %d after %d events", type, seed, cut)
				.isEqualTo(sorted(expected.rows));
			assertThat(result.deadLetters()).as("%s seed %d after %d events", type, seed, cut)
				.allSatisfy(letter -> assertThat(letter.late()).isTrue())
				.hasSize(expected.late);
		}
	}

	private static String quoted(String text) {
		return text == null ? "null" : "\"" + text + "\"";
	}

	private static List<String> sorted(List<Object> rows) {
		return rows.stream().map(String::valueOf).sorted().toList();
	}

	/** The join's answer for events in this arrival order, computed from scratch. */
	private static final class FromScratch {

		private final List<Object> rows = new ArrayList<>();

		private int late;

		FromScratch(StreamJoinType type, List<Event> arrivals) {
			long streamTime = Long.MIN_VALUE;
			List<Event> onTime = new ArrayList<>();
			for (Event event : arrivals) {
				if (event.key() == null) {
					boolean kept = event.impression() ? type.keepsThis() : type.keepsOther();
					if (kept) {
						rows.add(event.impression() ? row(event, null) : row(null, event));
					}
					continue;
				}
				streamTime = Math.max(streamTime, event.time());
				if (event.time() + LATENESS < streamTime) {
					late++;
				}
				else {
					onTime.add(event);
				}
			}
			for (Event event : onTime) {
				List<Event> matches = onTime.stream().filter(other -> other.impression() != event.impression() &&
						other.key().equals(event.key()) && Math.abs(other.time() - event.time()) <= WITHIN).toList();
				if (event.impression()) {
					matches.forEach(click -> rows.add(row(event, click)));
				}
				boolean kept = event.impression() ? type.keepsThis() : type.keepsOther();
				if (matches.isEmpty() && kept && event.time() + WITHIN + LATENESS < streamTime) {
					rows.add(event.impression() ? row(event, null) : row(null, event));
				}
			}
		}

		private static Object row(Event impression, Event click) {
			String key = impression == null ? click.key() : impression.key();
			return Previews.value("{\"impression_id\": " + quoted(key) + ", \"ad\": " +
					(impression == null ? "null" : "\"" + impression.name() + "\"") + ", \"ts\": " +
					(impression == null ? "null" : "\"" + BASE.plusSeconds(impression.time()) + "\"") + ", \"click\": " +
					(click == null ? "null" : "\"" + click.name() + "\"") + ", \"clicks_ts\": " +
					(click == null ? "null" : "\"" + BASE.plusSeconds(click.time()) + "\"") + "}");
		}

	}

}
