package io.streamplane.features.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.streamplane.features.FeatureStatus;
import io.streamplane.features.FeatureValue;

/**
 * The body of {@code GET /features/{view}/{entity}}.
 *
 * @param view the view read
 * @param entity the entity read
 * @param features the values by feature name, in the view's order
 */
public record FeaturesResponse(String view, String entity, Map<String, Value> features) {

	/** The response for these values. */
	static FeaturesResponse of(String view, String entity, Map<String, FeatureValue> values) {
		Map<String, Value> features = new LinkedHashMap<>();
		values.forEach((name, value) -> features.put(name, Value.of(value)));
		return new FeaturesResponse(view, entity, features);
	}

	/**
	 * One feature value.
	 *
	 * @param value the value, {@code null} unless {@code status} is {@code PRESENT}
	 * @param status whether the value could be served
	 * @param eventTimestamp ISO-8601 event time of the entity's newest event, {@code null} if not found
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Value(Object value, FeatureStatus status, @JsonProperty("event_timestamp") String eventTimestamp) {

		static Value of(FeatureValue value) {
			Instant timestamp = value.eventTimestamp();
			return new Value(value.value(), value.status(), timestamp == null ? null : timestamp.toString());
		}

	}

}
