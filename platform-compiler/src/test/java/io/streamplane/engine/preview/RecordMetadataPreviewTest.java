package io.streamplane.engine.preview;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.streamplane.engine.preview.Previews.input;
import static io.streamplane.engine.preview.Previews.spec;
import static io.streamplane.engine.preview.Previews.values;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: {@code meta.timestamp}, {@code meta.key}, {@code meta.topic}, {@code meta.partition}, {@code meta.offset} in expressions. */
class RecordMetadataPreviewTest {

	private static final String SPEC = """
			name: clicks-with-metadata
			sources:
			  clicks:
			    kafka: { topic: clicks }
			    eventTime: { field: ts, unit: iso8601 }
			transforms:
			  stamped:
			    from: clicks
			    steps:
			      - filter: "meta.timestamp >= timestamp('2026-01-01T00:00:00Z')"
			      - set:
			          at: "string(meta.timestamp)"
			          hour: "meta.timestamp.getHours()"
			          source: "meta.topic + '/' + string(meta.partition) + '/' + string(meta.offset)"
			          same_key: "meta.key == key"
			      - select: [page, at, hour, source, same_key]
			outputs:
			  - { from: stamped, kafka: { topic: stamped } }
			""";

	private final PipelinePreview preview = new PipelinePreview();

	@Test
	void shouldReadTheRecordTimestampTopicPartitionAndOffsetThroughMeta() {
		PreviewResult result = preview.run(spec(SPEC), List.of(
				input("clicks", "u1", "{\"page\": \"/old\", \"ts\": \"2025-12-31T23:59:00Z\"}"),
				input("clicks", "u1", "{\"page\": \"/a\", \"ts\": \"2026-01-01T10:15:00Z\"}"),
				input("clicks", "u2", "{\"page\": \"/b\", \"ts\": \"2026-01-01T11:00:00Z\"}")));

		assertThat(result.deadLetters()).isEmpty();
		assertThat(values(result, "stamped")).containsExactly(
				Previews.value("{\"page\": \"/a\", \"at\": \"2026-01-01T10:15:00Z\", \"hour\": 10, " +
						"\"source\": \"clicks/0/1\", \"same_key\": true}"),
				Previews.value("{\"page\": \"/b\", \"at\": \"2026-01-01T11:00:00Z\", \"hour\": 11, " +
						"\"source\": \"clicks/0/2\", \"same_key\": true}"));
	}

	@Test
	void shouldSeeTheTimestampOfAWindowResultAsPreviewShowsIt() {
		PreviewResult result = preview.run(spec("""
				name: counts
				sources:
				  clicks:
				    kafka: { topic: clicks }
				    eventTime: { field: ts, unit: iso8601 }
				transforms:
				  counted:
				    from: clicks
				    steps:
				      - window: { tumbling: 1h }
				        aggregate: { n: "count()" }
				      - set: { at: "string(meta.timestamp)" }
				      - select: [n, window_end, at]
				outputs:
				  - { from: counted, kafka: { topic: counted } }
				"""), List.of(input("clicks", "u1", "{\"ts\": \"2026-01-01T10:15:00Z\"}")));

		assertThat(result.deadLetters()).isEmpty();
		assertThat(result.outputs().get("counted")).singleElement().satisfies(output -> {
			assertThat(output.value().path("window_end").asString()).isEqualTo("2026-01-01T11:00:00Z");
			assertThat(output.value().path("at").asString()).as("meta.timestamp is the result's timestamp")
				.isEqualTo(output.timestamp());
		});
	}

}
