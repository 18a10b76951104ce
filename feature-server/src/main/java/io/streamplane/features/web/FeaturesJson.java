package io.streamplane.features.web;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

import io.streamplane.features.FeatureStatus;
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

	private static final SerializableString[] STATUSES = Arrays.stream(FeatureStatus.values())
		.map(status -> new SerializedString(status.name()))
		.toArray(SerializableString[]::new);

	private static final SerializableString VALUE = new SerializedString("value");

	private static final SerializableString STATUS = new SerializedString("status");

	private static final SerializableString EVENT_TIMESTAMP = new SerializedString("event_timestamp");

	private FeaturesJson() {
	}

	/** The name of {@code status}, encoded once. */
	static SerializableString status(FeatureStatus status) {
		return STATUSES[status.ordinal()];
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
		json.writeName(VALUE);
		scalar(json, value.value());
		json.writeName(STATUS);
		json.writeString(status(value.status()));
		json.writeName(EVENT_TIMESTAMP);
		SerializableString timestamp = timestamps.format(value.eventTimestamp());
		if (timestamp == null) {
			json.writeNull();
		}
		else {
			json.writeString(timestamp);
		}
		json.writeEndObject();
	}

	/**
	 * ISO-8601 text of the event timestamps of one answer: the features of an entity share its newest event
	 * time, so it is formatted once, not once per feature.
	 */
	static final class Timestamps {

		private Instant last;

		private SerializableString text;

		/** The ISO-8601 text of {@code timestamp}, encoded, or null. */
		SerializableString format(Instant timestamp) {
			if (timestamp == null) {
				return null;
			}
			if (!timestamp.equals(last)) {
				last = timestamp;
				text = new SerializedString(timestamp.toString());
			}
			return text;
		}

	}
}
