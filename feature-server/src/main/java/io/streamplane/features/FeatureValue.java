package io.streamplane.features;

import java.time.Instant;

/**
 * One served feature value.
 *
 * @param value the aggregate ({@code Long} for count, {@code Double} for sum/min/max/avg, the event's
 *        JSON scalar for first/last), or {@code null} unless {@code status} is {@link FeatureStatus#PRESENT}
 * @param status whether the value could be served
 * @param eventTimestamp event time of the entity's newest event up to the request time, or {@code null}
 *        when the entity is not found
 */
public record FeatureValue(Object value, FeatureStatus status, Instant eventTimestamp) {

	/** A served value. */
	public static FeatureValue present(Object value, Instant eventTimestamp) {
		return new FeatureValue(value, FeatureStatus.PRESENT, eventTimestamp);
	}

	/** No data for the entity (or, for functions without an empty value, none in the window). */
	public static FeatureValue notFound(Instant eventTimestamp) {
		return new FeatureValue(null, FeatureStatus.NOT_FOUND, eventTimestamp);
	}

	/** The entity's data is older than the view's ttl. */
	public static FeatureValue outsideMaxAge(Instant eventTimestamp) {
		return new FeatureValue(null, FeatureStatus.OUTSIDE_MAX_AGE, eventTimestamp);
	}
}
