package io.streamplane.features.web;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

import io.streamplane.features.FeatureStatus;
import io.streamplane.features.web.OnlineFeaturesResponse.Column;

/**
 * The JSON of an {@link OnlineFeaturesResponse}, written with Jackson's streaming generator: a batch answer
 * holds a value, a status and a timestamp per entity and feature, and writing them one by one skips the
 * reflection and type checks of serializing records and lists of objects. Statuses and event timestamps, the
 * same few strings over and over (the features of one view share their entities' timestamps), are encoded and
 * quoted once per answer rather than once per value.
 */
final class OnlineFeaturesJson {

	private OnlineFeaturesJson() {
	}

	/** The body of {@code response}, in Feast's field names. */
	static FeatureAnswer.Body body(OnlineFeaturesResponse response) {
		List<Column> columns = response.results();
		return json -> {
			json.writeStartObject();
			json.writeName("metadata");
			json.writeStartObject();
			json.writeName("feature_names");
			json.writeStartArray();
			response.metadata().featureNames().forEach(json::writeString);
			json.writeEndArray();
			json.writeEndObject();
			json.writeName("results");
			json.writeStartArray();
			Map<List<String>, SerializableString[]> timestamps = new IdentityHashMap<>();
			for (Column column : columns) {
				column(json, column, timestamps.computeIfAbsent(column.eventTimestamps(), OnlineFeaturesJson::encoded));
			}
			json.writeEndArray();
			json.writeEndObject();
		};
	}

	private static void column(JsonGenerator json, Column column, SerializableString[] timestamps) {
		json.writeStartObject();
		json.writeName("values");
		json.writeStartArray();
		for (Object value : column.values()) {
			FeaturesJson.scalar(json, value);
		}
		json.writeEndArray();
		json.writeName("statuses");
		json.writeStartArray();
		for (FeatureStatus status : column.statuses()) {
			json.writeString(FeaturesJson.status(status));
		}
		json.writeEndArray();
		json.writeName("event_timestamps");
		json.writeStartArray();
		for (SerializableString timestamp : timestamps) {
			json.writeString(timestamp);
		}
		json.writeEndArray();
		json.writeEndObject();
	}

	private static SerializableString[] encoded(List<String> timestamps) {
		SerializableString[] encoded = new SerializableString[timestamps.size()];
		String previous = null;
		for (int i = 0; i < encoded.length; i++) {
			String timestamp = timestamps.get(i);
			encoded[i] = i > 0 && timestamp.equals(previous) ? encoded[i - 1] : new SerializedString(timestamp);
			previous = timestamp;
		}
		return encoded;
	}

}
