package io.streamplane.features.web;

import java.util.List;

import tools.jackson.core.JsonGenerator;

import io.streamplane.features.FeatureStatus;
import io.streamplane.features.web.OnlineFeaturesResponse.Column;

/**
 * The JSON of an {@link OnlineFeaturesResponse}, written with Jackson's streaming generator: a batch answer
 * holds a value, a status and a timestamp per entity and feature, and writing them one by one skips the
 * reflection and type checks of serializing records and lists of objects.
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
			columns.forEach(column -> column(json, column));
			json.writeEndArray();
			json.writeEndObject();
		};
	}

	private static void column(JsonGenerator json, Column column) {
		json.writeStartObject();
		json.writeName("values");
		json.writeStartArray();
		column.values().forEach(value -> FeaturesJson.scalar(json, value));
		json.writeEndArray();
		json.writeName("statuses");
		json.writeStartArray();
		for (FeatureStatus status : column.statuses()) {
			json.writeString(status.name());
		}
		json.writeEndArray();
		json.writeName("event_timestamps");
		json.writeStartArray();
		column.eventTimestamps().forEach(json::writeString);
		json.writeEndArray();
		json.writeEndObject();
	}

}
