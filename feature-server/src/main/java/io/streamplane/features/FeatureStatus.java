package io.streamplane.features;

/** Whether a feature value could be served, in the terms of Feast's {@code get-online-features}. */
public enum FeatureStatus {
	/** The value is computed from the entity's tiles. */
	PRESENT,
	/** The entity has no tiles up to the request time (or none in the window, for min/max/avg/first/last). */
	NOT_FOUND,
	/** The entity's newest event is older than the view's ttl at the request time; no value is served. */
	OUTSIDE_MAX_AGE
}
