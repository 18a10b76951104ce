package io.streamplane.features.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.streamplane.features.FeatureReader;
import io.streamplane.features.FeatureStatus;
import io.streamplane.features.FeatureValue;
import io.streamplane.features.web.FeatureSelection.ViewFeatures;

/**
 * The answer to {@code POST /features}, Feast's {@code get-online-features} response, written as JSON by
 * {@link OnlineFeaturesJson} ({@code feature_names}, {@code event_timestamps}): one column per name
 * of {@code metadata.feature_names} (the entity keys first, then the features), each column holding one
 * value, status and event timestamp per entity row, in request order. Entity key columns echo the keys
 * as sent, {@code PRESENT}, at the epoch; a feature without an event timestamp (entity never seen) is
 * answered at the epoch too, as Feast does.
 *
 * @param metadata the column names
 * @param results the columns, in the order of {@code metadata.feature_names}
 */
public record OnlineFeaturesResponse(Metadata metadata, List<Column> results) {

	private static final String EPOCH = Instant.EPOCH.toString();

	/**
	 * The names of the columns.
	 *
	 * @param featureNames entity key names, then feature names ({@code view__feature} with full feature names)
	 */
	public record Metadata(List<String> featureNames) {
	}

	/**
	 * One column: a value per entity row.
	 *
	 * @param values the values, {@code null} unless the status is {@code PRESENT}
	 * @param statuses the status of each value
	 * @param eventTimestamps ISO-8601 event time of the newest event of each entity
	 */
	public record Column(List<Object> values, List<FeatureStatus> statuses, List<String> eventTimestamps) {
	}

	/** Reads the selected features of the request's entities, each view with one batch read. */
	static OnlineFeaturesResponse read(OnlineFeaturesRequest request, FeatureSelection selection,
			FeatureReader reader, Instant asOf) {
		List<String> names = new ArrayList<>();
		List<Column> columns = new ArrayList<>();
		int rows = request.rows();
		request.entityValues().forEach((key, values) -> {
			names.add(key);
			columns.add(new Column(new ArrayList<>(values.stream().map(OnlineFeaturesResponse::scalar).toList()),
					Collections.nCopies(rows, FeatureStatus.PRESENT), Collections.nCopies(rows, EPOCH)));
		});
		for (ViewFeatures view : selection.views()) {
			List<Map<String, FeatureValue>> entityRows = reader.readAll(view.view(),
					request.entities().get(view.view().entityKey()), asOf);
			names.addAll(view.names());
			List<String> timestamps = timestamps(entityRows);
			for (String feature : view.features()) {
				columns.add(column(entityRows, feature, timestamps));
			}
		}
		return new OnlineFeaturesResponse(new Metadata(names), columns);
	}

	private static Column column(List<Map<String, FeatureValue>> rows, String feature, List<String> timestamps) {
		List<Object> values = new ArrayList<>(rows.size());
		List<FeatureStatus> statuses = new ArrayList<>(rows.size());
		for (Map<String, FeatureValue> row : rows) {
			FeatureValue value = row.get(feature);
			values.add(value.value());
			statuses.add(value.status());
		}
		return new Column(values, statuses, timestamps);
	}

	private static List<String> timestamps(List<Map<String, FeatureValue>> rows) {
		List<String> timestamps = new ArrayList<>(rows.size());
		for (Map<String, FeatureValue> row : rows) {
			Instant timestamp = row.values().iterator().next().eventTimestamp();
			timestamps.add(timestamp == null ? EPOCH : timestamp.toString());
		}
		return timestamps;
	}

	private static Object scalar(JsonNode key) {
		return key.isIntegralNumber() ? key.numberValue() : key.stringValue();
	}

}
