package io.streamplane.features.web;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import io.streamplane.features.FeatureValue;

/**
 * The body of {@code GET /features/{view}/{entity}}, written with Jackson's streaming generator rather than
 * through records and message converters (a GET's response is small and of one fixed shape):
 * {@code {"view":…,"entity":…,"features":{"<name>":{"value":…,"status":"PRESENT","event_timestamp":"<ISO-8601>"},…}}},
 * features in the view's order; {@code value} is {@code null} unless the status is {@code PRESENT},
 * {@code event_timestamp} is {@code null} for an entity never seen.
 */
final class FeaturesJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private FeaturesJson() {
	}

	/** The body of the features of {@code entity}. */
	static FeatureAnswer.Body body(String view, String entity, Map<String, FeatureValue> values) {
		return json -> {
			json.writeStartObject();
			json.writeStringProperty("view", view);
			json.writeStringProperty("entity", entity);
			json.writeName("features");
			json.writeStartObject();
			Timestamps timestamps = new Timestamps();
			values.forEach((name, value) -> feature(json, name, value, timestamps));
			json.writeEndObject();
			json.writeEndObject();
		};
	}

	/** A generator of UTF-8 JSON into {@code out}; closing it flushes but leaves {@code out} open. */
	static JsonGenerator generator(OutputStream out) {
		return MAPPER.createGenerator(out);
	}

	/** Writes a feature value: a JSON scalar for the types aggregates produce, Jackson's default for others. */
	static void scalar(JsonGenerator json, Object value) {
		switch (value) {
			case null -> json.writeNull();
			case Long number -> json.writeNumber(number);
			case Double number -> json.writeNumber(number);
			case Integer number -> json.writeNumber(number);
			case String text -> json.writeString(text);
			case Boolean flag -> json.writeBoolean(flag);
			default -> json.writePOJO(value);
		}
	}

	private static void feature(JsonGenerator json, String name, FeatureValue value, Timestamps timestamps) {
		json.writeName(name);
		json.writeStartObject();
		json.writeName("value");
		scalar(json, value.value());
		json.writeStringProperty("status", value.status().name());
		json.writeStringProperty("event_timestamp", timestamps.format(value.eventTimestamp()));
		json.writeEndObject();
	}

	/**
	 * ISO-8601 text of the event timestamps of one answer: the features of an entity share its newest event
	 * time, so it is formatted once, not once per feature.
	 */
	static final class Timestamps {

		private Instant last;

		private String text;

		/** The ISO-8601 text of {@code timestamp}, or null. */
		String format(Instant timestamp) {
			if (timestamp == null) {
				return null;
			}
			if (!timestamp.equals(last)) {
				last = timestamp;
				text = timestamp.toString();
			}
			return text;
		}

	}
}
