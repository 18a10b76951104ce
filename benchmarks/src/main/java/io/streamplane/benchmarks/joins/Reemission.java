package io.streamplane.benchmarks.joins;

import java.util.Map;

import io.streamplane.benchmarks.harness.Json;

/**
 * A view re-emitted by the CDC run's pipeline after an update of its user: the insertion
 * ({@code "op": "+"}) carrying the name the update set.
 *
 * @param change the number of the update, from the name {@code v<change>} it set
 * @param seenMillis when a consumer of the output received it
 */
record Reemission(long change, long seenMillis) {

	private static final String PREFIX = "v";

	/** The unique name update number {@code change} gives its user. */
	static String name(long change) {
		return PREFIX + change;
	}

	/** The re-emission in an output record, or {@code null} for a retraction or a first join. */
	static Reemission decode(byte[] json, long seenMillis) {
		if (json == null) {
			return null;
		}
		Map<?, ?> change = Json.read(json, Map.class);
		return "+".equals(change.get("op")) && change.get("name") instanceof String name && name.startsWith(PREFIX)
				? new Reemission(Long.parseLong(name.substring(PREFIX.length())), seenMillis) : null;
	}

}
