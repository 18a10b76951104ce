package io.streamplane.features;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.streamplane.spec.FeatureDefinition;

/** The mergeable aggregates a feature can compute over a window, with the partial each one reads. */
public enum ServedAggregate {

	/** Number of events; reads 0 for a known entity with no events in the window. */
	COUNT("count"),
	/** Sum of a numeric field; reads 0 for a known entity with no events in the window. */
	SUM("sum"),
	/** Smallest value of a numeric field. */
	MIN("min"),
	/** Largest value of a numeric field. */
	MAX("max"),
	/** Mean of a numeric field. */
	AVG("avg"),
	/** Value of the earliest event in the window. */
	FIRST("first"),
	/** Value of the latest event in the window. */
	LAST("last"),
	/** Approximate number of distinct values of a field (a HyperLogLog sketch, about 1.6% error); 0 when none. */
	COUNT_DISTINCT("count_distinct");

	private final String functionName;

	/** The partial ids of the arguments features name, made once: every read looks them up per feature. */
	private final Map<String, String> partialIds = new ConcurrentHashMap<>();

	ServedAggregate(String functionName) {
		this.functionName = functionName;
	}

	/**
	 * The id under which tiles carry this function's partial for the given argument, e.g.
	 * {@code count()} or {@code sum(amount)}.
	 *
	 * @param argument the field the function reads; empty for {@link #COUNT}
	 */
	public String partialId(String argument) {
		String field = argument == null ? "" : argument;
		String id = partialIds.get(field);
		return id != null ? id : partialIds.computeIfAbsent(field, key -> FeatureDefinition.partialId(functionName, key));
	}

	/**
	 * Whether an empty window has a value (0 for count, count_distinct and sum); otherwise it reads
	 * {@link FeatureStatus#NOT_FOUND}.
	 */
	public boolean hasEmptyValue() {
		return this == COUNT || this == SUM || this == COUNT_DISTINCT;
	}

	/** The value over an empty window, for functions where {@link #hasEmptyValue()} holds. */
	Object emptyValue() {
		return this == SUM ? (Object) 0.0 : (Object) 0L;
	}
}
